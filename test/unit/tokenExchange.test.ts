import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { exchangeClientCredentials } from '../../nodes/Marketo/transport/tokenExchange';

const credentials = {
	restEndpoint: 'https://123-ABC-456.mktorest.com/rest/',
	clientId: 'client-id',
	clientSecret: 'very-secret-value',
};

function clockAt(start: number) {
	const clock = { current: start, slept: [] as number[], now: () => clock.current, sleep: async (ms: number) => {
		clock.slept.push(ms);
		clock.current += ms;
	} };
	return clock;
}

describe('client-credentials exchange', () => {
	it('POSTs the documented identity call and keeps the expiry time', async () => {
		const calls: unknown[] = [];
		const clock = clockAt(1_000);
		const token = await exchangeClientCredentials(
			async (options) => (calls.push(options), { access_token: 'tok', expires_in: 3599, token_type: 'bearer' }),
			credentials,
			clock,
		);
		expect(token).toEqual({ accessToken: 'tok', tokenExpiresAt: 1_000 + 3_599_000 });
		expect(calls).toEqual([
			{
				method: 'POST',
				url: 'https://123-ABC-456.mktorest.com/identity/oauth/token',
				qs: { grant_type: 'client_credentials', client_id: 'client-id', client_secret: 'very-secret-value' },
				json: true,
			},
		]);
	});

	it('waits out a token with almost no life left, past the second expires_in rounds away, and asks again once', async () => {
		const answers = [
			{ access_token: 'old', expires_in: 1 },
			{ access_token: 'new', expires_in: 3600 },
		];
		const clock = clockAt(0);
		const token = await exchangeClientCredentials(async () => answers.shift(), credentials, clock);
		expect(token.accessToken).toBe('new');
		// expires_in 1 means up to 2 s of life left: 1 s, the rounded-away second and 0.5 s for the trip.
		expect(clock.slept).toEqual([2_500]);
		expect(answers).toEqual([]);
	});

	it('a real "expires_in": 0 answer costs one wait and one more identity call, not a loop of them', async () => {
		const real = JSON.parse(readFileSync(join(__dirname, '../../../shared/marketo-real-responses/rudder-identity-expires-in-0.json'), 'utf8')) as { body: { access_token: string; expires_in: number } };
		let calls = 0;
		const clock = clockAt(0);
		const identity = async () => (calls++ === 0 ? real.body : { access_token: 'fresh', expires_in: 3599 });
		const token = await exchangeClientCredentials(identity, credentials, clock);
		expect(real.body.expires_in).toBe(0);
		expect(token).toEqual({ accessToken: 'fresh', tokenExpiresAt: 1_500 + 3_599_000 });
		expect(calls).toBe(2);
		expect(clock.slept).toEqual([1_500]);
	});

	it('an identity that keeps answering a dying token is asked at most three times; the token is then taken as it is', async () => {
		let calls = 0;
		const clock = clockAt(0);
		const token = await exchangeClientCredentials(async () => (calls++, { access_token: 'stuck', expires_in: 0 }), credentials, clock);
		expect(token).toEqual({ accessToken: 'stuck', tokenExpiresAt: 3_000 });
		expect(calls).toBe(3);
	});

	it('says the secret is wrong on 401, without ever showing it', async () => {
		const failure = Object.assign(new Error(`Request failed: POST ...?client_secret=${credentials.clientSecret}`), {
			response: { status: 401, data: { error: 'unauthorized' } },
		});
		const error = (await exchangeClientCredentials(async () => Promise.reject(failure), credentials, clockAt(0)).catch((e: Error) => e)) as Error;
		expect(error.message).toMatch(/rejected the Client ID or Client Secret/);
		expect(JSON.stringify(error)).not.toContain(credentials.clientSecret);
		expect(error.message).not.toContain(credentials.clientSecret);
		expect((error as Error & { cause?: unknown }).cause).toBeUndefined();
	});

	it('asks identity again after a 5xx or a reset connection, at most twice', async () => {
		const gateway = Object.assign(new Error('502'), { response: { status: 502 } });
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const answers: unknown[] = [gateway, reset, { access_token: 'tok', expires_in: 3600 }];
		const clock = clockAt(0);
		const flaky = async () => {
			const next = answers.shift();
			return next instanceof Error ? await Promise.reject(next) : next;
		};
		expect((await exchangeClientCredentials(flaky, credentials, clock)).accessToken).toBe('tok');
		expect(clock.slept).toEqual([1_000, 3_000]);

		let calls = 0;
		const down = async () => (calls++, await Promise.reject(gateway));
		await expect(exchangeClientCredentials(down, credentials, clockAt(0))).rejects.toThrow(/answered HTTP 502/);
		expect(calls).toBe(3);
	});

	it('does not ask again when the answer says the credential or endpoint is wrong', async () => {
		let calls = 0;
		const refused = Object.assign(new Error('401'), { response: { status: 401 } });
		await expect(exchangeClientCredentials(async () => (calls++, await Promise.reject(refused)), credentials, clockAt(0))).rejects.toThrow(/rejected/);
		expect(calls).toBe(1);
	});

	it('says the endpoint is wrong when identity is not there', async () => {
		const notFound = Object.assign(new Error('404'), { response: { status: 404 } });
		await expect(exchangeClientCredentials(async () => Promise.reject(notFound), credentials, clockAt(0))).rejects.toThrow(
			/not a Marketo identity endpoint/,
		);
		const dns = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
		await expect(exchangeClientCredentials(async () => Promise.reject(dns), credentials, clockAt(0))).rejects.toThrow(
			/Could not reach .*\(host not found\)/,
		);
	});
});
