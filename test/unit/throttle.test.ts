import { DailyBudgetExhaustedError, InstanceThrottle } from '../../nodes/Marketo/transport/throttle';
import { chicagoDayKey, nextChicagoMidnight } from '../../nodes/Marketo/transport/chicagoDay';
import { FakeClock } from '../support/fakeClock';

const limits = { callsPerWindow: 5, windowMs: 20_000, maxInFlight: 2, dailyBudget: 1_000 };

function track(promise: Promise<unknown>) {
	const state = { done: false, error: undefined as unknown };
	promise.then(
		() => (state.done = true),
		(error) => ((state.done = true), (state.error = error)),
	);
	return state;
}

describe('InstanceThrottle', () => {
	it('never lets more calls fly than the concurrency cap', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle(limits, clock);
		const first = await throttle.acquire();
		await throttle.acquire();
		const third = track(throttle.acquire());
		await clock.advance(0);
		expect(third.done).toBe(false);
		first.release();
		await clock.advance(0);
		expect(third.done).toBe(true);
	});

	it('counts a call in the window until 20 s after its answer, so Marketo never sees more than the limit in 20 s', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle({ ...limits, maxInFlight: 10 }, clock);
		const started: number[] = [];
		const permits = [];
		for (let i = 0; i < 5; i++) {
			permits.push(await throttle.acquire());
			started.push(clock.now());
		}
		await clock.advance(1_000);
		permits.forEach((permit) => permit.release()); // answers arrive at t+1 s
		const sixth = track(throttle.acquire().then(() => started.push(clock.now())));
		await clock.advance(19_999);
		expect(sixth.done).toBe(false);
		await clock.advance(1);
		expect(sixth.done).toBe(true);
		expect(started[5] - started[0]).toBe(21_000);
	});

	it('grants waiting callers in arrival order', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle({ ...limits, maxInFlight: 1 }, clock);
		const order: number[] = [];
		const held = await throttle.acquire();
		const waiting = [1, 2, 3].map((n) => throttle.acquire().then((permit) => (order.push(n), permit.release())));
		held.release();
		await Promise.all(waiting);
		expect(order).toEqual([1, 2, 3]);
	});

	it('fails before sending once the daily budget is spent, saying when it resets', async () => {
		const clock = new FakeClock(Date.UTC(2026, 5, 15, 12, 0, 0));
		const throttle = new InstanceThrottle({ ...limits, dailyBudget: 2, callsPerWindow: 100 }, clock);
		(await throttle.acquire()).release();
		(await throttle.acquire()).release();
		const refused = throttle.acquire();
		await expect(refused).rejects.toBeInstanceOf(DailyBudgetExhaustedError);
		await expect(refused).rejects.toThrow('2026-06-16T05:00:00.000Z');
		expect(throttle.spentToday()).toBe(2);
	});

	it('starts a new budget at 00:00 America/Chicago', async () => {
		const clock = new FakeClock(Date.UTC(2026, 5, 16, 4, 59, 0)); // 23:59 CDT
		const throttle = new InstanceThrottle({ ...limits, dailyBudget: 1 }, clock);
		(await throttle.acquire()).release();
		await expect(throttle.acquire()).rejects.toBeInstanceOf(DailyBudgetExhaustedError);
		await clock.advance(60_000);
		await expect(throttle.acquire()).resolves.toBeDefined();
	});

	it('after a 607 sends nothing more until the reset, and tells every waiter why', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle({ ...limits, maxInFlight: 1 }, clock);
		const held = await throttle.acquire();
		const waiter = throttle.acquire();
		const error = throttle.markQuotaExhausted();
		held.release();
		await expect(waiter).rejects.toThrow('607');
		expect(error.resetsAt).toBe(nextChicagoMidnight(clock.now()));
		await expect(throttle.acquire()).rejects.toThrow('resets at');
	});
});

describe('Chicago day', () => {
	it('follows daylight saving time', () => {
		expect(chicagoDayKey(Date.UTC(2026, 0, 10, 5, 59))).toBe('2026-01-09'); // CST, UTC-6
		expect(chicagoDayKey(Date.UTC(2026, 0, 10, 6, 0))).toBe('2026-01-10');
		expect(nextChicagoMidnight(Date.UTC(2026, 0, 10, 12))).toBe(Date.UTC(2026, 0, 11, 6));
		expect(nextChicagoMidnight(Date.UTC(2026, 6, 10, 12))).toBe(Date.UTC(2026, 6, 11, 5)); // CDT, UTC-5
		// 2026-03-08 is the spring-forward day: midnight after it is CDT.
		expect(nextChicagoMidnight(Date.UTC(2026, 2, 8, 12))).toBe(Date.UTC(2026, 2, 9, 5));
	});
});
