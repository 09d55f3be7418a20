import { MarketoClient, type Transmitter, type WireResponse } from '../../nodes/Marketo/transport/client';
import { TransmitError } from '../../nodes/Marketo/transport/errors';
import type { WireRequest } from '../../nodes/Marketo/transport/request';
import { DailyBudgetExhaustedError, InstanceThrottle, processShare, type ThrottleLimits } from '../../nodes/Marketo/transport/throttle';
import { TokenKeeper } from '../../nodes/Marketo/transport/tokenKeeper';
import { UsageSyncSchedule, USAGE_SYNC_POLICY } from '../../nodes/Marketo/transport/usageSync';
import { FakeClock } from '../support/fakeClock';

const MINUTE = 60_000;
const TODAY = '2026-06-15'; // FakeClock starts at 2026-06-15 12:00 UTC, 07:00 in Chicago

const limits = (overrides: Partial<ThrottleLimits> = {}): ThrottleLimits => ({
	callsPerWindow: 100,
	windowMs: 20_000,
	maxInFlight: 10,
	dailyBudget: 1_000,
	...overrides,
});

async function spend(throttle: InstanceThrottle, calls: number) {
	for (let i = 0; i < calls; i++) (await throttle.acquire()).release();
}

describe('n8n processes sharing one instance', () => {
	it('each process takes an equal share of the window, the concurrency and the daily budget (rounded down, at least 1)', () => {
		expect(processShare(limits({ dailyBudget: 50_000, processes: 3 }))).toEqual({ callsPerWindow: 33, maxInFlight: 3, dailyBudget: 16_666 });
		expect(processShare(limits({ processes: 20 }))).toEqual({ callsPerWindow: 5, maxInFlight: 1, dailyBudget: 50 });
		expect(processShare(limits({ processes: 500 }))).toEqual({ callsPerWindow: 1, maxInFlight: 1, dailyBudget: 2 });
		expect(processShare(limits())).toEqual({ callsPerWindow: 100, maxInFlight: 10, dailyBudget: 1_000 });
	});

	it('holds to its share of the window and of the concurrency', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle(limits({ callsPerWindow: 30, maxInFlight: 3, processes: 3 }), clock);
		const held = await throttle.acquire();
		let second = false;
		void throttle.acquire().then(() => (second = true));
		await clock.advance(0);
		expect(second).toBe(false);
		held.release();
		await clock.advance(0);
		expect(second).toBe(true);
		expect(throttle.currentLimits()).toEqual({ callsPerWindow: 10, maxInFlight: 1 });
	});

	it('stops at its share of the daily budget, and says it was divided', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle(limits({ dailyBudget: 9, processes: 3 }), clock);
		await spend(throttle, 3);
		const refused = throttle.acquire();
		await expect(refused).rejects.toBeInstanceOf(DailyBudgetExhaustedError);
		await expect(refused).rejects.toThrow("This n8n process's share of the daily call budget is spent: 3 of 3 calls today (the credential's 9 calls divided between 3 n8n processes)");
	});
});

describe("Marketo's usage count in the daily budget", () => {
	it('lifts the day\'s count to Marketo\'s total, so calls of other processes and integrations count', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle(limits({ dailyBudget: 100 }), clock);
		await spend(throttle, 10);
		throttle.noteMarketoUsage([{ date: TODAY, total: 98, users: [] }]);
		expect(throttle.instanceSpentToday()).toBe(98);
		expect(throttle.spentToday()).toBe(10);
		await spend(throttle, 2);
		const refused = throttle.acquire();
		await expect(refused).rejects.toThrow(
			'The daily call budget set in the Marketo credential (100 calls) is spent on this instance: Marketo counts 100 calls today from every integration and n8n process (12 from this one)',
		);
	});

	it('never lowers the count below what this process counted itself', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle(limits(), clock);
		await spend(throttle, 10);
		throttle.noteMarketoUsage([{ date: `${TODAY}T00:00:00Z`, total: 4 }]);
		expect(throttle.instanceSpentToday()).toBe(10);
	});

	it("ignores another day's count, and answers it cannot read", async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle(limits(), clock);
		throttle.noteMarketoUsage([{ date: '2026-06-14', total: 900 }]);
		throttle.noteMarketoUsage([{ total: 900 }]);
		throttle.noteMarketoUsage('not a result');
		throttle.noteMarketoUsage([]);
		expect(throttle.instanceSpentToday()).toBe(0);
	});
});

