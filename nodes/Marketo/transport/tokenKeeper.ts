import type { Clock } from './clock';
import type { TokenGrant } from './errors';

/**
 * Ahead of expiry by this much the token is renewed before use. Marketo's identity endpoint
 * returns the same token until it expires, so the credential waits out a token with less life
 * than this and asks again (see MarketoApi.credentials.ts).
 */
export const RENEW_AHEAD_MS = 1_500;

/**
 * The token of one custom service (identity URL + client id), shared by every execution in the
 * process. Renewal happens inside n8n (the credential's preAuthentication runs when a request
 * goes out with a blank token), so renewal rides on one real request: its sender is the
 * "carrier" and everyone else waits for the carrier's token instead of renewing again.
 */
export class TokenKeeper {
	private grant: TokenGrant | undefined;
	private renewal: { promise: Promise<void>; settle: (error?: Error) => void } | undefined;

	constructor(private readonly clock: Clock) {}

	/** A token read from n8n's credential store: adopted when it outlives ours. */
	offer(grant: TokenGrant | undefined): void {
		if (!grant?.token) return;
		if (!this.grant || grant.expiresAt > this.grant.expiresAt) this.grant = grant;
	}

	/** The token to send with, or '' when the caller must carry a renewal. */
	async tokenForRequest(): Promise<string> {
		while (this.renewal) await this.renewal.promise;
		if (this.grant && this.grant.expiresAt - this.clock.now() > RENEW_AHEAD_MS) return this.grant.token;
		let settle: (error?: Error) => void = () => {};
		const promise = new Promise<void>((resolve, reject) => {
			settle = (error) => (error ? reject(error) : resolve());
		});
		// Waiters that arrive after a failed renewal must not see an unhandled rejection.
		promise.catch(() => {});
		this.renewal = { promise, settle };
		return '';
	}

	/**
	 * The carrier reports what n8n's preAuthentication produced. Without a token, the carrier's
	 * error is shared with everyone waiting, so one bad secret costs one identity call, not one per request.
	 */
	renewalFinished(grant: TokenGrant | undefined, error?: Error): void {
		if (grant?.token) this.grant = grant;
		const renewal = this.renewal;
		this.renewal = undefined;
		renewal?.settle(grant?.token ? undefined : (error ?? new Error('Marketo token renewal failed')));
	}

	/** Marketo said 601/602 for this token: never send it again. Another caller may already have renewed. */
	reject(token: string): void {
		if (this.grant?.token === token) this.grant = undefined;
	}

	current(): TokenGrant | undefined {
		return this.grant;
	}
}
