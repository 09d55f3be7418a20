import { MarketoEmulator } from '../emulator';
import { describeRun, runFleet, type FleetRun } from './fleet';

/**
 * Three n8n processes, each with its own throttle and no way to see the others, against one
 * Marketo instance. The instance's limits are lowered (30 calls per 20 s, 3 in flight) so that
 * each process's share is small; Marketo's window stays 20 s, as the node's does.
 */
const RATE_LIMIT = 30;
const CONCURRENCY_LIMIT = 3;
const PROCESSES = 3;
const WINDOWS = 2;

const credentialFor = (processesSharingInstance: number) => ({
	adjustLimits: true,
	callsPer20Seconds: RATE_LIMIT,
	concurrentCalls: CONCURRENCY_LIMIT,
	dailyCallBudget: 50_000,
	processesSharingInstance,
});

async function runAgainstOneInstance(processesSharingInstance: number): Promise<FleetRun> {
	const emulator = new MarketoEmulator({ rateLimit: RATE_LIMIT, concurrencyLimit: CONCURRENCY_LIMIT, latencyMs: 100 });
	await emulator.start();
	try {
		return await runFleet({
			emulator,
			processes: PROCESSES,
			credential: credentialFor(processesSharingInstance),
			// Four executions at once per process, each 300 leads (one call): always more work than the window allows.
			executionsAtOnce: 4,
			leadsPerExecution: 300,
			windows: WINDOWS,
		});
	} finally {
		await emulator.stop();
	}
}

const failedItems = (run: FleetRun) => run.reports.reduce((sum, report) => sum + report.failedItems, 0);
const failures = (run: FleetRun) => run.reports.flatMap((report) => report.failures);

describe(`${PROCESSES} n8n processes on one Marketo instance (${RATE_LIMIT} calls / 20 s, ${CONCURRENCY_LIMIT} in flight)`, () => {
	it('told they are 3 sharing the instance: Marketo refuses nothing and ≥ 90 % of its window is used', async () => {
		const run = await runAgainstOneInstance(PROCESSES);
		console.log(describeRun('processes sharing = 3 (correct)', run));

		expect(failures(run)).toEqual([]);
		expect(failedItems(run)).toBe(0);
		expect(run.violations).toBe(0);
		expect(run.ceilingShare).toBeGreaterThanOrEqual(0.9);
	});

	it('each believing it is alone: no item fails, refusals stop after the first back-off, ≥ 80 % of the window is used', async () => {
		const run = await runAgainstOneInstance(1);
		console.log(describeRun('processes sharing = 1 (each believes it is alone)', run));

		expect(failures(run)).toEqual([]);
		expect(failedItems(run)).toBe(0);
		const [first, ...later] = run.windows;
		// The misconfiguration shows: three times the window and the concurrency were tried at first.
		expect(first.refusedForRate + first.refusedForConcurrency).toBeGreaterThan(0);
		// After that one back-off, Marketo refuses nothing: not in the next window, nor after the stop.
		expect(later.map((w) => w.refusedForRate + w.refusedForConcurrency)).toEqual(later.map(() => 0));
		expect(run.ceilingShare).toBeGreaterThanOrEqual(0.8);
	});
});
