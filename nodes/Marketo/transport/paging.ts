import type { MarketoResponse } from './client';
import { MarketoApiError } from './errors';
import type { MarketoRequest } from './request';
import { settle } from './settle';

export type Requester = <T>(request: MarketoRequest) => Promise<MarketoResponse<T>>;

/** Asset queries take at most 200 per call. */
export const ASSET_MAX_RETURN = 200;

/**
 * The token to read the next page with, or undefined when the walk is over. Marketo's word is
 * `moreResult` (a page may carry a token beside `moreResult: false`; lead lists send a token
 * without `moreResult` while more remain). A page may also say `moreResult: true` and be empty:
 * the walk goes on only with a token it has not sent yet, so a repeated token cannot loop.
 */
export function nextPageTokenOf(response: Pick<MarketoResponse<unknown>, 'moreResult' | 'nextPageToken'>, sent: ReadonlySet<string>): string | undefined {
	const token = response.nextPageToken;
	const more = response.moreResult ?? Boolean(token);
	return more && token && !sent.has(token) ? token : undefined;
}

/**
 * Lead Database paging by position token. Lead lists send `nextPageToken` only while more pages
 * remain; activity feeds always send one and say `moreResult`.
 */
export async function* pagesByToken<T>(send: Requester, request: MarketoRequest): AsyncGenerator<T[]> {
	// A walk may start from a token the caller already has (activity feeds start from a date token).
	let nextPageToken = request.qs?.nextPageToken as string | undefined;
	const sent = new Set<string>();
	do {
		if (nextPageToken) sent.add(nextPageToken);
		const response = await send<T>({ ...request, qs: { ...request.qs, nextPageToken } });
		yield response.result ?? [];
		nextPageToken = nextPageTokenOf(response, sent);
	} while (nextPageToken);
}

/** Asset paging by offset; an empty or short page, or Marketo's 702 "no data", ends the walk. */
export async function* pagesByOffset<T>(
	send: Requester,
	request: MarketoRequest,
	maxReturn = ASSET_MAX_RETURN,
): AsyncGenerator<T[]> {
	for (let offset = 0; ; offset += maxReturn) {
		const answer = await settle(send<T>({ ...request, qs: { ...request.qs, offset, maxReturn } }));
		if (!answer.ok) {
			if (answer.error instanceof MarketoApiError && answer.error.details.code === '702') return;
			throw answer.error;
		}
		const page = answer.value.result ?? [];
		if (page.length > 0) yield page;
		if (page.length < maxReturn) return;
	}
}

/** Drains pages until `limit` records are collected (all of them without a limit). */
export async function collectPages<T>(pages: AsyncGenerator<T[]>, limit?: number): Promise<T[]> {
	const records: T[] = [];
	for await (const page of pages) {
		records.push(...page);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
	}
	return records;
}
