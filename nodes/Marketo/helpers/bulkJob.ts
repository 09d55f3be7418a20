import { sleep } from 'n8n-workflow';

/** Marketo refreshes a bulk job's status about once a minute: start short, grow, never wait longer than this. */
export const BULK_POLL_DEFAULTS = { initialDelayMs: 5_000, maxDelayMs: 60_000, factor: 2 } as const;

export interface BulkJobWaitOptions<S> {
	/** Statuses after which the job never changes again (e.g. Completed, Failed, Cancelled). */
	terminal: string[];
	/** Give up (BulkJobTimeoutError) when the job is not terminal after this long. */
	maxWaitMs: number;
	initialDelayMs?: number;
	maxDelayMs?: number;
	factor?: number;
	/** Called after each status check, e.g. to log progress. */
	onStatus?: (status: S) => void;
	/** Time source; n8n's `sleep` and Date.now by default, a fake one in tests. */
	clock?: { now(): number; sleep(ms: number): Promise<void> };
}

/** The part of an n8n execution context the poller reads: stopping the execution stops the wait. */
export interface CancellableContext {
	getExecutionCancelSignal?(): AbortSignal | undefined;
}

export class BulkJobTimeoutError extends Error {
	constructor(
		readonly lastStatus: string,
		readonly waitedMs: number,
	) {
		super(`The bulk job was still "${lastStatus}" after ${Math.round(waitedMs / 1000)} s of waiting`);
		this.name = 'BulkJobTimeoutError';
	}
}

export class BulkJobWaitCancelledError extends Error {
	constructor(readonly lastStatus: string) {
		super(`Stopped waiting for the bulk job (last status "${lastStatus}"): the execution was cancelled`);
		this.name = 'BulkJobWaitCancelledError';
	}
}

const systemClock = { now: () => Date.now(), sleep: async (ms: number) => await sleep(ms) };

/** The delays between status checks: initial, then multiplied by factor, capped. */
export function pollDelays(options: Pick<BulkJobWaitOptions<unknown>, 'initialDelayMs' | 'maxDelayMs' | 'factor'>): () => number {
	const initial = Math.max(0, options.initialDelayMs ?? BULK_POLL_DEFAULTS.initialDelayMs);
	const cap = Math.max(initial, options.maxDelayMs ?? BULK_POLL_DEFAULTS.maxDelayMs);
	const factor = Math.max(1, options.factor ?? BULK_POLL_DEFAULTS.factor);
	let next = initial;
	return () => {
		const delay = next;
		next = Math.min(cap, next * factor);
		return delay;
	};
}

/**
 * Checks a bulk job's status until it is terminal, backing off between checks. The first check is
 * immediate; a wait never sleeps past `maxWaitMs`.
 */
export async function waitForBulkJob<S extends { status: string }>(
	ctx: CancellableContext,
	check: () => Promise<S>,
	options: BulkJobWaitOptions<S>,
): Promise<S> {
	const clock = options.clock ?? systemClock;
	const terminal = new Set(options.terminal);
	const nextDelay = pollDelays(options);
	const started = clock.now();
	for (;;) {
		const state = await check();
		options.onStatus?.(state);
		if (terminal.has(state.status)) return state;
		const waited = clock.now() - started;
		if (waited >= options.maxWaitMs) throw new BulkJobTimeoutError(state.status, waited);
		if (ctx.getExecutionCancelSignal?.()?.aborted) throw new BulkJobWaitCancelledError(state.status);
		await clock.sleep(Math.min(nextDelay(), options.maxWaitMs - waited));
		if (ctx.getExecutionCancelSignal?.()?.aborted) throw new BulkJobWaitCancelledError(state.status);
	}
}
