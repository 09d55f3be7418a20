import type { IDataObject } from 'n8n-workflow';

import { RecordRejectedError, type RecordReason } from './outcomes';

/**
 * One entry of a write's `result`, in the order of the request's `input`. Marketo spells a
 * record's "why" three ways: `reasons` (most writes), `errors` (Add Custom Activity, as real
 * instances answer) and a singular `reason` (Push Lead and Sync Leads in the official file).
 */
export interface RecordResult extends IDataObject {
	id?: number;
	status?: string;
	reasons?: RecordReason[];
	errors?: RecordReason[];
	reason?: RecordReason;
}

const REASON_KEYS = new Set(['reasons', 'errors', 'reason']);

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : isObject(value) ? [value] : []);

/** Every reason the entry gives, wherever Marketo put it; codes as text (some answers send numbers). */
export function reasonsOf(result: IDataObject): RecordReason[] {
	return [...listOf(result.reasons), ...listOf(result.errors), ...listOf(result.reason)].filter(isObject).map(({ code, message }) => ({
		...(code === undefined || code === null ? {} : { code: String(code) }),
		...(message === undefined || message === null ? {} : { message: String(message) }),
	}));
}

/**
 * The statuses that mean a record was performed: the endpoint's documented list, or, where Marketo
 * documents none and its file says the status is free text, every status but the refusals.
 */
export type SuccessStatuses = readonly string[] | { anyBut: readonly string[] };

function isSuccess(status: string, successStatuses: SuccessStatuses): boolean {
	return 'anyBut' in successStatuses ? !successStatuses.anyBut.includes(status) : successStatuses.includes(status);
}

/**
 * Marketo's verdict on one record: the record (without its reasons) when the status is one the
 * endpoint documents as done, else the item's error with Marketo's codes. An unknown status or
 * none at all is not taken for success: a record Marketo did not perform must not look written.
 */
export function readRecordResult(itemIndex: number, result: RecordResult | undefined, successStatuses: SuccessStatuses): RecordRejectedError | IDataObject {
	if (!result) return RecordRejectedError.noResult(itemIndex);
	const status = typeof result.status === 'string' ? result.status : undefined;
	if (status !== undefined && isSuccess(status, successStatuses)) return Object.fromEntries(Object.entries(result).filter(([key]) => !REASON_KEYS.has(key)));
	return new RecordRejectedError(itemIndex, status, reasonsOf(result));
}
