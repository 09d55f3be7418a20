import type { MarketoError } from './types';

/**
 * The Marketo REST error codes the emulator answers with, worded as Marketo words them
 * (developers.marketo.com/rest-api/error-codes). 6xx = request refused and not executed,
 * 1xxx = bad data, response-level or record-level.
 */
export const marketoErrors = {
	accessTokenMissing: (): MarketoError => ({ code: '600', message: 'Access token missing' }),
	accessTokenInvalid: (): MarketoError => ({ code: '601', message: 'Access token invalid' }),
	accessTokenExpired: (): MarketoError => ({ code: '602', message: 'Access token expired' }),
	rateLimit: (limit: number, windowMs: number): MarketoError => ({
		code: '606',
		message: `Max rate limit '${limit}' exceeded with in '${windowMs / 1000}' secs`,
	}),
	dailyQuota: (): MarketoError => ({ code: '607', message: 'Daily quota reached' }),
	invalidJson: (): MarketoError => ({ code: '609', message: 'Invalid JSON' }),
	resourceNotFound: (): MarketoError => ({ code: '610', message: 'Requested resource not found' }),
	systemError: (detail: string): MarketoError => ({ code: '611', message: `System error: ${detail}` }),
	invalidContentType: (): MarketoError => ({ code: '612', message: 'Invalid Content Type' }),
	concurrency: (): MarketoError => ({ code: '615', message: 'Concurrent access limit reached' }),
	invalidValueType: (value: string, type: string): MarketoError => ({
		code: '1001',
		message: `Invalid value '${value}'. Required of type '${type}'`,
	}),
	missingParameter: (name: string): MarketoError => ({
		code: '1002',
		message: `Missing value for required parameter '${name}'`,
	}),
	invalidData: (message: string): MarketoError => ({ code: '1003', message }),
	leadNotFound: (): MarketoError => ({ code: '1004', message: 'Lead not found' }),
	leadAlreadyExists: (): MarketoError => ({ code: '1005', message: 'Lead already exists' }),
	fieldNotFound: (field: string): MarketoError => ({ code: '1006', message: `Field '${field}' not found` }),
	multipleLeadsMatch: (): MarketoError => ({ code: '1007', message: 'Multiple lead match lookup criteria' }),
} as const;

/** Thrown by route handlers for a response-level error (HTTP 200, success false). */
export class MarketoFailure extends Error {
	constructor(readonly error: MarketoError) {
		super(`${error.code} ${error.message}`);
	}
}

const wordingByCode: Record<string, string> = {
	'600': 'Access token missing',
	'601': 'Access token invalid',
	'602': 'Access token expired',
	'603': 'Access denied',
	'604': 'Request time-out',
	'606': 'Max rate limit exceeded',
	'607': 'Daily quota reached',
	'608': 'API Temporarily Unavailable',
	'609': 'Invalid JSON',
	'610': 'Requested resource not found',
	'611': 'System error',
	'612': 'Invalid Content Type',
	'615': 'Concurrent access limit reached',
	'701': 'Field cannot be blank',
	'702': 'No data found for given search scenario',
	'709': 'Business rule violation',
	'713': 'Transient Error',
	'1029': 'Too many jobs in queue',
};

/** Marketo's wording for a code, for injected faults that give none. */
export function wordingFor(code: string): string {
	return wordingByCode[code] ?? `Error ${code}`;
}
