import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { decodePageToken, encodePageToken } from '../leads/pagingToken';
import { LEAD_BATCH_LIMIT } from '../rules';
import type { RouteAnswer } from '../routes/route';

const INTEGER = /^-?\d+$/;

/** A path or query value that must be an integer: 1001 otherwise, as Marketo types its parameters. */
export function integerParam(text: string): number {
	if (!INTEGER.test(text)) throw new MarketoFailure(marketoErrors.invalidValueType(text, 'Integer'));
	return Number(text);
}

/** A list parameter: one comma-separated value (of a repeated key only the first value arrives, see readParameters). */
export function listParam(value: string | undefined): string[] {
	return (value ?? '').split(',').filter((part) => part !== '');
}

/**
 * The lead ids of a list operation: the `id` query parameter (`id=1,2,3`, the form Marketo's List
 * Membership page shows for add, remove and is-member alike), or else the ListOperationRequest body
 * (`{"input": [{"id": …}]}`), which the official file also declares. More than 300: 1003.
 */
export function leadIdsOf(params: Record<string, string>, body: unknown): string[] {
	const fromQuery = listParam(params.id);
	const fromBody = isRecord(body) && Array.isArray(body.input) ? body.input.map((entry) => String(isRecord(entry) ? entry.id : entry)) : [];
	const ids = fromQuery.length > 0 ? fromQuery : fromBody;
	if (ids.length === 0) throw new MarketoFailure(marketoErrors.missingParameter('id'));
	if (ids.length > LEAD_BATCH_LIMIT) {
		throw new MarketoFailure(marketoErrors.invalidData(`${ids.length} lead ids given; the maximum is ${LEAD_BATCH_LIMIT}`));
	}
	return ids;
}

/** One page of `records` by batchSize (1–300, default 300) and a position token bound to `query`. */
export function pageOf(records: readonly unknown[], params: Record<string, string>, query: string): RouteAnswer {
	const size = params.batchSize === undefined ? LEAD_BATCH_LIMIT : integerParam(params.batchSize);
	if (size < 1 || size > LEAD_BATCH_LIMIT) {
		throw new MarketoFailure(marketoErrors.invalidData(`batchSize must be between 1 and ${LEAD_BATCH_LIMIT}, got ${size}`));
	}
	const offset = params.nextPageToken === undefined ? 0 : decodePageToken(params.nextPageToken, query);
	if (offset === undefined) throw new MarketoFailure(marketoErrors.invalidData('Invalid nextPageToken'));
	const more = offset + size < records.length;
	return { result: records.slice(offset, offset + size), ...(more ? { nextPageToken: encodePageToken(offset + size, query) } : {}) };
}

/** Records whose `field` is one of the comma-separated `wanted` values (all records when none are given). */
export function matchingAny<T>(records: T[], wanted: string | undefined, valueOf: (record: T) => unknown): T[] {
	const values = listParam(wanted);
	if (values.length === 0) return records;
	return records.filter((record) => values.includes(String(valueOf(record) ?? '')));
}
