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

	it('waits out a token with almost no life left and asks again (Marketo returns the same token until it expires)', async () => {
		const answers = [
			{ access_token: 'old', expires_in: 1 },
			{ access_token: 'new', expires_in: 3600 },
		];
		const clock = clockAt(0);
		const token = await exchangeClientCredentials(async () => answers.shift(), credentials, clock);
		expect(token.accessToken).toBe('new');
		expect(clock.slept).toEqual([1_250]);
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
