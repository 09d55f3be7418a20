import { joinUrl } from './endpoints';

export type QueryValue = string | number | boolean | Array<string | number> | undefined;

/** A call as operations describe it: Marketo path, parameters and JSON body. */
export interface MarketoRequest {
	method: 'GET' | 'POST' | 'DELETE';
	/** Path from the instance root, e.g. `/rest/v1/leads.json`. */
	path: string;
	qs?: Record<string, QueryValue>;
	body?: unknown;
	/** Safe to send twice when the outcome of the first try is unknown. Defaults to true for GET only. */
	idempotent?: boolean;
}

/** A call as it goes on the wire. */
export interface WireRequest {
	method: 'GET' | 'POST' | 'DELETE';
	url: string;
	/** JSON body, or a form-encoded string when `form` is set. */
	body?: unknown;
	form?: boolean;
}

/** Marketo refuses URIs over 8 KB with HTTP 414; stay below with room for the request line. */
export const MAX_URI_BYTES = 8_000;

export function encodeQuery(qs: Record<string, QueryValue> = {}): string {
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === '') continue;
		const text = Array.isArray(value) ? value.join(',') : String(value);
		pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
	}
	return pairs.join('&');
}

/**
 * Builds the wire form of a call. A GET whose URI would pass 8 KB (long filter lists, long
 * paging tokens) becomes Marketo's documented escape hatch: POST `?_method=GET` with the
 * parameters as a form-encoded body.
 */
export function toWireRequest(instanceBase: string, request: MarketoRequest): WireRequest {
	const url = joinUrl(instanceBase, request.path);
	const query = encodeQuery(request.qs);
	const fullUrl = query ? `${url}?${query}` : url;
	if (request.method === 'GET' && Buffer.byteLength(fullUrl) > MAX_URI_BYTES) {
		return { method: 'POST', url: `${url}?_method=GET`, body: query, form: true };
	}
	return { method: request.method, url: fullUrl, body: request.body };
}

export function isIdempotent(request: MarketoRequest): boolean {
	return request.idempotent ?? request.method === 'GET';
}
