import { request } from 'undici';
import { identity, outcome, send, startEmulator, tokenFor } from './testClient';
import type { MarketoEmulator } from './MarketoEmulator';

const LEADS = '/rest/v1/leads.json';
const newLead = (email: string) => ({ json: { input: [{ email }] } });

async function usageTotal(emulator: MarketoEmulator, token: string): Promise<unknown> {
	const usage = await send(emulator, 'GET', '/rest/v1/stats/usage.json', { token });
	return usage.body.result?.[0]?.total;
}

describe('injected faults', () => {
	it('respondWithCode answers HTTP 200 with that error and does not execute the request', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: 1, respondWithCode: '604' });
		const answer = await send(emulator, 'POST', LEADS, { token, ...newLead('ada@example.com') });
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ success: false, errors: [{ code: '604', message: 'Request time-out' }], warnings: [] });
		expect(emulator.leads.size).toBe(0);
		expect(emulator.apiCalls()[0]).toMatchObject({ fault: 'respondWithCode 604', errorCode: '604' });
		expect(emulator.violations()).toEqual([]); // the emulator's fault, not the client's
		expect(await usageTotal(emulator, token)).toBe(1);
	});

	it('respondWithCode carries a given message', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: 1, respondWithCode: '713', message: 'Transient Error, try again' });
		const answer = await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token });
		expect(answer.body.errors).toEqual([{ code: '713', message: 'Transient Error, try again' }]);
	});

	it('httpStatus 502 answers without executing the request and is not counted', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: 1, httpStatus: 502, body: '<html>Bad Gateway</html>' });
		const answer = await send(emulator, 'POST', LEADS, { token, ...newLead('ada@example.com') });
		expect(answer.status).toBe(502);
		expect(answer.text).toBe('<html>Bad Gateway</html>');
		expect(emulator.leads.size).toBe(0);
		expect(await usageTotal(emulator, token)).toBe(1);
	});

	it('delayMs answers late, then normally, and counts as a normal call', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: 1, delayMs: 250 });
		const started = Date.now();
		const answer = await send(emulator, 'POST', LEADS, { token, ...newLead('ada@example.com') });
		expect(Date.now() - started).toBeGreaterThanOrEqual(245);
		expect(answer.body.result).toEqual([{ id: 1, status: 'created' }]);
		expect(await usageTotal(emulator, token)).toBe(2);
	});

	it('an injected drop beforeExecuting loses the answer and writes nothing', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: 1, drop: 'beforeExecuting' });
		await expect(send(emulator, 'POST', LEADS, { token, ...newLead('ada@example.com') })).rejects.toThrow();
		expect(emulator.leads.size).toBe(0);
		expect(emulator.apiCalls()[0].fault).toBe('drop beforeExecuting');
		expect(emulator.apiCalls()[0].httpStatus).toBeUndefined();
		expect(await usageTotal(emulator, token)).toBe(1);
	});

	it('an injected drop afterExecuting writes the lead but loses the answer', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: 1, drop: 'afterExecuting' });
		await expect(send(emulator, 'POST', LEADS, { token, ...newLead('ada@example.com') })).rejects.toThrow();
		expect(emulator.leads.all()).toEqual([expect.objectContaining({ id: 1, email: 'ada@example.com' })]);
		expect(await usageTotal(emulator, token)).toBe(2);
		// A retry of the same upsert finds the lead instead of creating a second one.
		const retry = await send(emulator, 'POST', LEADS, { token, ...newLead('ada@example.com') });
		expect(retry.body.result).toEqual([{ id: 1, status: 'updated' }]);
	});

	it('a predicate fault hits `times` matching calls, then stops', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: (call) => call.path.endsWith('/describe.json'), times: 2, respondWithCode: '608' });
		const outcomes = [];
		for (const path of ['describe.json', 'describe2.json', 'describe.json', 'describe.json']) {
			outcomes.push(outcome(await send(emulator, 'GET', `/rest/v1/leads/${path}`, { token })));
		}
		expect(outcomes).toEqual(['608', 'success', '608', 'success']);
	});

	it('a numbered fault hits that API call, not the ones before it', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: 3, httpStatus: 502 });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token })).status);
		expect(statuses).toEqual([200, 200, 502, 200]);
	});

	it('a real violation is answered as such; the fault waits for the next admitted call', async () => {
		const emulator = await startEmulator({ maxUriBytes: 200 });
		const token = await tokenFor(emulator);
		emulator.inject({ on: 1, respondWithCode: '611' });
		const tooLong = await send(emulator, 'GET', `/rest/v1/leads/describe.json?pad=${'x'.repeat(200)}`, { token });
		expect(tooLong.status).toBe(414);
		const noToken = await send(emulator, 'GET', '/rest/v1/leads/describe.json');
		expect(outcome(noToken)).toBe('600');
		const next = await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token });
		expect(outcome(next)).toBe('611');
	});

	it('faults hit API calls only, never identity', async () => {
		const emulator = await startEmulator();
		emulator.inject({ on: () => true, httpStatus: 503 });
		expect((await identity(emulator)).status).toBe(200);
		const token = await tokenFor(emulator);
		expect((await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token })).status).toBe(503);
	});

	it('resetCounters forgets queued faults and restarts the call numbering', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: 2, httpStatus: 502 });
		await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token });
		emulator.resetCounters();
		expect(emulator.calls).toEqual([]);
		await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token });
		await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token });
		expect(emulator.apiCalls().map((c) => [c.apiSeq, c.httpStatus])).toEqual([
			[1, 200],
			[2, 200],
		]);
	});

	it('the dropped connection is a socket error to an undici client', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: 1, drop: 'beforeExecuting' });
		await expect(
			request(`${emulator.restEndpoint}/v1/leads/describe.json`, { headers: { authorization: `Bearer ${token}` } }),
		).rejects.toMatchObject({ code: expect.stringMatching(/^UND_ERR_SOCKET$|^ECONNRESET$/) });
	});
});

describe('expireTokensAfter', () => {
	it('serves the call, then every token answers 602', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		emulator.inject({ on: 1, expireTokensAfter: true });
		const first = await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token });
		expect(first.body.success).toBe(true);
		const second = await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token });
		expect(second.body.errors?.[0]?.code).toBe('602');
	});
});
