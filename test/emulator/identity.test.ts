import { identity, outcome, send, sleep, startEmulator, tokenFor } from './testClient';

describe('identity (/identity/oauth/token)', () => {
	it('answers a bearer token shaped like a real one for the right client credentials', async () => {
		const emulator = await startEmulator();
		const answer = await identity(emulator);
		expect(answer.status).toBe(200);
		expect(answer.contentType).toMatch(/^application\/json/);
		expect(answer.body).toEqual({
			access_token: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:ab$/),
			token_type: 'bearer',
			expires_in: 3600,
			scope: 'marketo-api@123-ABC-456.mktorest.com',
		});
	});

	it('accepts POST with the parameters in the query string', async () => {
		const emulator = await startEmulator();
		const answer = await identity(emulator, undefined, 'POST');
		expect(answer.status).toBe(200);
		expect(answer.body.token_type).toBe('bearer');
	});

	it('also reads the parameters of a POST from a form body', async () => {
		const emulator = await startEmulator();
		const answer = await send(emulator, 'POST', '/identity/oauth/token', {
			form: { grant_type: 'client_credentials', client_id: emulator.options.clientId, client_secret: emulator.options.clientSecret },
		});
		expect(answer.status).toBe(200);
		expect(emulator.calls[0].kind).toBe('identity');
		expect(emulator.calls[0].apiSeq).toBeUndefined();
	});

	it('identity returns the same token with its remaining life', async () => {
		const emulator = await startEmulator({ tokenLifetimeSeconds: 2 });
		const first = await identity(emulator);
		await sleep(1_100);
		const second = await identity(emulator);
		expect(second.body.access_token).toBe(first.body.access_token);
		expect(first.body.expires_in).toBe(2);
		expect(second.body.expires_in).toBe(0); // 0.9 s left, floored
	});

	it('once the token has expired, identity issues a new one with a full life', async () => {
		const emulator = await startEmulator({ tokenLifetimeSeconds: 1 });
		const first = await identity(emulator);
		await sleep(1_050);
		const second = await identity(emulator);
		expect(second.body.access_token).not.toBe(first.body.access_token);
		expect(second.body.expires_in).toBe(1);
	});

	it('a wrong client secret answers HTTP 401 Bad client credentials', async () => {
		const emulator = await startEmulator();
		const answer = await identity(emulator, { grant_type: 'client_credentials', client_id: emulator.options.clientId, client_secret: 'nope' });
		expect(answer.status).toBe(401);
		expect(answer.body).toEqual({ error: 'unauthorized', error_description: 'Bad client credentials' });
	});

	it('a wrong client id answers HTTP 401', async () => {
		const emulator = await startEmulator({ clientId: 'id-1', clientSecret: 'secret-1' });
		const answer = await identity(emulator, { grant_type: 'client_credentials', client_id: 'emulator-client-id', client_secret: 'secret-1' });
		expect(answer.status).toBe(401);
	});

	it('a missing grant_type answers HTTP 400', async () => {
		const emulator = await startEmulator();
		const answer = await identity(emulator, { client_id: emulator.options.clientId, client_secret: emulator.options.clientSecret });
		expect(answer.status).toBe(400);
		expect(answer.body.error).toBe('invalid_request');
	});

	it('identity calls count toward neither rate, quota nor concurrency', async () => {
		const emulator = await startEmulator({ rateLimit: 1, dailyQuota: 1, concurrencyLimit: 1 });
		await Promise.all(Array.from({ length: 5 }, () => identity(emulator)));
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', '/rest/v1/stats/usage.json', { token });
		expect(outcome(answer)).toBe('success');
		expect(answer.body.result?.[0]).toMatchObject({ total: 1 });
		expect(emulator.calls.filter((c) => c.kind === 'identity')).toHaveLength(6);
		expect(emulator.apiCalls()).toHaveLength(1);
		expect(emulator.violations()).toEqual([]);
	});

	it('an identity path other than oauth/token answers HTTP 404', async () => {
		const emulator = await startEmulator();
		const answer = await send(emulator, 'GET', '/identity/oauth/authorize');
		expect(answer.status).toBe(404);
	});
});
