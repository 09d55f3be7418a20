export interface EmulatorOptions {
	clientId?: string;
	clientSecret?: string;
	tokenLifetimeSeconds?: number;
	/** Calls per rateWindowMs. */
	rateLimit?: number;
	/** Sliding window of the rate limit. */
	rateWindowMs?: number;
	concurrencyLimit?: number;
	dailyQuota?: number;
	/** Extra delay added to every API call while it is in flight. */
	latencyMs?: number;
	maxUriBytes?: number;
	maxBodyBytes?: number;
	/** How many believable demo leads to create at start. */
	seedLeads?: number;
}

export type RefusedFor = 'rate' | 'concurrency' | 'quota' | 'uri' | 'body' | 'tokenInUrl';

export interface RecordedCall {
	/** 1-based arrival order over all calls. */
	seq: number;
	/** 1-based order among API (non-identity) calls. */
	apiSeq?: number;
	kind: 'identity' | 'api';
	/** As received (POST even when _method=GET). */
	method: string;
	/** GET when POST with _method=GET. */
	effectiveMethod: string;
	/** Without query. */
	path: string;
	/** The URL's query string only (form fields of a POST _method=GET are in body); the first value of a repeated name. */
	query: Record<string, string>;
	/** Parsed JSON, or parsed form object, or raw string. */
	body: unknown;
	/** Names sent more than once in the query or a form body (only the first value was read); absent when none. */
	repeatedParams?: string[];
	uriBytes: number;
	bodyBytes: number;
	authorization?: string;
	startedAt: number;
	endedAt?: number;
	httpStatus?: number;
	/** First Marketo response-level error code, if any. */
	errorCode?: string;
	refusedFor?: RefusedFor;
	/** Description of the injected fault applied. */
	fault?: string;
}

export type FaultEffect =
	| { respondWithCode: string; message?: string }
	| { httpStatus: number; body?: string }
	| { delayMs: number }
	| { drop: 'beforeExecuting' | 'afterExecuting' }
	/** Served normally; then every issued token is expired, as if its lifetime ended between two calls. */
	| { expireTokensAfter: true };

export type Fault = {
	/** apiSeq number (the first call it may hit), or a predicate. */
	on: number | ((call: RecordedCall) => boolean);
	/** How many calls it hits; default 1. */
	times?: number;
} & FaultEffect;

export interface MarketoError {
	code: string;
	message: string;
}

export type LeadValue = string | number | boolean | null;

export interface Lead {
	id: number;
	createdAt: string;
	updatedAt: string;
	[field: string]: LeadValue;
}
