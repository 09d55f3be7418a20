import { resolveEndpoints, tokenUrl } from './endpoints';
import { httpStatusOf, networkCodeOf, responseBodyOf, wireFailureOf } from './errorShape';
import { redactSecrets } from './redact';
import { settle } from './settle';
import { RENEW_AHEAD_MS } from './tokenKeeper';

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
	let waitedOut = false;
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
		if (lifeMs > RENEW_AHEAD_MS || waitedOut) {
			return { accessToken, tokenExpiresAt: clock.now() + lifeMs };
		}
		// Marketo hands back the same token until it expires: wait this one out, then ask again.
		await clock.sleep(lifeMs + 250);
		waitedOut = true;
	}
}
