import { marketoErrors } from './errors';
import type { EmulatorOptions, MarketoError, RecordedCall, RefusedFor } from './types';

/** Marketo's published limits (MARKETO.md, "Limits"); tests shrink them to stay fast. */
export const DEFAULT_OPTIONS: Readonly<Required<EmulatorOptions>> = Object.freeze({
	clientId: 'emulator-client-id',
	clientSecret: 'emulator-client-secret',
	tokenLifetimeSeconds: 3600,
	rateLimit: 100, // 606 past 100 calls per 20 s, sliding
	rateWindowMs: 20_000,
	concurrencyLimit: 10, // 615 past 10 calls in flight
	dailyQuota: 50_000, // 607 until 00:00 US Central
	latencyMs: 0,
	maxUriBytes: 8192, // HTTP 414
	maxBodyBytes: 1_048_576, // HTTP 413
	seedLeads: 0,
});

/** Lead Database batch limit: sync and delete input, filterValues, batchSize (1003 past it). */
export const LEAD_BATCH_LIMIT = 300;

/**
 * Bulk import (the bulk import pages): a file of up to 10 MB (HTTP 413 past it, instead of the
 * 1 MB of other calls); a FIFO queue of 10 jobs per instance, 2 of them importing (1016 past 10).
 */
export const BULK_IMPORT_LIMITS = { maxBodyBytes: 10 * 1024 * 1024, maxQueued: 10, maxImporting: 2 } as const;

const BULK_IMPORT_UPLOAD = /^\/bulk\/v1\/(leads|customobjects\/[^/]+\/import|program\/[^/]+\/members\/import)\.json$/;

/** The body limit of a call: bulk import uploads take files up to 10 MB, every other call 1 MB (maxBodyBytes). */
export function bodyLimitFor(path: string, options: Required<EmulatorOptions>): number {
	return BULK_IMPORT_UPLOAD.test(path) ? Math.max(options.maxBodyBytes, BULK_IMPORT_LIMITS.maxBodyBytes) : options.maxBodyBytes;
}

/** The API-only user the LaunchPoint service is bound to; identity's `scope` and usage's `userId`. */
export const API_USER_ID = 'marketo-api@123-ABC-456.mktorest.com';

export function resolveOptions(options: EmulatorOptions): Required<EmulatorOptions> {
	const resolved = { ...DEFAULT_OPTIONS, ...withoutUndefined(options) };
	const positive = ['tokenLifetimeSeconds', 'rateLimit', 'rateWindowMs', 'concurrencyLimit', 'dailyQuota', 'maxUriBytes', 'maxBodyBytes'] as const;
	for (const name of positive) {
		if (!(resolved[name] > 0)) throw new RangeError(`EmulatorOptions.${name} must be > 0, got ${resolved[name]}`);
	}
	for (const name of ['latencyMs', 'seedLeads'] as const) {
		if (!(resolved[name] >= 0)) throw new RangeError(`EmulatorOptions.${name} must be >= 0, got ${resolved[name]}`);
	}
	return Object.freeze(resolved);
}

function withoutUndefined(options: EmulatorOptions): EmulatorOptions {
	return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/** What the emulator knows when it judges a call against the limits. */
export interface GateState {
	readonly options: Required<EmulatorOptions>;
	tokenStatus(token: string | undefined): 'missing' | 'valid' | 'expired' | 'unknown';
	/** Calls counted toward the quota on the US Central day of the call. */
	countedToday(call: RecordedCall): number;
	/** Counted calls that arrived in the window ending at the call's arrival. */
	countedInWindow(call: RecordedCall): number;
	inFlight(): number;
}

export type Verdict =
	| undefined
	/** Served, but recorded as a client violation. */
	| { flag: RefusedFor }
	| { refusedFor: RefusedFor; httpStatus: number; text: string }
	| { refusedFor?: RefusedFor; error: MarketoError };

export interface Gate {
	readonly rule: string;
	readonly appliesTo: 'every call' | 'api calls';
	check(call: RecordedCall, state: GateState): Verdict;
}

/**
 * Every check a call meets before it is executed, in Marketo's order: the gateway first,
 * then authentication, then the instance's limits. Injected faults come after all of these,
 * so they never mask a real violation.
 */
export const GATES: readonly Gate[] = [
	{
		rule: 'URI (path and query) longer than maxUriBytes: HTTP 414',
		appliesTo: 'every call',
		check: (call, { options }) =>
			call.uriBytes > options.maxUriBytes ? { refusedFor: 'uri', httpStatus: 414, text: 'Request-URI Too Long' } : undefined,
	},
	{
		rule: 'body longer than maxBodyBytes (10 MB for bulk import files): HTTP 413',
		appliesTo: 'every call',
		check: (call, { options }) =>
			call.bodyBytes > bodyLimitFor(call.path, options) ? { refusedFor: 'body', httpStatus: 413, text: 'Request Entity Too Large' } : undefined,
	},
	{
		// Marketo still serves it, but is removing the parameter: the token belongs in a header.
		rule: 'access_token in the URL: served, recorded as a violation',
		appliesTo: 'api calls',
		check: (call) => ('access_token' in call.query ? { flag: 'tokenInUrl' } : undefined),
	},
	{
		rule: 'Authorization: Bearer token missing 600, unknown 601, expired 602',
		appliesTo: 'api calls',
		check: (call, state) => {
			const status = state.tokenStatus(bearerToken(call.authorization));
			if (status === 'missing') return { error: marketoErrors.accessTokenMissing() };
			if (status === 'unknown') return { error: marketoErrors.accessTokenInvalid() };
			if (status === 'expired') return { error: marketoErrors.accessTokenExpired() };
			return undefined;
		},
	},
	{
		rule: 'dailyQuota calls already counted today (US Central): 607',
		appliesTo: 'api calls',
		check: (call, state) =>
			state.countedToday(call) >= state.options.dailyQuota ? { refusedFor: 'quota', error: marketoErrors.dailyQuota() } : undefined,
	},
	{
		rule: 'rateLimit calls already arrived in the sliding rateWindowMs: 606',
		appliesTo: 'api calls',
		check: (call, state) =>
			state.countedInWindow(call) >= state.options.rateLimit
				? { refusedFor: 'rate', error: marketoErrors.rateLimit(state.options.rateLimit, state.options.rateWindowMs) }
				: undefined,
	},
	{
		rule: 'concurrencyLimit calls already in flight: 615',
		appliesTo: 'api calls',
		check: (_call, state) =>
			state.inFlight() >= state.options.concurrencyLimit ? { refusedFor: 'concurrency', error: marketoErrors.concurrency() } : undefined,
	},
];

/** The token is read from `Authorization: Bearer <token>` only, never from the URL. */
export function bearerToken(authorization: string | undefined): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	return match?.[1];
}

/** Marketo's error-code page: calls answered with a 6xx code count neither toward the rate window nor the quota. */
export function countsTowardLimits(errorCode: string | undefined): boolean {
	return !errorCode?.startsWith('6');
}

/** A call refused (or flagged) because the client broke a limit: 606, 607, 615, HTTP 413, 414, token in URL. */
export function isViolation(call: RecordedCall): boolean {
	return call.refusedFor !== undefined;
}
