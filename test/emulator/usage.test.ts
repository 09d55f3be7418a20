import { chicagoDay } from './chicagoDay';
import { send, sleep, startEmulator, tokenFor } from './testClient';

const API_USER = 'marketo-api@123-ABC-456.mktorest.com';

describe('usage statistics (/rest/v1/stats/...)', () => {
	it('usage.json counts today’s counted calls, itself included, per API user', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		for (let i = 0; i < 3; i++) await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token });
		await send(emulator, 'GET', '/rest/v1/leads/describe.json'); // 600: not counted
		const answer = await send(emulator, 'GET', '/rest/v1/stats/usage.json', { token });
		expect(answer.body.result).toEqual([{ date: chicagoDay(Date.now()), total: 4, users: [{ userId: API_USER, count: 4 }] }]);
	});

	it('usage/last7days.json answers seven days, today first', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', '/rest/v1/stats/usage/last7days.json', { token });
		const days = answer.body.result ?? [];
		expect(days).toHaveLength(7);
		expect(days[0]).toEqual({ date: chicagoDay(Date.now()), total: 1, users: [{ userId: API_USER, count: 1 }] });
		expect(days.slice(1).every((d) => d.total === 0)).toBe(true);
		const dates = days.map((d) => Date.parse(`${String(d.date)}T12:00:00Z`));
		expect(dates.slice(1).map((t, i) => dates[i] - t)).toEqual(Array(6).fill(86_400_000));
	});

	it('errors.json groups today’s response-level errors by code, refusals included', async () => {
		const emulator = await startEmulator({ rateLimit: 3, rateWindowMs: 300 });
		const token = await tokenFor(emulator);
		await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token: 'bogus' }); // 601
		await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token: 'bogus' }); // 601
		await send(emulator, 'GET', '/rest/v1/leads.json?filterType=shoeSize&filterValues=1', { token }); // 1003, counted
		await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token }); // served
		await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token }); // served
		await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token }); // 606
		await sleep(350);
		const answer = await send(emulator, 'GET', '/rest/v1/stats/errors.json', { token });
		expect(answer.body.result).toEqual([{ date: chicagoDay(Date.now()), total: 4, errors: expect.any(Array) }]);
		expect(answer.body.result?.[0].errors).toEqual(
			expect.arrayContaining([
				{ errorCode: '601', count: 2 },
				{ errorCode: '1003', count: 1 },
				{ errorCode: '606', count: 1 },
			]),
		);
	});

	it('errors/last7days.json answers seven days; resetCounters empties them', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token: 'bogus' });
		const week = await send(emulator, 'GET', '/rest/v1/stats/errors/last7days.json', { token });
		expect(week.body.result).toHaveLength(7);
		expect(week.body.result?.[0]).toEqual({ date: chicagoDay(Date.now()), total: 1, errors: [{ errorCode: '601', count: 1 }] });
		emulator.resetCounters();
		const afterReset = await send(emulator, 'GET', '/rest/v1/stats/errors/last7days.json', { token });
		expect(afterReset.body.result?.every((d) => d.total === 0)).toBe(true);
	});
});
