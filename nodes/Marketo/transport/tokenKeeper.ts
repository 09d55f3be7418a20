import type { Clock } from './clock';
import type { TokenGrant } from './errors';

/** Ahead of expiry by this much a token is no longer sent: a call could reach Marketo after it died. */
export const RENEW_AHEAD_MS = 1_500;

/**
 * How long after its computed expiry a token is surely dead. Identity hands back the same token
 * until it dies, with `expires_in` rounded down to whole seconds: it may live up to 1 s past the
 * expiry we computed; 0.5 s more cover the trip to identity. Asking after that brings a new token
 * in one exchange.
 */
export const TOKEN_DEAD_AFTER_MS = 1_500;

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
		const ending = this.grant;
		if (ending && ending.expiresAt - this.clock.now() > RENEW_AHEAD_MS) return ending.token;
		let settle: (error?: Error) => void = () => {};
		const promise = new Promise<void>((resolve, reject) => {
			settle = (error) => (error ? reject(error) : resolve());
		});
		// Waiters that arrive after a failed renewal must not see an unhandled rejection.
		promise.catch(() => {});
		this.renewal = { promise, settle };
		// Asked now, identity would hand back the ending token: its end is waited out (a few seconds
		// once per token life) so that one exchange brings a new one. A token Marketo refused
		// (601/602) is gone from `grant` and renewed at once.
		if (ending) await this.clock.sleep(Math.max(0, ending.expiresAt + TOKEN_DEAD_AFTER_MS - this.clock.now()));
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
