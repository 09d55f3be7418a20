import { resolveEndpoints, tokenUrl } from './endpoints';
import { httpStatusOf, networkCodeOf, responseBodyOf, wireFailureOf } from './errorShape';
import { redactSecrets } from './redact';
import { settle } from './settle';
import { RENEW_AHEAD_MS, TOKEN_DEAD_AFTER_MS } from './tokenKeeper';

export interface MarketoCredentialFields {
	restEndpoint: string;
	identityEndpoint?: string;
	clientId: string;
	clientSecret: string;
}

export interface TokenFields {
	accessToken: string;
	/** Epoch ms; kept in a hidden credential field so every execution and worker knows when to renew. */
	tokenExpiresAt: number;
}

interface TokenAnswer {
	access_token?: unknown;
	expires_in?: unknown;
}

type HttpRequest = (options: {
	method: 'POST';
	url: string;
	qs: Record<string, string>;
	json: true;
}) => Promise<unknown>;

export class MarketoTokenExchangeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MarketoTokenExchangeError';
	}
}

/**
 * Waits for a token identity says is (nearly) dead before asking again. One is enough when
 * Marketo behaves as documented; a second covers an answer slow to arrive. After that the token
 * is taken as it is, and the token keeper renews it when it runs out.
 */
const MAX_DYING_TOKEN_WAITS = 2;

/** Identity hiccups worth asking again: the exchange is safe to repeat and nothing reached the REST API yet. */
const EXCHANGE_RETRY_DELAYS_MS = [1_000, 3_000];
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

function isTransient(error: unknown): boolean {
	const status = httpStatusOf(error);
	if (status !== undefined) return status >= 500;
	return TRANSIENT_NETWORK_CODES.has(networkCodeOf(error) ?? '');
}

function describeFailure(error: unknown, url: string): string {
	const status = httpStatusOf(error);
	const where = 'Copy the endpoints from Marketo Admin > Integration > Web Services';
	if (status === 401) {
		return `Marketo rejected the Client ID or Client Secret (identity endpoint answered HTTP 401). Copy both from Admin > Integration > LaunchPoint > your custom service > View Details.`;
	}
	if (status === 404) {
		return `${url} answered HTTP 404: it is not a Marketo identity endpoint. ${where}.`;
	}
	if (status !== undefined) {
		const body = responseBodyOf(error);
		const detail = body && typeof body === 'object' ? ` ${JSON.stringify(body)}` : '';
		return `The Marketo identity endpoint ${url} answered HTTP ${status}.${detail}`;
	}
	return `Could not reach the Marketo identity endpoint ${url} (${wireFailureOf(error)}). ${where}.`;
}

/**
 * Marketo's client-credentials exchange, as documented: client id and secret in the query string
 * (the only form the official spec lists), sent as POST so nothing caches the URL. Nothing that
 * leaves this function can contain the secret.
 */
export async function exchangeClientCredentials(
	httpRequest: HttpRequest,
	credentials: MarketoCredentialFields,
	clock: { now(): number; sleep(ms: number): Promise<void> },
): Promise<TokenFields> {
	const url = tokenUrl(resolveEndpoints(credentials.restEndpoint, credentials.identityEndpoint));
	const secrets = [credentials.clientSecret];
	let failures = 0;
	let dyingTokenWaits = 0;
	for (;;) {
		const exchanged = await settle(
			httpRequest({
				method: 'POST',
				url,
				qs: {
					grant_type: 'client_credentials',
					client_id: credentials.clientId,
					client_secret: credentials.clientSecret,
				},
				json: true,
			}),
		);
		if (!exchanged.ok) {
			if (failures < EXCHANGE_RETRY_DELAYS_MS.length && isTransient(exchanged.error)) {
				await clock.sleep(EXCHANGE_RETRY_DELAYS_MS[failures++]);
				continue;
			}
			throw new MarketoTokenExchangeError(redactSecrets(describeFailure(exchanged.error, url), secrets));
		}
		const answer = exchanged.value as TokenAnswer;
		const accessToken = answer?.access_token;
		const expiresIn = Number(answer?.expires_in);
		if (typeof accessToken !== 'string' || !accessToken || !Number.isFinite(expiresIn)) {
			throw new MarketoTokenExchangeError(
				`${url} did not answer with a Marketo access token. Check the Identity endpoint in the credential.`,
			);
		}
		const lifeMs = Math.max(0, expiresIn) * 1000;
		if (lifeMs > RENEW_AHEAD_MS || dyingTokenWaits >= MAX_DYING_TOKEN_WAITS) {
			return { accessToken, tokenExpiresAt: clock.now() + lifeMs };
		}
		// Identity hands back the same token until it dies, and `expires_in` is rounded down (a real
		// instance answers 0 for a token with most of a second left): wait past its end, then ask.
		await clock.sleep(lifeMs + TOKEN_DEAD_AFTER_MS);
		dyingTokenWaits++;
	}
}
