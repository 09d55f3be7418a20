/** Errors of the plain transport core; the n8n adapter turns them into NodeApiError. */

export interface MarketoErrorDetails {
	code?: string;
	httpStatus?: number;
	requestId?: string;
	hint?: string;
}

export class MarketoApiError extends Error {
	constructor(
		message: string,
		readonly details: MarketoErrorDetails = {},
	) {
		super(message);
		this.name = 'MarketoApiError';
	}
}

/** The request may or may not have been applied by Marketo; it is not repeated on our own. */
export class OutcomeUnknownError extends MarketoApiError {
	constructor(
		cause: string,
		details: MarketoErrorDetails = {},
		/**
		 * When the call whose answer was lost left (transport clock, epoch ms). Earlier tries were
		 * refused unexecuted, so nothing this request changed in Marketo is older.
		 */
		readonly sentAt?: number,
	) {
		super(
			`The connection to Marketo failed after this write was sent (${cause}). Marketo may or may not have applied it, so it was not sent again: check the records in Marketo before re-running.`,
			details,
		);
		this.name = 'OutcomeUnknownError';
	}
}

/** HTTP 413: the batch layer splits the batch and repeats. */
export class PayloadTooLargeError extends MarketoApiError {
	constructor() {
		super('Marketo refused the request body as larger than 1 MB (HTTP 413).', { httpStatus: 413 });
		this.name = 'PayloadTooLargeError';
	}
}

/** Thrown by the transmitter when the HTTP exchange itself failed. */
export class TransmitError extends Error {
	constructor(
		message: string,
		readonly kind: 'notSent' | 'outcomeUnknown' | 'tokenExchange',
		/** A token n8n obtained during this exchange, if any (renewal may succeed even when the call fails). */
		readonly renewedToken?: TokenGrant,
	) {
		super(message);
		this.name = 'TransmitError';
	}
}

export interface TokenGrant {
	token: string;
	/** Epoch ms at which Marketo will answer 602 for this token. */
	expiresAt: number;
}
