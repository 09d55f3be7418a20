/**
 * What to do with each Marketo error, as Marketo's error-code page describes it.
 * Response-level 6xx codes mean the request was not executed, so repeating it is safe even for
 * writes. Rows keyed `HTTP …` and `NETWORK …` cover answers that carry no Marketo code.
 */
export type Recovery =
	| 'renewToken' // token invalid or expired: renew once, repeat with the new token
	| 'waitForRoom' // rate window or concurrency full because of other callers: wait, repeat
	| 'backoff' // transient on Marketo's side: exponential backoff with jitter
	| 'stopUntilReset' // daily quota spent: stop every call to the instance until 00:00 Central
	| 'splitBatch' // body too large: the batch layer splits and repeats
	| 'fail'; // tell the user what is wrong

export interface ErrorRule {
	recovery: Recovery;
	meaning: string;
	/** Extra tries after the first; 0 for rules that do not repeat. */
	maxRetries: number;
	/** Backoff bounds for `waitForRoom` and `backoff`. */
	baseDelayMs?: number;
	maxDelayMs?: number;
	/** Whether the request is known not to have been executed, so even a non-idempotent write may be repeated. */
	notExecuted: boolean;
	/** What the user can do about it. */
	hint?: string;
}

const transient = (meaning: string): ErrorRule => ({
	recovery: 'backoff',
	meaning,
	maxRetries: 5,
	baseDelayMs: 1_000,
	maxDelayMs: 30_000,
	notExecuted: true,
});

const userError = (meaning: string, hint?: string): ErrorRule => ({
	recovery: 'fail',
	meaning,
	maxRetries: 0,
	notExecuted: true,
	hint,
});

export const MARKETO_ERROR_POLICY: Readonly<Record<string, ErrorRule>> = {
	'600': userError('Access token missing'),
	'601': { recovery: 'renewToken', meaning: 'Access token invalid', maxRetries: 1, notExecuted: true },
	'602': { recovery: 'renewToken', meaning: 'Access token expired', maxRetries: 1, notExecuted: true },
	'603': userError(
		'Access denied',
		"Give the API user's role the permission this operation needs (Admin > Users & Roles), and check the IP allowlist in Admin > Web Services.",
	),
	'604': transient('Request timed out'),
	'605': userError('HTTP method not supported'),
	'606': {
		recovery: 'waitForRoom',
		meaning: 'Max rate limit exceeded (100 calls per 20 seconds per instance)',
		maxRetries: 10,
		baseDelayMs: 2_000,
		maxDelayMs: 20_000,
		notExecuted: true,
	},
	'607': {
		recovery: 'stopUntilReset',
		meaning: 'Daily quota reached',
		maxRetries: 0,
		notExecuted: true,
		hint: 'The quota resets at 00:00 US Central time. Ask Marketo support for a larger quota if this happens often.',
	},
	'608': transient('API temporarily unavailable'),
	'609': userError('Invalid JSON'),
	'610': userError('Requested resource not found', 'Check the id or name you passed.'),
	'611': transient('System error'),
	'612': userError('Invalid content type'),
	'613': userError('Invalid multipart request'),
	'614': userError('Invalid subscription', 'Check the REST API endpoint in the credential.'),
	'615': {
		recovery: 'waitForRoom',
		meaning: 'Concurrent access limit reached (10 calls in flight per instance)',
		maxRetries: 10,
		baseDelayMs: 250,
		maxDelayMs: 5_000,
		notExecuted: true,
	},
	'616': userError('Invalid subscription type'),
	'701': userError('A required field is blank'),
	'702': userError('No data found for the given search criteria'),
	'703': userError('The feature is not enabled for this subscription', 'Ask your Marketo admin or Marketo support to enable it.'),
	'704': userError('Invalid date format', 'Use ISO 8601, e.g. 2026-01-31T12:00:00Z.'),
	'709': userError('Business rule violation'),
	'710': userError('Parent folder not found'),
	'711': userError('Incompatible folder type'),
	'713': transient('Transient error'),
	'1003': userError('Invalid value'),
	// Never retried: a full queue or a spent daily export quota does not clear within a run.
	'1029': userError(
		'Bulk export queue or daily export quota is full',
		"Marketo's message says which. Queue: an instance runs 2 export jobs and queues 10 more; wait for running jobs to finish (Bulk Extract → Get Many Jobs lists them) or cancel some. Quota: 500 MB of export files a day, reset at 00:00 US Central. The job was not queued.",
	),
	'HTTP 413': {
		recovery: 'splitBatch',
		meaning: 'Request body larger than 1 MB',
		maxRetries: 0,
		notExecuted: true,
	},
	'HTTP 414': userError('Request URI longer than 8 KB'),
	'HTTP 502': {
		...transient('Bad gateway (Marketo timed out or is restarting)'),
		// Marketo's gateway may have passed the request on before failing: only repeat what is safe to repeat.
		notExecuted: false,
	},
	'NETWORK NOT SENT': { ...transient('Could not connect to Marketo'), maxRetries: 3 },
	'NETWORK OUTCOME UNKNOWN': {
		...transient('The connection dropped after the request was sent'),
		maxRetries: 3,
		notExecuted: false,
	},
};

const UNKNOWN_CODE: ErrorRule = userError('Marketo refused the request');

export function ruleFor(code: string): ErrorRule {
	return MARKETO_ERROR_POLICY[code] ?? UNKNOWN_CODE;
}

/** Exponential backoff with jitter (half fixed, half random): spreads the retries of many callers. */
export function backoffDelay(rule: ErrorRule, retry: number, random: () => number): number {
	const base = rule.baseDelayMs ?? 1_000;
	const cap = rule.maxDelayMs ?? 30_000;
	const ceiling = Math.min(cap, base * 2 ** retry);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
