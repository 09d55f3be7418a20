import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';

/**
 * Asset writes arrive url-encoded (fields as strings, objects as JSON text) or multipart. Routes
 * see the parsed body only, so the encoding is read from its shape: the exchange parses a form
 * body into a record of strings, leaves multipart as text, and parses JSON into typed values.
 */
export type FormBody = Record<string, string>;

export function formBody(body: unknown): FormBody {
	if (body === undefined) return {};
	if (!isRecord(body) || Object.values(body).some((value) => typeof value !== 'string')) {
		throw new MarketoFailure(marketoErrors.invalidContentType());
	}
	return body as FormBody;
}

/** A multipart part: text fields have no file name. */
export interface Part {
	name: string;
	value: string;
	fileName?: string;
	contentType?: string;
}

/** Parses a multipart/form-data body; the boundary is its first line. Anything else is 612, a broken one 613. */
export function multipartBody(body: unknown): Map<string, Part> {
	if (typeof body !== 'string' || !body.startsWith('--')) throw new MarketoFailure(marketoErrors.invalidContentType());
	const boundary = body.slice(0, body.indexOf('\r\n'));
	const parts = new Map<string, Part>();
	for (const chunk of body.split(boundary).slice(1)) {
		if (chunk.startsWith('--')) break;
		const headerEnd = chunk.indexOf('\r\n\r\n');
		if (headerEnd < 0) throw new MarketoFailure({ code: '613', message: 'Invalid multipart request' });
		const headers = chunk.slice(2, headerEnd);
		const value = chunk.slice(headerEnd + 4, chunk.endsWith('\r\n') ? -2 : undefined);
		const name = /name="([^"]*)"/i.exec(headers)?.[1];
		if (name === undefined) throw new MarketoFailure({ code: '613', message: 'Invalid multipart request' });
		const fileName = /filename="([^"]*)"/i.exec(headers)?.[1];
		const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
		parts.set(name, { name, value, ...(fileName !== undefined ? { fileName } : {}), ...(contentType ? { contentType } : {}) });
	}
	return parts;
}

/** The text of a field, or 1003/701 when a required one is missing. */
export function field(fields: FormBody | Map<string, Part>, name: string, required = false): string | undefined {
	const value = fields instanceof Map ? fields.get(name)?.value : fields[name];
	if (value === undefined || value === '') {
		if (required) throw new MarketoFailure({ code: '701', message: `${name} cannot be blank` });
		return undefined;
	}
	return value;
}

export function booleanField(fields: FormBody, name: string): boolean | undefined {
	const value = field(fields, name);
	if (value === undefined) return undefined;
	if (value !== 'true' && value !== 'false') throw new MarketoFailure(marketoErrors.invalidValueType(value, 'Boolean'));
	return value === 'true';
}

/** A JSON-text field (folder, tags, costs…), 1003 when it does not parse. */
export function jsonField(fields: FormBody | Map<string, Part>, name: string, required = false): unknown {
	const text = field(fields, name, required);
	if (text === undefined) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new MarketoFailure(marketoErrors.invalidData(`${name} is not valid JSON: ${text}`));
	}
}
