import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { MarketoClient, type MarketoFile, type MarketoResponse, type Transmitter } from './client';
import type { Clock } from './clock';
import { instanceKey, resolveEndpoints, tokenKey } from './endpoints';
import { MarketoApiError, TransmitError, type TokenGrant } from './errors';
import { findInChain, networkCodeOf, NOT_SENT_CODES, wireFailureOf } from './errorShape';
import { pagesByOffset, pagesByToken, type Requester } from './paging';
import { redactSecrets } from './redact';
import { settle } from './settle';
import type { MarketoRequest, MultipartPart } from './request';
import { DailyBudgetExhaustedError, InstanceThrottle, MARKETO_DEFAULT_LIMITS, type ThrottleLimits } from './throttle';
import { TokenKeeper } from './tokenKeeper';

export type MarketoContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_TYPE = 'marketoApi';

/** The clock of every call in the process; helpers that wait on Marketo (a lost answer) wait on it too. */
export const transportClock: Clock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms), random: () => Math.random() };

// Module state is shared by every execution in this n8n process: Marketo's limits are per instance.
const throttles = new Map<string, InstanceThrottle>();
const tokenKeepers = new Map<string, TokenKeeper>();
const clients = new WeakMap<object, Promise<BoundClient>>();

interface BoundClient {
	client: MarketoClient;
	instanceKey: string;
	throttle: InstanceThrottle;
	secrets: string[];
}

const pick = (value: unknown, fallback: number) => (Number(value) > 0 ? Number(value) : fallback);

/** The instance's limits from the credential; the throttle divides them between the processes sharing it. */
function limitsFrom(data: ICredentialDataDecryptedObject): ThrottleLimits {
	const processes = Math.floor(pick(data.processesSharingInstance, 1));
	if (!data.adjustLimits) return { ...MARKETO_DEFAULT_LIMITS, processes };
	return {
		...MARKETO_DEFAULT_LIMITS,
		callsPerWindow: pick(data.callsPer20Seconds, MARKETO_DEFAULT_LIMITS.callsPerWindow),
		maxInFlight: pick(data.concurrentCalls, MARKETO_DEFAULT_LIMITS.maxInFlight),
		dailyBudget: pick(data.dailyCallBudget, MARKETO_DEFAULT_LIMITS.dailyBudget),
		processes,
	};
}

function shared<T>(map: Map<string, T>, key: string, create: () => T): T {
	let value = map.get(key);
	if (!value) {
		value = create();
		map.set(key, value);
	}
	return value;
}

function grantFrom(data: ICredentialDataDecryptedObject): TokenGrant | undefined {
	const token = data.accessToken;
	return typeof token === 'string' && token ? { token, expiresAt: Number(data.tokenExpiresAt) || 0 } : undefined;
}

function transmitterFor(ctx: MarketoContext, data: ICredentialDataDecryptedObject, secrets: string[]): Transmitter {
	const nodeCredential = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	return {
		async send(wire, token) {
			// Our own copy of the credential: blanking its token makes n8n run preAuthentication,
			// store the new token for every execution and worker, and write it into this object.
			const sent: ICredentialDataDecryptedObject = { ...data, accessToken: token };
			const options: IHttpRequestOptions = {
				method: wire.method,
				url: wire.url,
				json: !wire.form && !wire.multipart && !wire.stream,
				...(wire.stream ? { encoding: 'stream' as const } : {}),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				headers: {
					accept: wire.stream ? 'text/csv, application/json' : 'application/json',
					...(wire.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
					...wire.headers,
				},
				...(wire.body === undefined ? {} : { body: (wire.multipart ? toFormData(wire.body as MultipartPart[]) : wire.body) as IHttpRequestOptions['body'] }),
			};
			const renewed = () => (token === '' ? grantFrom(sent) : undefined);
			const answer = await settle(
				ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options, {
					credentialsDecrypted: { id: nodeCredential?.id ?? '', name: nodeCredential?.name ?? '', type: CREDENTIAL_TYPE, data: sent },
				}) as Promise<{ statusCode: number; body: unknown; headers?: Record<string, unknown> }>,
			);
			if (answer.ok) {
				const { statusCode: status, body, headers } = answer.value;
				return { response: { status, body, ...(wire.stream ? { headers: fileHeaders(headers) } : {}) }, grant: renewed() };
			}
			throw transmitFailure(ctx, answer.error, secrets, token === '', renewed());
		},
	};
}

