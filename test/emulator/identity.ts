import type { Exchange } from './exchange';
import { isRecord } from './exchange';
import { API_USER_ID } from './rules';
import type { TokenStore } from './tokens';
import type { EmulatorOptions } from './types';

/**
 * `/identity/oauth/token`, GET or POST, parameters in the query string (a POST form body is
 * read too). Identity calls never count toward rate, concurrency or quota.
 */
export function serveIdentity(exchange: Exchange, options: Required<EmulatorOptions>, tokens: TokenStore): void {
	const { call } = exchange;
	if (call.path !== '/identity/oauth/token' || !['GET', 'POST'].includes(call.method)) {
		exchange.json(404, { error: 'not_found', error_description: `No identity resource at ${call.method} ${call.path}` });
		return;
	}
	const form = exchange.contentType === 'application/x-www-form-urlencoded' && isRecord(call.body) ? call.body : {};
	const params: Record<string, unknown> = { ...call.query, ...form };
	// Client authentication is judged before the grant, as an OAuth server does.
	if (params.client_id !== options.clientId || params.client_secret !== options.clientSecret) {
		exchange.json(401, { error: 'unauthorized', error_description: 'Bad client credentials' });
		return;
	}
	if (params.grant_type === undefined || params.grant_type === '') {
		exchange.json(400, { error: 'invalid_request', error_description: 'Missing grant type' });
		return;
	}
	if (params.grant_type !== 'client_credentials') {
		exchange.json(400, { error: 'unsupported_grant_type', error_description: `Unsupported grant type: ${String(params.grant_type)}` });
		return;
	}
	const { token, expiresIn } = tokens.issue(Date.now());
	exchange.json(200, { access_token: token, token_type: 'bearer', expires_in: expiresIn, scope: API_USER_ID });
}
