import { API_USER_ID, chicagoDay } from '../emulator';
import { callsTo, credentialStore, limitsOf, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

async function instance() {
	const emulator = await startEmulator();
	return { emulator, store: credentialStore(emulator) };
}

const today = () => chicagoDay(Date.now());

describe('Usage reports: one item per API user (or error code) and day', () => {
	it('Get Daily Usage: one row per user for today, in one call', async () => {
		const { emulator, store } = await instance();
		await runMarketo({ resource: 'lead', operation: 'describe' }, { store });
		const result = await runMarketo({ resource: 'usage', operation: 'getDailyUsage' }, { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([{ date: today(), userId: API_USER_ID, count: 2, dayTotal: 2 }]);
		expect(callsTo(emulator, 'GET', '/rest/v1/stats/usage.json')).toHaveLength(1);
	});

	it('Get Last 7 Days Usage: seven rows, one per day, a day without calls included', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'usage', operation: 'getLast7DaysUsage' }, { store });
		const rows = result.output(MARKETO_NODE).map((item) => item.json);
		expect(rows).toHaveLength(7);
		expect(rows[0]).toEqual({ date: today(), userId: API_USER_ID, count: 1, dayTotal: 1 });
		expect(rows.slice(1).every((row) => row.userId === null && row.count === 0)).toBe(true);
		expect(callsTo(emulator, 'GET', '/rest/v1/stats/usage/last7days.json')).toHaveLength(1);
	});

	it('Get Daily Errors: one row per error code', async () => {
		const { store } = await instance();
		await runMarketo({ resource: 'email', operation: 'approveDraft', assetId: { __rl: true, mode: 'id', value: '1001' } }, { store, continueOnFail: true });
		const result = await runMarketo({ resource: 'usage', operation: 'getDailyErrors' }, { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([{ date: today(), errorCode: '709', count: 1, dayTotal: 1 }]);
	});

	it('Get Last 7 Days Errors: a row for each day, with no error code on a clean day', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'usage', operation: 'getLast7DaysErrors' }, { store });
		const rows = result.output(MARKETO_NODE).map((item) => item.json);
		expect(rows).toHaveLength(7);
		expect(rows.every((row) => row.errorCode === null && row.count === 0)).toBe(true);
		expect(callsTo(emulator, 'GET', '/rest/v1/stats/errors/last7days.json')).toHaveLength(1);
	});

	it('a report is read once per run, whatever the number of items; each item gets the rows', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'usage', operation: 'getDailyUsage' }, { store, items: [{}, {}, {}] });
		expect(result.output(MARKETO_NODE).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(callsTo(emulator, 'GET', '/rest/v1/stats/usage.json')).toHaveLength(1);
	});
});

describe('Usage → Get Quota', () => {
	it('puts what this n8n process spent today next to Marketo\'s count and the budget', async () => {
		const emulator = await startEmulator();
		// A fresh credential host, so no other test's calls are in this instance's throttle.
		const store = credentialStore(emulator, limitsOf({ budget: 1_000 }));
		await runMarketo({ resource: 'lead', operation: 'describe' }, { store });
		emulator.resetCounters();
		const result = await runMarketo({ resource: 'usage', operation: 'getQuota' }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toEqual({
			instance: emulator.baseUrl,
			date: today(),
			spentByThisProcess: 2,
			marketoCallsToday: 1,
			dailyBudget: 1_000,
			remainingBudget: 998,
			usedPercent: 0.2,
			warning: false,
			resetsAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T0[56]:00:00\.000Z$/),
		});
	});

	it('warns once the share of the budget used reaches Warn at Percent', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator, limitsOf({ budget: 10 }));
		for (let i = 0; i < 7; i++) await runMarketo({ resource: 'usage', operation: 'getDailyUsage' }, { store });
		const result = await runMarketo({ resource: 'usage', operation: 'getQuota', warnAtPercent: 75 }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ spentByThisProcess: 8, dailyBudget: 10, usedPercent: 80, warning: true, remainingBudget: 2 });
	});

	it('shows this process\'s own part of the budget when several n8n processes share the instance', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator, { ...limitsOf({ budget: 40 }), processesSharingInstance: 4 });
		for (let i = 0; i < 7; i++) await runMarketo({ resource: 'usage', operation: 'getDailyUsage' }, { store });
		const result = await runMarketo({ resource: 'usage', operation: 'getQuota', warnAtPercent: 75 }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({
			spentByThisProcess: 8,
			dailyBudget: 40,
			usedPercent: 20,
			processesSharing: 4,
			thisProcessBudget: 10,
			thisProcessUsedPercent: 80,
			warning: true,
		});
	});
});