/** The headers the transport reads on a file answer. */
function fileHeaders(headers: Record<string, unknown> = {}): Record<string, string | undefined> {
	const value = (name: string) => (headers[name] === undefined ? undefined : String(headers[name]));
	return { 'content-type': value('content-type'), 'content-length': value('content-length'), 'content-range': value('content-range') };
}

/** Built for each attempt, so a request repeated after a refusal (606, 615…) carries a fresh body. */
function toFormData(parts: MultipartPart[]): FormData {
	const form = new FormData();
	for (const part of parts) {
		if ('file' in part) form.append(part.name, new Blob([part.file.data], { type: part.file.mimeType }), part.file.fileName);
		else form.append(part.name, part.value);
	}
	return form;
}

function transmitFailure(ctx: MarketoContext, error: unknown, secrets: string[], carriedRenewal: boolean, renewed?: TokenGrant): unknown {
	// n8n wraps preAuthentication's error in a NodeApiError that can drop its cause. A renewal that
	// wrote no token failed at the exchange, before anything reached Marketo's REST API.
	const exchange = findInChain(error, 'MarketoTokenExchangeError') ?? (carriedRenewal && !renewed ? (error as Error) : undefined);
	if (exchange) return new TransmitError(redactSecrets(exchange.message ?? 'Token exchange failed', secrets), 'tokenExchange');
	// A cancelled execution must stop, not be retried.
	if ('getExecutionCancelSignal' in ctx && ctx.getExecutionCancelSignal()?.aborted) return error;
	const code = networkCodeOf(error);
	const message = redactSecrets(wireFailureOf(error), secrets);
	return new TransmitError(message, code && NOT_SENT_CODES.has(code) ? 'notSent' : 'outcomeUnknown', renewed);
}

async function bind(ctx: MarketoContext): Promise<BoundClient> {
	const data = await ctx.getCredentials(CREDENTIAL_TYPE);
	const endpoints = resolveEndpoints(String(data.restEndpoint ?? ''), String(data.identityEndpoint ?? ''));
	const limits = limitsFrom(data);
	const throttle = shared(throttles, instanceKey(endpoints), () => new InstanceThrottle(limits, transportClock));
	throttle.setLimits(limits);
	const tokens = shared(tokenKeepers, tokenKey(endpoints, String(data.clientId)), () => new TokenKeeper(transportClock));
	tokens.offer(grantFrom(data));
	const secrets = [String(data.clientSecret ?? '')];
	const transmitter = transmitterFor(ctx, data, secrets);
	const client = new MarketoClient({ instanceBase: endpoints.instanceBase, throttle, tokens, transmitter, clock: transportClock });
	return { client, throttle, secrets, instanceKey: instanceKey(endpoints) };
}

async function boundClient(ctx: MarketoContext): Promise<BoundClient> {
	let bound = clients.get(ctx);
	if (!bound) {
		bound = bind(ctx);
		clients.set(ctx, bound);
		bound.catch(() => clients.delete(ctx));
	}
	return await bound;
}

/** Turns transport errors into n8n errors: Marketo's code and message, a hint, never the secret. */
export function toNodeApiError(ctx: MarketoContext, error: unknown, secrets: string[] = [], itemIndex?: number): NodeApiError {
	if (error instanceof NodeApiError) return error;
	const message = redactSecrets((error as Error)?.message ?? String(error), secrets);
	const details = error instanceof MarketoApiError ? error.details : {};
	const description =
		error instanceof DailyBudgetExhaustedError
			? 'Calls to this Marketo instance resume by themselves after the reset.'
			: details.hint;
	return new NodeApiError(
		ctx.getNode(),
		{ message, ...(details.code ? { code: details.code } : {}), ...(details.requestId ? { requestId: details.requestId } : {}) } as JsonObject,
		{
			message,
			description,
			...(details.httpStatus ? { httpCode: String(details.httpStatus) } : {}),
			...(itemIndex !== undefined ? { itemIndex } : {}),
		},
	);
}