describe('UsageSyncSchedule', () => {
	const budget = 50_000; // checkpoint every 2 %: 1,000 calls

	it('never reads in the first minutes of a process, however many calls it makes', () => {
		const schedule = new UsageSyncSchedule();
		expect(schedule.claim(0, 1, budget)).toBe(false);
		expect(schedule.claim(USAGE_SYNC_POLICY.minIntervalMs - 1, 5_000, budget)).toBe(false);
	});

	it('reads once a checkpoint of calls is passed, then not again until the next one', () => {
		const schedule = new UsageSyncSchedule();
		schedule.claim(0, 1, budget);
		expect(schedule.claim(3 * MINUTE, 1_000, budget)).toBe(false);
		expect(schedule.claim(3 * MINUTE, 1_001, budget)).toBe(true);
		expect(schedule.claim(3 * MINUTE + 1, 1_002, budget)).toBe(false); // one at a time
		schedule.finished();
		expect(schedule.claim(5 * MINUTE, 2_500, budget)).toBe(false); // checkpoint passed, but too soon
		expect(schedule.claim(6 * MINUTE, 2_500, budget)).toBe(true);
	});

	it('reads every 10 minutes while calls are being made, however few', () => {
		const schedule = new UsageSyncSchedule();
		schedule.claim(0, 1, budget);
		expect(schedule.claim(10 * MINUTE - 1, 2, budget)).toBe(false);
		expect(schedule.claim(10 * MINUTE, 3, budget)).toBe(true);
	});

	it('a count read some other way (a Get Quota run) restarts the schedule', () => {
		const schedule = new UsageSyncSchedule();
		schedule.claim(0, 1, budget);
		schedule.restart(9 * MINUTE, 10);
		expect(schedule.claim(10 * MINUTE, 11, budget)).toBe(false);
		expect(schedule.claim(19 * MINUTE, 12, budget)).toBe(true);
	});
});

type Answer = WireResponse | 'drop';

/** Marketo as the client sees it: answers lead calls with success, the usage call from a script. */
class UsageAwareTransmitter implements Transmitter {
	readonly paths: string[] = [];
	constructor(
		private readonly clock: FakeClock,
		private readonly usageAnswers: Answer[],
	) {}
	async send(wire: WireRequest, token: string) {
		const path = new URL(wire.url).pathname;
		this.paths.push(path);
		await this.clock.sleep(10);
		const grant = token === '' ? { token: 't', expiresAt: this.clock.now() + 3_600_000 } : undefined;
		if (path !== '/rest/v1/stats/usage.json') return { response: envelope([{ id: 1 }]), grant };
		const answer = this.usageAnswers.shift() ?? envelope([]);
		if (answer === 'drop') throw new TransmitError('socket hang up', 'outcomeUnknown', grant);
		return { response: answer, grant };
	}
}

const envelope = (result: unknown[], errors: Array<{ code: string; message: string }> = []): WireResponse => ({
	status: 200,
	body: { requestId: 'r', success: errors.length === 0, result, errors, warnings: [] },
});

function clientWith(usageAnswers: Answer[], budget = 50_000) {
	const clock = new FakeClock();
	const transmitter = new UsageAwareTransmitter(clock, usageAnswers);
	const throttle = new InstanceThrottle(limits({ dailyBudget: budget }), clock);
	const client = new MarketoClient({ instanceBase: 'https://123-ABC-456.mktorest.com', throttle, tokens: new TokenKeeper(clock), transmitter, clock });
	const get = async () => await clock.runUntilSettled(client.request({ method: 'GET', path: '/rest/v1/leads.json', qs: { filterType: 'id', filterValues: '1' } }));
	const usageCalls = () => transmitter.paths.filter((path) => path === '/rest/v1/stats/usage.json').length;
	return { clock, client, throttle, get, usageCalls };
}

describe('the client keeps the daily count in step with Marketo', () => {
	it('reads the usage count through the throttle once a checkpoint is passed, as one more call', async () => {
		const { clock, throttle, get, usageCalls } = clientWith([envelope([{ date: TODAY, total: 4_000 }])], 1_000); // checkpoint: 20 calls
		for (let i = 0; i < 20; i++) await get();
		await clock.advance(3 * MINUTE);
		expect(usageCalls()).toBe(0);
		await get();
		await clock.advance(1_000);
		expect(usageCalls()).toBe(1);
		expect(throttle.spentToday()).toBe(22);
		await expect(get()).rejects.toThrow('is spent on this instance: Marketo counts 4000 calls');
	});

	it("a failed reading never fails a caller, and is not repeated before the next checkpoint", async () => {
		const { clock, get, usageCalls } = clientWith(['drop', envelope([], [{ code: '603', message: 'Access denied' }])], 1_000);
		for (let i = 0; i < 20; i++) await get();
		await clock.advance(3 * MINUTE);
		await expect(get()).resolves.toMatchObject({ success: true });
		await clock.advance(1_000);
		for (let i = 0; i < 5; i++) await expect(get()).resolves.toMatchObject({ success: true });
		expect(usageCalls()).toBe(2); // the dropped reading was repeated (a GET), then given up
		await clock.advance(3 * MINUTE);
		for (let i = 0; i < 20; i++) await get();
		await clock.advance(1_000);
		expect(usageCalls()).toBe(3);
	});

	it("a workflow's own usage call (Get Quota, Get Daily Usage) updates the count for free", async () => {
		const { clock, client, throttle, usageCalls } = clientWith([envelope([{ date: TODAY, total: 321 }])]);
		await clock.runUntilSettled(client.request({ method: 'GET', path: '/rest/v1/stats/usage.json' }));
		expect(throttle.instanceSpentToday()).toBe(321);
		expect(usageCalls()).toBe(1);
	});
});
