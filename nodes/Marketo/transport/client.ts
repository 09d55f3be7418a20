import type { Clock } from './clock';
import { backoffDelay, ruleFor, type ErrorRule } from './errorPolicy';
import {
	MarketoApiError,
	OutcomeUnknownError,
	PayloadTooLargeError,
	TransmitError,
	type TokenGrant,
} from './errors';
import { isIdempotent, toWireRequest, type MarketoRequest, type WireRequest } from './request';
import { settle } from './settle';
import type { InstanceThrottle, LimitKind } from './throttle';
import type { TokenKeeper } from './tokenKeeper';
import { isUsageRequest, USAGE_REQUEST } from './usageSync';

export interface MarketoError {
	code: string;
	message: string;
}

/** Marketo's envelope; almost every answer is HTTP 200 with this body. */
export interface MarketoResponse<T = Record<string, unknown>> {
	requestId?: string;
	success: boolean;
	result?: T[];
	errors?: MarketoError[];
	warnings?: Array<MarketoError | string>;
	moreResult?: boolean;
	nextPageToken?: string;
	[key: string]: unknown;
}

export interface WireResponse {
	status: number;
	body: unknown;
	/** Header names in lower case. */
	headers?: Record<string, string | undefined>;
}

/**
 * A file Marketo sent in place of an envelope (bulk export files). Read the body to its end or
 * destroy it: the call counts as in flight until then.
 */
export interface MarketoFile {
	status: number;
	contentType: string;
	/** Bytes in this answer (the part asked for, with a Range header). */
	contentLength?: number;
	body: AsyncIterable<Uint8Array>;
}

/** Sends one request with the given token; '' asks n8n to renew the token first. */
export interface Transmitter {
	send(wire: WireRequest, token: string): Promise<{ response: WireResponse; grant: TokenGrant | undefined }>;
}

export interface MarketoClientParts {
	instanceBase: string;
	throttle: InstanceThrottle;
	tokens: TokenKeeper;
	transmitter: Transmitter;
	clock: Clock;
}

type Answer = { body: MarketoResponse<unknown> } | { file: MarketoFile };

type Verdict = ({ done: true } & Answer) | { done: false; key: string; rule: ErrorRule; error: MarketoApiError; sentAt: number };

type Readable = AsyncIterable<Uint8Array | string> & { once?(event: 'close', listener: () => void): unknown };

/** A 2xx answer that is not JSON, read as it arrives: the file itself. */
function fileIn(response: WireResponse): MarketoFile | undefined {
	const contentType = response.headers?.['content-type'] ?? '';
	const body = response.body as Readable | undefined;
	if ((response.status !== 200 && response.status !== 206) || /json/i.test(contentType) || !body?.[Symbol.asyncIterator]) return undefined;
	const length = Number(response.headers?.['content-length']);
	return { status: response.status, contentType, contentLength: Number.isFinite(length) ? length : undefined, body: body as AsyncIterable<Uint8Array> };
}

/** The file's call stays in flight until its body is read or destroyed. */
function releasedWhenRead(file: MarketoFile, release: () => void): MarketoFile {
	const body = file.body as Readable;
	if (typeof body.once === 'function') {
		body.once('close', release);
		return file;
	}
	return {
		...file,
		body: (async function* () {
			try {
				yield* body as AsyncIterable<Uint8Array>;
			} finally {
				release();
			}
		})(),
	};
}

/** What Marketo sent in place of a file: its JSON envelope or an error page, small enough to read whole. */
async function readSmallBody(body: unknown, limit = 1_048_576): Promise<string> {
	if (typeof body === 'string' || !(body as Readable)?.[Symbol.asyncIterator]) return typeof body === 'string' ? body : '';
	const decoder = new TextDecoder();
	let text = '';
	for await (const chunk of body as Readable) {
		text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		if (text.length > limit) break;
	}
	return text + decoder.decode();
}

function asEnvelope(body: unknown): MarketoResponse<unknown> | undefined {
	if (typeof body === 'string') {
		try {
			return asEnvelope(JSON.parse(body));
		} catch {
			return undefined;
		}
	}
	return body && typeof body === 'object' && 'success' in body ? (body as MarketoResponse<unknown>) : undefined;
}

/** Marketo's refusals that say the instance's limits are full, which the throttle answers by backing off. */
const LIMIT_REFUSALS: Readonly<Record<string, LimitKind>> = { '606': 'rate', '615': 'concurrency' };

function limitRefusedFor(envelope: MarketoResponse<unknown> | undefined): LimitKind | undefined {
	return envelope && !envelope.success ? LIMIT_REFUSALS[String(envelope.errors?.[0]?.code)] : undefined;
}

function describeRefusal(code: string, rule: ErrorRule, marketoMessage?: string): string {
	const said = marketoMessage && marketoMessage !== rule.meaning ? `: ${marketoMessage}` : '';
	return `Marketo error ${code} (${rule.meaning})${said}`;
}

function describeHttpFailure(status: number, body: unknown): string {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	const excerpt = text.length > 200 ? `${text.slice(0, 200)}…` : text;
	return status === 200
		? 'Marketo answered with something that is not a Marketo API response. Check the REST API endpoint in the credential.'
		: `Marketo answered HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`;
}

/**
 * The one path every Marketo call takes: token, throttle, and the retry policy by error code.
 * Plain TypeScript, so it is tested with fake time and a fake transmitter.
 */
export class MarketoClient {
	constructor(private readonly parts: MarketoClientParts) {}

