import { joinUrl } from './endpoints';

export type QueryValue = string | number | boolean | Array<string | number> | undefined;

/** A url-encoded body field: one value each (lists travel as JSON text, as the asset API reads them). */
export type FormValue = string | number | boolean | undefined;

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

/**
 * A comma is left literal (it is legal in a query, and Marketo's examples write it so): a list of
 * 300 ids costs one byte per separator, not three, and the value Marketo decodes is the same.
 */
function encodeComponent(text: string): string {
	return encodeURIComponent(text).replace(/%2C/g, ',');
}

const encodeValue = (value: QueryValue): string => (Array.isArray(value) ? value : [value]).map((item) => encodeComponent(String(item))).join(',');

function encodePairs(fields: Record<string, QueryValue>, skip: (value: QueryValue) => boolean): string {
	return Object.entries(fields)
		.filter(([, value]) => !skip(value))
		.map(([key, value]) => `${encodeComponent(key)}=${encodeValue(value)}`)
		.join('&');
}

/**
 * Query string as a real instance reads it: a list is ONE comma-separated value (`id=1,2,3`), the
 * form of the official files' own descriptions and of most of Marketo's examples. The files'
 * `collectionFormat: multi` (`id=1&id=2`) is a code-generator artifact: a server that reads a
 * repeated key as one value sees only the first.
 */
export function encodeQuery(qs: Record<string, QueryValue> = {}): string {
	return encodePairs(qs, (value) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0));
}

/** A url-encoded body keeps '': an asset Update sends `description=` to clear a field. */
export function encodeFormBody(fields: Record<string, FormValue> = {}): string {
	return encodePairs(fields, (value) => value === undefined);
}

/**
 * Builds the wire form of a call. A GET whose URI would pass 8 KB (long filter lists, long
 * paging tokens) becomes Marketo's documented escape hatch: POST `?_method=GET` with the
 * parameters as a form-encoded body. The limit is measured on the very URL that would be sent.
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
		return { method: request.method, url: fullUrl, body: encodeFormBody(request.body as Record<string, FormValue>), form: true };
	}
	if (request.bodyEncoding === 'multipart') return { method: request.method, url: fullUrl, body: request.body, multipart: true };
	return { method: request.method, url: fullUrl, body: request.body };
}

export function isIdempotent(request: MarketoRequest): boolean {
	// An upload whose answer was lost may have created the file: never send it twice on our own.
	if (request.bodyEncoding === 'multipart') return false;
	return request.idempotent ?? request.method === 'GET';
}
