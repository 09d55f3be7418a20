import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedCall } from './types';

/** One HTTP request/response pair, with the call it is recorded as. */
export class Exchange {
	/** Media type of the body, lower case, without parameters. */
	readonly contentType: string;
	/** True when the body claimed JSON but did not parse. */
	invalidJson = false;

	constructor(
		readonly call: RecordedCall,
		private readonly req: IncomingMessage,
		private readonly res: ServerResponse,
	) {
		this.contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	}

	/** Parameters as a route sees them: the query, plus the form fields of a POST _method=GET. */
	get params(): Record<string, string> {
		const { method, effectiveMethod, query, body } = this.call;
		const params: Record<string, string> =
			method !== effectiveMethod && isRecord(body) ? { ...query, ...(body as Record<string, string>) } : { ...query };
		delete params._method;
		return params;
	}

	/** Reads the whole body, counting its bytes; keeps it only if it is within `maxBytes`. */
	async readBody(maxBytes: number): Promise<void> {
		const chunks: Buffer[] = [];
		let bytes = 0;
		for await (const chunk of this.req as AsyncIterable<Buffer>) {
			bytes += chunk.length;
			if (bytes <= maxBytes) chunks.push(chunk);
		}
		this.call.bodyBytes = bytes;
		if (bytes === 0 || bytes > maxBytes) return;
		const text = Buffer.concat(chunks).toString('utf8');
		this.call.body = this.parse(text);
		this.call.effectiveMethod = this.effectiveMethod();
	}

	json(status: number, payload: object): void {
		this.send(status, 'application/json;charset=UTF-8', JSON.stringify(payload));
	}

	text(status: number, text: string): void {
		this.send(status, 'text/plain;charset=UTF-8', text);
	}

	/** A file answer (a CSV of bulk import failures, a bulk extract file); `Range: bytes=…` gets 206 and that part. */
	file(status: number, contentType: string, text: string | Buffer, breakAfterBytes?: number): void {
		const bytes = typeof text === 'string' ? Buffer.from(text) : text;
		const range = byteRange(this.req.headers.range, bytes.length);
		if (breakAfterBytes !== undefined && range === undefined) {
			this.res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': bytes.length });
			this.res.write(bytes.subarray(0, breakAfterBytes), () => this.drop());
			return;
		}
		if (range === undefined) this.send(status, contentType, bytes);
		else if (range === 'unsatisfiable') this.send(416, 'text/plain;charset=UTF-8', 'Range Not Satisfiable', { 'Content-Range': `bytes */${bytes.length}` });
		else this.send(206, contentType, bytes.subarray(range.start, range.end + 1), { 'Content-Range': `bytes ${range.start}-${range.end}/${bytes.length}` });
	}

	/** Destroys the socket: the client sees the connection close without an answer. */
	drop(): void {
		this.call.endedAt = Date.now();
		this.req.socket.destroy();
	}

	private send(status: number, contentType: string, text: string | Buffer, headers: Record<string, string> = {}): void {
		this.call.httpStatus = status;
		this.call.endedAt = Date.now();
		this.res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), ...headers });
		this.res.end(text);
	}

	private parse(text: string): unknown {
		if (this.contentType === 'application/json') {
			try {
				return JSON.parse(text);
			} catch {
				this.invalidJson = true;
				return text;
			}
		}
		if (this.contentType === 'application/x-www-form-urlencoded') {
			const form = readParameters(new URLSearchParams(text));
			this.noteRepeated(form.repeated);
			return form.values;
		}
		return text;
	}

	private noteRepeated(names: string[]): void {
		const all = [...(this.call.repeatedParams ?? []), ...names];
		if (all.length > 0) this.call.repeatedParams = all;
	}

	// Marketo's escape hatch for long URIs: POST the query string as a form body, with _method=GET.
	private effectiveMethod(): string {
		const { method, query, body } = this.call;
		if (method !== 'POST') return method;
		const isForm = this.contentType === 'application/x-www-form-urlencoded' && isRecord(body);
		if (query._method?.toUpperCase() === 'GET' || (isForm && String(body._method).toUpperCase() === 'GET')) return 'GET';
		return method;
	}
}

/** A single `bytes=start-end`, `bytes=start-` or `bytes=-suffix` range (RFC 7233); other forms are ignored, as servers may. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
	const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
	if (!match || (match[1] === '' && match[2] === '')) return undefined;
	const [start, end] =
		match[1] === '' ? [Math.max(0, size - Number(match[2])), size - 1] : [Number(match[1]), match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)];
	return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/** The call as it is known on arrival, before its body is read. */
export function callOnArrival(req: IncomingMessage, seq: number): RecordedCall {
	const rawUrl = req.url ?? '/';
	const queryAt = rawUrl.indexOf('?');
	const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
	const { values: query, repeated } = readParameters(new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1)));
	const method = req.method ?? 'GET';
	return {
		seq,
		kind: path === '/identity' || path.startsWith('/identity/') ? 'identity' : 'api',
		method,
		effectiveMethod: method === 'POST' && query._method?.toUpperCase() === 'GET' ? 'GET' : method,
		path,
		query,
		body: undefined,
		uriBytes: Buffer.byteLength(rawUrl),
		bodyBytes: 0,
		authorization: req.headers.authorization,
		startedAt: Date.now(),
		...(repeated.length > 0 ? { repeatedParams: repeated } : {}),
	};
}

/**
 * A query or form as a Java servlet reads a parameter: one value per name, the FIRST of a repeated
 * key (`id=1&id=2` is `id=1`), so a client that repeats keys loses records here as it would on a
 * real instance. A list is one comma-separated value (`id=1,2`), which the routes split.
 */
export function readParameters(params: URLSearchParams): { values: Record<string, string>; repeated: string[] } {
	const values = new Map<string, string>();
	const repeated = new Set<string>();
	for (const [key, value] of params) {
		if (values.has(key)) repeated.add(key);
		else values.set(key, value);
	}
	return { values: Object.fromEntries(values), repeated: [...repeated] };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
