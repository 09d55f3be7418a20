import { outcome, send, sleep, startEmulator, tokenFor } from './testClient';

const USAGE = '/rest/v1/stats/usage.json';

describe('access tokens on API calls', () => {
	it('a call without an Authorization header answers 600 and is not counted', async () => {
		const emulator = await startEmulator();
		const answer = await send(emulator, 'GET', USAGE);
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ success: false, errors: [{ code: '600', message: 'Access token missing' }], warnings: [] });
		const usage = await send(emulator, 'GET', USAGE, { token: await tokenFor(emulator) });
		expect(usage.body.result?.[0]).toMatchObject({ total: 1 });
	});

	it('an unknown token answers 601', async () => {
		const emulator = await startEmulator();
		const answer = await send(emulator, 'GET', USAGE, { token: '00000000-0000-0000-0000-000000000000:ab' });
		expect(answer.body.errors).toEqual([{ code: '601', message: 'Access token invalid' }]);
	});

	it('a token past its lifetime answers 602', async () => {
		const emulator = await startEmulator({ tokenLifetimeSeconds: 1 });
		const token = await tokenFor(emulator);
		expect(outcome(await send(emulator, 'GET', USAGE, { token }))).toBe('success');
		await sleep(1_050);
		const answer = await send(emulator, 'GET', USAGE, { token });
		expect(answer.body.errors).toEqual([{ code: '602', message: 'Access token expired' }]);
	});

	it('expireAllTokens makes the next use answer 602, and identity then issues a working token', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.expireAllTokens();
		expect(outcome(await send(emulator, 'GET', USAGE, { token }))).toBe('602');
		const renewed = await tokenFor(emulator);
		expect(renewed).not.toBe(token);
		expect(outcome(await send(emulator, 'GET', USAGE, { token: renewed }))).toBe('success');
	});

	it('revokeAllTokens makes the next use answer 601', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.revokeAllTokens();
		expect(outcome(await send(emulator, 'GET', USAGE, { token }))).toBe('601');
	});

	it('the token is read from "Authorization: Bearer" only', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', USAGE, { headers: { authorization: token } });
		expect(outcome(answer)).toBe('600');
	});

	it('an access_token in the URL is served but recorded as a violation', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', `${USAGE}?access_token=${encodeURIComponent(token)}`, { token });
		expect(outcome(answer)).toBe('success');
		expect(emulator.violations()).toEqual([expect.objectContaining({ refusedFor: 'tokenInUrl', httpStatus: 200 })]);
	});

	it('an access_token in the URL never authenticates by itself', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', `${USAGE}?access_token=${encodeURIComponent(token)}`);
		expect(outcome(answer)).toBe('600');
		expect(emulator.violations()).toHaveLength(1);
	});
});
