import type { MarketoError } from './types';
import type { RouteAnswer } from './routes/route';

export interface Envelope {
	requestId: string;
	success: boolean;
	errors: MarketoError[];
	warnings: MarketoError[];
	result?: unknown[];
	moreResult?: boolean;
	nextPageToken?: string;
}

/** Shaped like Marketo's, e.g. "e42b#14272d07d78": 4 hex digits, "#", the time in hex. */
export function requestId(seq: number): string {
	const prefix = ((seq * 40_503) & 0xffff).toString(16).padStart(4, '0');
	return `${prefix}#${Date.now().toString(16)}`;
}

// errors and warnings are always present: the official response schemas mark them required.
export function succeeded(seq: number, answer: RouteAnswer): Envelope {
	return { requestId: requestId(seq), success: true, errors: [], warnings: [], ...answer };
}

export function failed(seq: number, error: MarketoError): Envelope {
	return { requestId: requestId(seq), success: false, errors: [error], warnings: [] };
}
