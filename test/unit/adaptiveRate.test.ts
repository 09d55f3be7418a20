import { AdaptiveLimits } from '../../nodes/Marketo/transport/adaptiveRate';
import { MarketoClient, type Transmitter, type WireResponse } from '../../nodes/Marketo/transport/client';
import { InstanceThrottle, MARKETO_DEFAULT_LIMITS } from '../../nodes/Marketo/transport/throttle';
import { TokenKeeper } from '../../nodes/Marketo/transport/tokenKeeper';
import { FakeClock } from '../support/fakeClock';

const WINDOW = 20_000;

function grantMany(limits: AdaptiveLimits, count: number, now = 0): number[] {
	return Array.from({ length: count }, () => limits.granted(now));
}

describe('AdaptiveLimits (AIMD of one process)', () => {
	it('cuts the window by 30 % on a 606, once for a whole burst of refusals sent under the old limit', () => {
		const limits = new AdaptiveLimits({ rate: 100, concurrency: 10 }, WINDOW);
		const tickets = grantMany(limits, 10);
		for (const ticket of tickets) limits.refused('rate', ticket, 1_000);
		expect(limits.currentAt(1_000)).toEqual({ rate: 70, concurrency: 7 });
	});

	it('a refusal of a call sent after the shrink shrinks again', () => {
		const limits = new AdaptiveLimits({ rate: 100, concurrency: 10 }, WINDOW);
		limits.refused('rate', limits.granted(0), 100);
		limits.refused('rate', limits.granted(200), 300);
		expect(limits.currentAt(300).rate).toBe(49);
	});

	it('drops the window to what Marketo accepted from this process when others filled it', () => {
		const limits = new AdaptiveLimits({ rate: 30, concurrency: 3 }, WINDOW);
		limits.refused('rate', limits.granted(0), 1_000, 10);
		expect(limits.currentAt(1_000).rate).toBe(10);
	});

	it('falls by at most three quarters in one step, even when the very first call is refused', () => {
		const limits = new AdaptiveLimits({ rate: 100, concurrency: 10 }, WINDOW);
		limits.refused('rate', limits.granted(0), 10, 0);
		expect(limits.currentAt(10).rate).toBe(25);
	});

	it('never goes below one call', () => {
		const limits = new AdaptiveLimits({ rate: 2, concurrency: 1 }, WINDOW);
		for (let i = 0; i < 3; i++) {
			limits.refused('rate', limits.granted(i), i, 0);
			limits.refused('concurrency', limits.granted(i), i);
		}
		expect(limits.currentAt(10)).toEqual({ rate: 1, concurrency: 1 });
	});

	it('cuts the concurrency by 30 % on a 615 and leaves the window alone', () => {
		const limits = new AdaptiveLimits({ rate: 100, concurrency: 10 }, WINDOW);
		limits.refused('concurrency', limits.granted(0), 50);
		expect(limits.currentAt(50)).toEqual({ rate: 100, concurrency: 7 });
	});

	it('holds for two clean windows from the first call after the refusal, then grows by 5 % of the limit per clean window', () => {
		const limits = new AdaptiveLimits({ rate: 100, concurrency: 10 }, WINDOW);
		limits.refused('rate', limits.granted(0), 0, 40);
		expect(limits.currentAt(0).rate).toBe(40);
		expect(limits.currentAt(60_000).rate).toBe(40); // no call since: nothing learnt
		limits.granted(60_000); // the refused calls go again in this window; the next one confirms the new limit
		expect(limits.currentAt(60_000 + 2 * WINDOW - 1).rate).toBe(40);
		expect(limits.currentAt(60_000 + 2 * WINDOW).rate).toBe(45);
		expect(limits.currentAt(60_000 + 5 * WINDOW).rate).toBe(60);
		expect(limits.currentAt(60_000 + 13 * WINDOW).rate).toBe(100);
		expect(limits.currentAt(60_000 + 40 * WINDOW).rate).toBe(100);
	});

	it('grows the concurrency by one per clean window', () => {
		const limits = new AdaptiveLimits({ rate: 100, concurrency: 10 }, WINDOW);
		limits.refused('concurrency', limits.granted(0), 0);
		limits.granted(1);
		expect(limits.currentAt(1 + 2 * WINDOW - 1).concurrency).toBe(7);
		expect(limits.currentAt(1 + 2 * WINDOW).concurrency).toBe(8);
		expect(limits.currentAt(1 + 4 * WINDOW).concurrency).toBe(10);
	});

	it('any refusal, 606 or 615, restarts the clean windows of both limits', () => {
		const limits = new AdaptiveLimits({ rate: 100, concurrency: 10 }, WINDOW);
		limits.refused('rate', limits.granted(0), 0);
		limits.granted(0);
		limits.refused('concurrency', limits.granted(35_000), 35_000);
		limits.granted(36_000);
		expect(limits.currentAt(36_000 + 2 * WINDOW - 1)).toEqual({ rate: 70, concurrency: 7 });
		expect(limits.currentAt(36_000 + 2 * WINDOW)).toEqual({ rate: 75, concurrency: 7 }); // 8 allowed, held to the window's share
	});

	it('holds the concurrency to the share of the window it was backed off to', () => {
		const limits = new AdaptiveLimits({ rate: 30, concurrency: 3 }, WINDOW);
		limits.refused('rate', limits.granted(0), 0, 10);
		expect(limits.currentAt(0)).toEqual({ rate: 10, concurrency: 1 });
	});

	it('follows new ceilings from the credential, but a backed-off limit stays where it is below them', () => {
		const limits = new AdaptiveLimits({ rate: 100, concurrency: 10 }, WINDOW);
		limits.setCeilings({ rate: 50, concurrency: 10 });
		expect(limits.currentAt(0).rate).toBe(50);
		limits.refused('rate', limits.granted(0), 0);
		limits.setCeilings({ rate: 80, concurrency: 10 });
		expect(limits.currentAt(0).rate).toBe(35);
		limits.setCeilings({ rate: 10, concurrency: 10 });
		expect(limits.currentAt(0).rate).toBe(10);
	});
});

