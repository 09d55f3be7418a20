import { BulkJobTimeoutError, BulkJobWaitCancelledError, pollDelays, waitForBulkJob } from '../../nodes/Marketo/helpers/bulkJob';
import { FakeClock } from '../support/fakeClock';

/** A job that reports the given statuses, one per check (the last one repeats). */
function scriptedJob(statuses: string[]) {
	let checks = 0;
	return {
		get checks() {
			return checks;
		},
		check: async () => ({ status: statuses[Math.min(checks++, statuses.length - 1)] }),
	};
}

const terminal = ['Completed', 'Failed', 'Cancelled'];

describe('waitForBulkJob', () => {
	it('checks at once, then backs off (5 s, 10 s, 20 s …) capped at 60 s, until a terminal status', async () => {
		const clock = new FakeClock();
		const job = scriptedJob(['Queued', 'Queued', 'Processing', 'Processing', 'Processing', 'Processing', 'Completed']);
		const state = await clock.runUntilSettled(waitForBulkJob({}, job.check, { terminal, maxWaitMs: 3_600_000, clock }));
		expect(state.status).toBe('Completed');
		expect(job.checks).toBe(7);
		expect(clock.sleeps).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
	});

	it('returns Failed and Cancelled like Completed: the caller decides what they mean', async () => {
		const clock = new FakeClock();
		const job = scriptedJob(['Processing', 'Failed']);
		expect((await clock.runUntilSettled(waitForBulkJob({}, job.check, { terminal, maxWaitMs: 60_000, clock }))).status).toBe('Failed');
	});

	it('gives up after maxWaitMs with the last status, never sleeping past the limit', async () => {
		const clock = new FakeClock();
		const job = scriptedJob(['Queued']);
		const waiting = waitForBulkJob({}, job.check, { terminal, maxWaitMs: 30_000, clock });
		await expect(clock.runUntilSettled(waiting)).rejects.toThrow(BulkJobTimeoutError);
		await expect(waiting).rejects.toThrow('still "Queued" after 30 s');
		expect(clock.sleeps).toEqual([5_000, 10_000, 15_000]);
	});

	it('stops when the execution is cancelled', async () => {
		const clock = new FakeClock();
		const controller = new AbortController();
		const job = scriptedJob(['Processing']);
		const waiting = waitForBulkJob({ getExecutionCancelSignal: () => controller.signal }, job.check, {
			terminal,
			maxWaitMs: 3_600_000,
			clock,
			onStatus: () => job.checks === 2 && controller.abort(),
		});
		await expect(clock.runUntilSettled(waiting)).rejects.toThrow(BulkJobWaitCancelledError);
		expect(job.checks).toBe(2);
	});

	it('with zero delays polls without sleeping time away (tests and emulators)', async () => {
		const next = pollDelays({ initialDelayMs: 0, maxDelayMs: 0 });
		expect([next(), next(), next()]).toEqual([0, 0, 0]);
	});
});
