import { chicagoDay } from './chicagoDay';
import { type Answer, outcome, send, sleep, startEmulator, tokenFor } from './testClient';

const DESCRIBE = '/rest/v1/leads/describe.json';

async function burst(count: number, call: () => Promise<Answer>): Promise<string[]> {
	const outcomes: string[] = [];
	for (let i = 0; i < count; i++) outcomes.push(outcome(await call()));
	return outcomes;
}

describe('rate limit (606, sliding window)', () => {
	it('the 101st call inside 20 s answers 606 with Marketo’s message (default limits)', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const outcomes = await burst(101, () => send(emulator, 'GET', DESCRIBE, { token }));
		expect(outcomes.filter((o) => o === 'success')).toHaveLength(100);
		expect(outcomes[100]).toBe('606');
		expect(emulator.apiCalls()[100].refusedFor).toBe('rate');
		const refused = await send(emulator, 'GET', DESCRIBE, { token });
		expect(refused.body.errors).toEqual([{ code: '606', message: "Max rate limit '100' exceeded with in '20' secs" }]);
	});

	it('the call past rateLimit inside the window answers 606 and is not counted', async () => {
		const emulator = await startEmulator({ rateLimit: 5, rateWindowMs: 1_000 });
		const token = await tokenFor(emulator);
		const outcomes = await burst(7, () => send(emulator, 'GET', DESCRIBE, { token }));
		expect(outcomes).toEqual(['success', 'success', 'success', 'success', 'success', '606', '606']);
		const refused = emulator.apiCalls()[5];
		expect(refused).toMatchObject({ errorCode: '606', refusedFor: 'rate' });
		await sleep(1_050);
		const usage = await send(emulator, 'GET', '/rest/v1/stats/usage.json', { token });
		expect(usage.body.result?.[0]).toMatchObject({ total: 6 }); // 5 described + this one
	});

	it('speaks the configured limit and window in its message', async () => {
		const emulator = await startEmulator({ rateLimit: 1, rateWindowMs: 500 });
		const token = await tokenFor(emulator);
		await send(emulator, 'GET', DESCRIBE, { token });
		const answer = await send(emulator, 'GET', DESCRIBE, { token });
		expect(answer.body.errors).toEqual([{ code: '606', message: "Max rate limit '1' exceeded with in '0.5' secs" }]);
	});

	it('the window slides: once the oldest calls leave it, calls are served again', async () => {
		const emulator = await startEmulator({ rateLimit: 2, rateWindowMs: 400 });
		const token = await tokenFor(emulator);
		expect(await burst(3, () => send(emulator, 'GET', DESCRIBE, { token }))).toEqual(['success', 'success', '606']);
		await sleep(450);
		expect(await burst(2, () => send(emulator, 'GET', DESCRIBE, { token }))).toEqual(['success', 'success']);
	});

	it('calls refused with 606 do not occupy the window', async () => {
		const emulator = await startEmulator({ rateLimit: 2, rateWindowMs: 600 });
		const token = await tokenFor(emulator);
		await burst(2, () => send(emulator, 'GET', DESCRIBE, { token }));
		await sleep(300);
		expect(await burst(2, () => send(emulator, 'GET', DESCRIBE, { token }))).toEqual(['606', '606']);
		await sleep(350); // the two served calls have left the window; the refused ones would still be in it
		expect(await burst(2, () => send(emulator, 'GET', DESCRIBE, { token }))).toEqual(['success', 'success']);
	});
});

describe('daily quota (607)', () => {
	it('past dailyQuota calls answer 607, are not counted, and resetCounters starts a new day', async () => {
		const emulator = await startEmulator({ dailyQuota: 3 });
		const token = await tokenFor(emulator);
		expect(await burst(5, () => send(emulator, 'GET', DESCRIBE, { token }))).toEqual(['success', 'success', 'success', '607', '607']);
		expect(emulator.violations().map((c) => c.refusedFor)).toEqual(['quota', 'quota']);
		emulator.resetCounters();
		expect(outcome(await send(emulator, 'GET', DESCRIBE, { token }))).toBe('success');
	});

	it('calls refused for a bad token do not spend the quota', async () => {
		const emulator = await startEmulator({ dailyQuota: 2 });
		await burst(3, () => send(emulator, 'GET', DESCRIBE, { token: 'not-a-token' }));
		const token = await tokenFor(emulator);
		expect(await burst(3, () => send(emulator, 'GET', DESCRIBE, { token }))).toEqual(['success', 'success', '607']);
	});

	it('the quota day turns at midnight US Central, in winter (CST) and summer (CDT)', () => {
		expect(chicagoDay(Date.parse('2024-01-15T05:59:59Z'))).toBe('2024-01-14');
		expect(chicagoDay(Date.parse('2024-01-15T06:00:00Z'))).toBe('2024-01-15');
		expect(chicagoDay(Date.parse('2024-07-01T04:59:59Z'))).toBe('2024-06-30');
		expect(chicagoDay(Date.parse('2024-07-01T05:00:00Z'))).toBe('2024-07-01');
	});
});

describe('concurrency (615)', () => {
	it('a call arriving while concurrencyLimit calls are in flight answers 615', async () => {
		const emulator = await startEmulator({ concurrencyLimit: 2, latencyMs: 300 });
		const token = await tokenFor(emulator);
		const outcomes = await Promise.all(Array.from({ length: 3 }, () => send(emulator, 'GET', DESCRIBE, { token }).then(outcome)));
		expect(outcomes.sort()).toEqual(['615', 'success', 'success']);
		expect(emulator.violations()).toEqual([expect.objectContaining({ refusedFor: 'concurrency', errorCode: '615' })]);
		expect(outcome(await send(emulator, 'GET', DESCRIBE, { token }))).toBe('success');
	});

	it('latencyMs keeps each API call in flight that long', async () => {
		const emulator = await startEmulator({ latencyMs: 200 });
		const token = await tokenFor(emulator);
		const started = Date.now();
		await send(emulator, 'GET', DESCRIBE, { token });
		expect(Date.now() - started).toBeGreaterThanOrEqual(195);
		const [call] = emulator.apiCalls();
		expect((call.endedAt ?? 0) - call.startedAt).toBeGreaterThanOrEqual(195);
	});
});

describe('violations()', () => {
	it('lists exactly the calls refused for the client’s own excess, and nothing served normally', async () => {
		const emulator = await startEmulator({ rateLimit: 2, rateWindowMs: 5_000, maxUriBytes: 200 });
		const token = await tokenFor(emulator);
		await send(emulator, 'GET', DESCRIBE, { token }); // served
		await send(emulator, 'GET', DESCRIBE, { token: 'bad' }); // 601: the client's bug, but not a limit
		await send(emulator, 'GET', `${DESCRIBE}?x=${'a'.repeat(300)}`, { token }); // 414
		await send(emulator, 'GET', DESCRIBE, { token }); // served
		await send(emulator, 'GET', DESCRIBE, { token }); // 606
		expect(emulator.violations().map((c) => [c.apiSeq, c.refusedFor])).toEqual([
			[3, 'uri'],
			[5, 'rate'],
		]);
	});
});