describe('InstanceThrottle backs off on what the client reports', () => {
	async function fillWindow(throttle: InstanceThrottle, clock: FakeClock, accepted: number) {
		for (let i = 0; i < accepted; i++) {
			const permit = await throttle.acquire();
			await clock.advance(100);
			permit.release();
		}
	}

	it('after a 606 it sends no more in the window than Marketo accepted from it', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle({ callsPerWindow: 30, windowMs: WINDOW, maxInFlight: 3, dailyBudget: 1_000 }, clock);
		await fillWindow(throttle, clock, 10);
		(await throttle.acquire()).release('rate');
		expect(throttle.currentLimits()).toEqual({ callsPerWindow: 10, maxInFlight: 1 });

		const sentAt: number[] = [];
		const next = throttle.acquire().then((permit) => (sentAt.push(clock.now()), permit.release()));
		await clock.runUntilSettled(next);
		// 11 calls in the window (10 accepted, 1 refused): room for one more once two have left it.
		expect(sentAt[0]).toBe(Date.UTC(2026, 5, 15, 12, 0, 0) + 200 + WINDOW);
	});

	it('refusals of calls already in flight when it shrank do not shrink it again', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle({ callsPerWindow: 100, windowMs: WINDOW, maxInFlight: 10, dailyBudget: 1_000 }, clock);
		const permits = await Promise.all(Array.from({ length: 10 }, () => throttle.acquire()));
		await clock.advance(50);
		permits.forEach((permit) => permit.release('concurrency'));
		expect(throttle.currentLimits().maxInFlight).toBe(7);
	});

	it('grows back while Marketo stays quiet, up to the configured limit', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle({ callsPerWindow: 100, windowMs: WINDOW, maxInFlight: 10, dailyBudget: 10_000 }, clock);
		(await throttle.acquire()).release('concurrency');
		expect(throttle.currentLimits().maxInFlight).toBe(7);
		(await throttle.acquire()).release();
		await clock.advance(6 * WINDOW);
		expect(throttle.currentLimits().maxInFlight).toBe(10);
	});

	it('wakes a caller waiting on a backed-off window when the limit grows, before the window empties', async () => {
		const clock = new FakeClock();
		const throttle = new InstanceThrottle({ callsPerWindow: 4, windowMs: WINDOW, maxInFlight: 4, dailyBudget: 1_000 }, clock);
		(await throttle.acquire()).release('rate'); // 4 -> 1 (nothing accepted yet)
		const start = clock.now();
		await clock.advance(WINDOW); // the refused call leaves the window
		const first = await throttle.acquire(); // first grant after the refusal: the clean windows start
		await clock.advance(2 * WINDOW - 1_000);
		first.release(); // in the window until 20 s after that
		const sentAt: number[] = [];
		const second = throttle.acquire().then((permit) => (sentAt.push(clock.now()), permit.release()));
		await clock.runUntilSettled(second);
		expect(sentAt[0] - start).toBe(3 * WINDOW); // grown to 2 after two clean windows, while `first` still fills 1
	});
});

describe('MarketoClient reports limit refusals to the throttle', () => {
	const answer = (code?: string): WireResponse => ({
		status: 200,
		body: { requestId: 'r', success: !code, result: [], errors: code ? [{ code, message: 'refused' }] : [], warnings: [] },
	});

	function clientAnswering(codes: Array<string | undefined>) {
		const clock = new FakeClock();
		const transmitter: Transmitter = {
			async send(_wire, token) {
				await clock.sleep(10);
				return { response: answer(codes.shift()), grant: token === '' ? { token: 't', expiresAt: clock.now() + 3_600_000 } : undefined };
			},
		};
		const throttle = new InstanceThrottle(MARKETO_DEFAULT_LIMITS, clock);
		const client = new MarketoClient({ instanceBase: 'https://123-ABC-456.mktorest.com', throttle, tokens: new TokenKeeper(clock), transmitter, clock });
		return { clock, throttle, client };
	}

	it.each([
		['606', { callsPerWindow: 25, maxInFlight: 2 }],
		['615', { callsPerWindow: 100, maxInFlight: 7 }],
		['604', { callsPerWindow: 100, maxInFlight: 10 }],
	])('after a %s the throttle holds to %o, and the call still succeeds', async (code, expected) => {
		const { clock, throttle, client } = clientAnswering([code]);
		const response = await clock.runUntilSettled(client.request({ method: 'GET', path: '/rest/v1/leads.json' }));
		expect(response.success).toBe(true);
		expect(throttle.currentLimits()).toEqual(expected);
	});
});