/** The one way a node sends a Marketo call. */
export async function marketoApiRequest<T = Record<string, unknown>>(
	ctx: MarketoContext,
	request: MarketoRequest,
): Promise<MarketoResponse<T>> {
	const bound = await boundClient(ctx);
	try {
		return await bound.client.request<T>(request);
	} catch (error) {
		throw toNodeApiError(ctx, error, bound.secrets);
	}
}

/** Like marketoApiRequest, but keeps transport errors as they are, for callers that map them per item. */
export async function marketoApiRequestRaw<T = Record<string, unknown>>(
	ctx: MarketoContext,
	request: MarketoRequest,
): Promise<MarketoResponse<T>> {
	const bound = await boundClient(ctx);
	return await bound.client.request<T>(request);
}

/** A bulk file as it arrives; transport errors kept as they are (for per-item mapping). */
export async function marketoFileRequestRaw(ctx: MarketoContext, request: MarketoRequest): Promise<MarketoFile> {
	const bound = await boundClient(ctx);
	return await bound.client.requestFile(request);
}

/** A requester for the paging helpers that keeps transport errors as they are (for per-item mapping). */
export function rawRequester(ctx: MarketoContext): Requester {
	return async <T>(request: MarketoRequest) => await marketoApiRequestRaw<T>(ctx, request);
}

function convertErrors<T>(ctx: MarketoContext, pages: (bound: BoundClient) => AsyncGenerator<T[]>): AsyncGenerator<T[]> {
	return (async function* () {
		const bound = await boundClient(ctx);
		try {
			yield* pages(bound);
		} catch (error) {
			throw toNodeApiError(ctx, error, bound.secrets);
		}
	})();
}

export function marketoPagesByToken<T>(ctx: MarketoContext, request: MarketoRequest): AsyncGenerator<T[]> {
	return convertErrors(ctx, (bound) => pagesByToken<T>(async (r) => await bound.client.request(r), request));
}

export function marketoPagesByOffset<T>(ctx: MarketoContext, request: MarketoRequest, maxReturn?: number): AsyncGenerator<T[]> {
	return convertErrors(ctx, (bound) => pagesByOffset<T>(async (r) => await bound.client.request(r), request, maxReturn));
}

const cachedAnswers = new Map<string, { expiresAt: number; response: Promise<MarketoResponse<unknown>> }>();

/** Describe calls change rarely and Marketo advises caching them for a day: dropdowns should not spend quota. */
export async function marketoCachedGet<T>(ctx: MarketoContext, path: string, ttlMs = 24 * 3600_000): Promise<MarketoResponse<T>> {
	const bound = await boundClient(ctx);
	const key = `${bound.instanceKey}${path}`;
	const cached = cachedAnswers.get(key);
	if (cached && cached.expiresAt > Date.now()) return (await cached.response) as MarketoResponse<T>;
	const response = bound.client.request<unknown>({ method: 'GET', path });
	cachedAnswers.set(key, { expiresAt: Date.now() + ttlMs, response });
	try {
		return (await response) as MarketoResponse<T>;
	} catch (error) {
		cachedAnswers.delete(key);
		throw toNodeApiError(ctx, error, bound.secrets);
	}
}

/** What this process has spent today on the instance behind the context's credential. */
export async function spentToday(ctx: MarketoContext): Promise<{ spent: number; limits: ThrottleLimits }> {
	const bound = await boundClient(ctx);
	return { spent: bound.throttle.spentToday(), limits: bound.throttle.getLimits() };
}

export type { MarketoFile, MarketoRequest, MarketoResponse };
