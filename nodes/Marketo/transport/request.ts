import { joinUrl } from './endpoints';

export type QueryValue = string | number | boolean | Array<string | number> | undefined;

/** One part of a multipart body: a text field, or a file (Marketo's file uploads and HTML content). */
export type MultipartPart = { name: string; value: string } | { name: string; file: { data: Buffer; fileName: string; mimeType: string } };

/** A call as operations describe it: Marketo path, parameters and JSON body. */
export interface MarketoRequest {
	method: 'GET' | 'POST' | 'DELETE';
	/** Path from the instance root, e.g. `/rest/v1/leads.json`. */
	path: string;
	qs?: Record<string, QueryValue>;
	body?: unknown;
	/**
	 * How the body travels: JSON (default); `form`: `body` is a record of fields sent url-encoded
	 * (most asset writes); `multipart`: `body` is a list of MultipartPart (file uploads).
	 */
	bodyEncoding?: 'json' | 'form' | 'multipart';
	/** Safe to send twice when the outcome of the first try is unknown. Defaults to true for GET only. */
	idempotent?: boolean;
	/** Extra HTTP headers, e.g. `Range` for part of a bulk file. */
	headers?: Record<string, string>;
	/** `file`: the answer is a file (bulk export CSV) read as it arrives; a JSON envelope in its place is still judged. */
	response?: 'envelope' | 'file';
}

/** A call as it goes on the wire. */
export interface WireRequest {
	method: 'GET' | 'POST' | 'DELETE';
	url: string;
	/** JSON body, a form-encoded string when `form` is set, MultipartPart[] when `multipart` is set. */
	body?: unknown;
	form?: boolean;
	multipart?: boolean;
	headers?: Record<string, string>;
	/** Read the answer's body as a stream instead of parsing it as JSON. */
	stream?: boolean;
}

/** Marketo refuses URIs over 8 KB with HTTP 414; stay below with room for the request line. */
export const MAX_URI_BYTES = 8_000;

function encodePairs(fields: Record<string, QueryValue>, skip: (value: QueryValue) => boolean): string {
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(fields)) {
		if (skip(value)) continue;
		for (const item of Array.isArray(value) ? value : [value]) {
			pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
		}
	}
	return pairs.join('&');
}

/**
 * Query string as the official files define it: array parameters are `collectionFormat: multi`
 * (`id=1&id=2`), so a list repeats its key. A caller that wants one comma-joined value passes a string.
 */
export function encodeQuery(qs: Record<string, QueryValue> = {}): string {
	return encodePairs(qs, (value) => value === undefined || value === '');
}

/** A url-encoded body keeps '': an asset Update sends `description=` to clear a field. */
export function encodeFormBody(fields: Record<string, QueryValue> = {}): string {
	return encodePairs(fields, (value) => value === undefined);
}

/**
 * Builds the wire form of a call. A GET whose URI would pass 8 KB (long filter lists, long
 * paging tokens) becomes Marketo's documented escape hatch: POST `?_method=GET` with the
 * parameters as a form-encoded body.
 */
export function toWireRequest(instanceBase: string, request: MarketoRequest): WireRequest {
	const extras = { ...(request.headers ? { headers: request.headers } : {}), ...(request.response === 'file' ? { stream: true } : {}) };
	return { ...wireShape(instanceBase, request), ...extras };
}

function wireShape(instanceBase: string, request: MarketoRequest): WireRequest {
	const url = joinUrl(instanceBase, request.path);
	const query = encodeQuery(request.qs);
	const fullUrl = query ? `${url}?${query}` : url;
	if (request.method === 'GET' && Buffer.byteLength(fullUrl) > MAX_URI_BYTES) {
		return { method: 'POST', url: `${url}?_method=GET`, body: query, form: true };
	}
	if (request.bodyEncoding === 'form') {
		return { method: request.method, url: fullUrl, body: encodeFormBody(request.body as Record<string, QueryValue>), form: true };
	}
	if (request.bodyEncoding === 'multipart') return { method: request.method, url: fullUrl, body: request.body, multipart: true };
	return { method: request.method, url: fullUrl, body: request.body };
}

export function isIdempotent(request: MarketoRequest): boolean {
	// An upload whose answer was lost may have created the file: never send it twice on our own.
	if (request.bodyEncoding === 'multipart') return false;
	return request.idempotent ?? request.method === 'GET';
}
