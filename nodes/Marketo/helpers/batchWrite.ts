import type { IDataObject } from 'n8n-workflow';

import { marketoApiRequestRaw, type MarketoContext, type MarketoRequest } from '../transport';
import { chunkForEndpoint } from '../transport/batch';
import { PayloadTooLargeError } from '../transport/errors';
import { failed, RecordRejectedError, succeeded, type ItemOutcome } from './outcomes';

export interface BatchEntry<R> {
	itemIndex: number;
	record: R;
}

/** One entry of a batch write's `result`, in the same order as the request's `input`. */
export interface RecordResult extends IDataObject {
	id?: number;
	status?: string;
	reasons?: Array<{ code?: string; message?: string }>;
}

export interface BatchWriteSpec<R> {
	/** Marketo's per-call record limit for the endpoint (300 for the Lead Database). */
	maxRecords: number;
	buildRequest(records: R[]): MarketoRequest;
}

const REJECTED_STATUSES = new Set(['skipped', 'failed']);

/** Marketo's verdict on one record: the item's error when it was skipped, else the record without reasons. */
export function recordVerdict(itemIndex: number, result: RecordResult | undefined): RecordRejectedError | IDataObject {
	if (!result) return new RecordRejectedError(itemIndex, 'returned no result for', []);
	const { reasons, ...record } = result;
	if (REJECTED_STATUSES.has(String(result.status))) return new RecordRejectedError(itemIndex, String(result.status), reasons ?? []);
	return record;
}

function outcomeOf<R>(entry: BatchEntry<R>, result: RecordResult | undefined): ItemOutcome {
	const verdict = recordVerdict(entry.itemIndex, result);
	return verdict instanceof RecordRejectedError ? failed(entry.itemIndex, verdict) : succeeded(entry.itemIndex, verdict);
}

async function sendBatch<R>(ctx: MarketoContext, entries: Array<BatchEntry<R>>, spec: BatchWriteSpec<R>): Promise<ItemOutcome[]> {
	let results: RecordResult[];
	try {
		const response = await marketoApiRequestRaw(ctx, spec.buildRequest(entries.map((entry) => entry.record)));
		results = (response.result ?? []) as RecordResult[];
	} catch (error) {
		// Our size estimate missed (413 means nothing was executed): halve and send again.
		if (error instanceof PayloadTooLargeError && entries.length > 1) {
			const half = Math.ceil(entries.length / 2);
			const [first, second] = await Promise.all([
				sendBatch(ctx, entries.slice(0, half), spec),
				sendBatch(ctx, entries.slice(half), spec),
			]);
			return [...first, ...second];
		}
		return entries.map((entry) => failed(entry.itemIndex, error as Error));
	}
	return entries.map((entry, position) => outcomeOf(entry, results[position]));
}

/**
 * The one shape of every batch write: chunk the items' records by the endpoint's limit and the
 * 1 MB body limit, send the chunks (the throttle decides how many fly at once), and map each
 * result back to the item it came from.
 */
export async function writeInBatches<R>(
	ctx: MarketoContext,
	entries: Array<BatchEntry<R>>,
	spec: BatchWriteSpec<R>,
): Promise<ItemOutcome[]> {
	const chunks = chunkForEndpoint(
		entries.map((entry) => entry.record),
		{ maxRecords: spec.maxRecords },
	);
	const outcomes = await Promise.all(chunks.map(({ start, end }) => sendBatch(ctx, entries.slice(start, end), spec)));
	return outcomes.flat();
}