	async request<T = Record<string, unknown>>(request: MarketoRequest): Promise<MarketoResponse<T>> {
		const answer = await this.send({ ...request, response: 'envelope' });
		return (answer as { body: MarketoResponse<T> }).body;
	}

	/** A bulk file; an error envelope answered in its place fails (or is retried) like any call. */
	async requestFile(request: MarketoRequest): Promise<MarketoFile> {
		const answer = await this.send({ ...request, response: 'file' });
		if ('file' in answer) return answer.file;
		throw new MarketoApiError('Marketo answered with a JSON response where a file was expected', { requestId: answer.body.requestId });
	}

	private async send(request: MarketoRequest): Promise<Answer> {
		const wire = toWireRequest(this.parts.instanceBase, request);
		const retriesByKey = new Map<string, number>();
		for (;;) {
			const verdict = await this.attempt(wire);
			if (verdict.done) {
				if ('body' in verdict && isUsageRequest(request)) this.parts.throttle.noteMarketoUsage(verdict.body.result);
				this.syncUsageIfDue();
				return verdict;
			}
			const { key, rule, error } = verdict;
			const retries = retriesByKey.get(key) ?? 0;
			if (!rule.notExecuted && !isIdempotent(request)) {
				throw new OutcomeUnknownError(error.message, error.details, verdict.sentAt);
			}
			if (retries >= rule.maxRetries) throw error;
			retriesByKey.set(key, retries + 1);
			if (rule.recovery === 'backoff' || rule.recovery === 'waitForRoom') {
				await this.parts.clock.sleep(backoffDelay(rule, retries, () => this.parts.clock.random()));
			}
		}
	}

	/**
	 * Now and then reads Marketo's count of today's calls, so the daily budget includes what other
	 * n8n processes and integrations spent. In the background: it never delays or fails a caller.
	 */
	private syncUsageIfDue(): void {
		const { throttle } = this.parts;
		if (!throttle.claimUsageSync()) return;
		void settle(this.request(USAGE_REQUEST)).then(() => throttle.usageSyncFinished());
	}

	private async attempt(wire: WireRequest): Promise<Verdict> {
		const { throttle, tokens, transmitter } = this.parts;
		// Permit first, token second: a token picked before a long wait for the window could expire meanwhile.
		const permit = await throttle.acquire();
		const token = await settle(tokens.tokenForRequest());
		if (!token.ok) {
			permit.release();
			throw token.error;
		}
		const carriesRenewal = token.value === '';
		const sentAt = this.parts.clock.now();
		let sent = await settle(transmitter.send(wire, token.value));
		if (sent.ok && wire.stream) {
			const file = fileIn(sent.value.response);
			if (file) {
				if (carriesRenewal) tokens.renewalFinished(sent.value.grant);
				return { done: true, file: releasedWhenRead(file, () => permit.release()) };
			}
			const { response, grant } = sent.value;
			const text = await settle(readSmallBody(response.body));
			sent = text.ok
				? { ok: true, value: { response: { ...response, body: text.value }, grant } }
				: { ok: false, error: new TransmitError((text.error as Error)?.message ?? 'connection lost', 'outcomeUnknown', grant) };
		}
		const envelope = sent.ok ? asEnvelope(sent.value.response.body) : undefined;
		permit.release(limitRefusedFor(envelope));
		if (sent.ok) {
			if (carriesRenewal) tokens.renewalFinished(sent.value.grant);
			return this.judge(sent.value.response, envelope, sent.value.grant?.token ?? token.value, sentAt);
		}
		const failure = sent.error;
		if (!(failure instanceof TransmitError)) {
			if (carriesRenewal) tokens.renewalFinished(undefined, failure as Error);
			throw failure;
		}
		if (carriesRenewal) tokens.renewalFinished(failure.renewedToken, failure);
		if (failure.kind === 'tokenExchange') throw new MarketoApiError(failure.message);
		const key = failure.kind === 'notSent' ? 'NETWORK NOT SENT' : 'NETWORK OUTCOME UNKNOWN';
		const rule = ruleFor(key);
		return { done: false, key, rule, error: new MarketoApiError(`${rule.meaning}: ${failure.message}`), sentAt };
	}

	private judge(response: WireResponse, envelope: MarketoResponse<unknown> | undefined, tokenUsed: string, sentAt: number): Verdict {
		if (response.status === 200 && envelope) {
			if (envelope.success) return { done: true, body: envelope };
			const first = envelope.errors?.[0];
			const key = String(first?.code ?? 'unknown');
			const rule = ruleFor(key);
			if (rule.recovery === 'renewToken') this.parts.tokens.reject(tokenUsed);
			if (rule.recovery === 'stopUntilReset') throw this.parts.throttle.markQuotaExhausted();
			const error = new MarketoApiError(describeRefusal(key, rule, first?.message), {
				code: key,
				requestId: envelope.requestId,
				hint: rule.hint,
			});
			// A renewal's retry budget is per token: a call held long enough to meet a second expiry
			// gets a second renewal. Identity hands out the same token until it expires, so this ends.
			const budgetKey = rule.recovery === 'renewToken' ? `${key} ${tokenUsed}` : key;
			return { done: false, key: budgetKey, rule, error, sentAt };
		}
		if (response.status === 413) throw new PayloadTooLargeError();
		const key = `HTTP ${response.status}`;
		const rule = ruleFor(key);
		const error = new MarketoApiError(describeHttpFailure(response.status, response.body), {
			httpStatus: response.status,
			hint: rule.hint,
		});
		return { done: false, key, rule, error, sentAt };
	}
}
