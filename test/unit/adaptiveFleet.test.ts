import { MarketoClient, type Transmitter, type WireResponse } from '../../nodes/Marketo/transport/client';
import { InstanceThrottle, type ThrottleLimits } from '../../nodes/Marketo/transport/throttle';
import { TokenKeeper } from '../../nodes/Marketo/transport/tokenKeeper';
import { FakeClock } from '../support/fakeClock';

/**
 * Several n8n processes (each its own throttle and client, as in separate workers) against one
 * simulated Marketo instance, for many windows under fake time: what the real-process suite
 * (test/queue) shows for two windows, here for the long run.
 */
const WINDOW = 20_000;
const LATENCY = 100;

const answer = (code?: string): WireResponse => ({
	status: 200,
	body: { requestId: 'r', success: !code, result: [], errors: code ? [{ code, message: 'refused' }] : [], warnings: [] },
});

/** Marketo's gates, as the emulator applies them: the sliding window (606), then calls in flight (615). */
class SimulatedInstance {
	private arrivals: number[] = [];
	private inFlight = 0;
	readonly log: Array<{ at: number; code?: '606' | '615' }> = [];

	constructor(
		private readonly clock: FakeClock,
		private readonly rateLimit: number,
		private readonly concurrencyLimit: number,
	) {}

	async serve(): Promise<WireResponse> {
		const at = this.clock.now();
		this.arrivals = this.arrivals.filter((arrival) => arrival > at - WINDOW);
		const code = this.arrivals.length >= this.rateLimit ? '606' : this.inFlight >= this.concurrencyLimit ? '615' : undefined;
		this.log.push({ at, code });
		if (code) return answer(code);
		this.arrivals.push(at);
		this.inFlight++;
		await this.clock.sleep(LATENCY);
		this.inFlight--;
		return answer();
	}
}

function n8nProcess(clock: FakeClock, instance: SimulatedInstance, limits: ThrottleLimits): MarketoClient {
	const transmitter: Transmitter = {
		async send(_wire, token) {
			const grant = token === '' ? { token: 't', expiresAt: clock.now() + 24 * 3_600_000 } : undefined;
			return { response: await instance.serve(), grant };
		},
	};
	return new MarketoClient({
		instanceBase: 'https://123-ABC-456.mktorest.com',
		throttle: new InstanceThrottle(limits, clock),
		tokens: new TokenKeeper(clock),
		transmitter,
		clock,
	});
}

interface FleetResult {
	acceptedPerWindow: number[];
	refusedPerWindow: number[];
	failedCalls: number;
}

async function runFleet(options: { processes: number; sharing: number; windows: number; rateLimit: number; concurrencyLimit: number }): Promise<FleetResult> {
	const clock = new FakeClock(Date.UTC(2026, 5, 15, 12, 0, 0), 0.5);
	const start = clock.now();
	const end = start + options.windows * WINDOW;
	const instance = new SimulatedInstance(clock, options.rateLimit, options.concurrencyLimit);
	const limits: ThrottleLimits = {
		callsPerWindow: options.rateLimit,
		windowMs: WINDOW,
		maxInFlight: options.concurrencyLimit,
		dailyBudget: 1_000_000,
		processes: options.sharing,
	};
	let failedCalls = 0;
	const lanes = Array.from({ length: options.processes }, () => n8nProcess(clock, instance, limits)).flatMap((client) =>
		Array.from({ length: 4 }, async () => {
			while (clock.now() < end) {
				await client.request({ method: 'GET', path: '/rest/v1/leads.json' }).catch(() => failedCalls++);
			}
		}),
	);
	await clock.runUntilSettled(Promise.all(lanes), 1_000_000);

	const acceptedPerWindow = Array<number>(options.windows).fill(0);
	const refusedPerWindow = Array<number>(options.windows).fill(0);
	for (const entry of instance.log) {
		const window = Math.floor((entry.at - start) / WINDOW);
		if (window >= options.windows) continue;
		if (entry.code) refusedPerWindow[window]++;
		else acceptedPerWindow[window]++;
	}
	return { acceptedPerWindow, refusedPerWindow, failedCalls };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe.each([
	{ processes: 3, rateLimit: 30, concurrencyLimit: 3 },
	{ processes: 5, rateLimit: 100, concurrencyLimit: 10 },
])('$processes n8n processes on one instance ($rateLimit calls / 20 s, $concurrencyLimit in flight), for 10 minutes (simulated)', (fleet) => {
	const instance = { ...fleet, windows: 30 };

	it('told how many they are: never refused, the whole window used', async () => {
		const result = await runFleet({ ...instance, sharing: fleet.processes });
		const share = sum(result.acceptedPerWindow) / (instance.windows * instance.rateLimit);
		expect(result.failedCalls).toBe(0);
		expect(sum(result.refusedPerWindow)).toBe(0);
		expect(share).toBeGreaterThanOrEqual(0.95);
	});

	it('each believing it is alone: no call fails, no refusal in the two windows after the first back-off, then probes refused for under 3 % of the calls; ≥ 85 % of the window used', async () => {
		const result = await runFleet({ ...instance, sharing: 1 });
		const share = sum(result.acceptedPerWindow) / (instance.windows * instance.rateLimit);
		const refusedLater = sum(result.refusedPerWindow.slice(1));
		expect(result.failedCalls).toBe(0);
		expect(result.refusedPerWindow[0]).toBeGreaterThan(0);
		expect(result.refusedPerWindow.slice(1, 3)).toEqual([0, 0]);
		// Each refusal is one call sent again; Marketo counts none of them.
		expect(refusedLater / sum(result.acceptedPerWindow)).toBeLessThan(0.03);
		expect(share).toBeGreaterThanOrEqual(0.85);
	});
});
