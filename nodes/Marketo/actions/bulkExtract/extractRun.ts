import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { BulkJobTimeoutError } from '../../helpers/bulkJob';
import { succeeded, type ItemOutcome } from '../../helpers/outcomes';
import { MarketoApiError } from '../../transport/errors';
import { settle } from '../../transport/settle';
import type { DateWindow } from './exportFilter';
import { cancelJob, completedJob, createJob, enqueueJob, fileBinary, fileRecords, type ExportJob } from './exportJob';
import type { ExportTarget } from './exportKinds';
import type { ResultSettings } from './properties';

/** Marketo queues at most 10 export jobs per instance (running ones included). */
export const MAX_QUEUED_JOBS = 10;
/** Marketo runs 2 jobs at once: while one of ours is downloaded, the next one is already queued. */
const JOBS_AHEAD = 2;
/** Items go to the router in slices, so a file of millions of records never becomes one huge argument list. */
const RECORDS_PER_OUTCOME = 10_000;

export interface PlannedJob {
	body: IDataObject;
	window?: DateWindow;
}

interface Entry extends PlannedJob {
	job?: ExportJob;
	queued: boolean;
	finished: boolean;
	/** Why its early start failed; a 1029 is tried again at its turn, anything else is its error. */
	earlyFailure?: unknown;
}

const isQueueRefusal = (error: unknown) => error instanceof MarketoApiError && error.details.code === '1029';

/** What Marketo's 1029 means for this user, and that nothing was queued. */
export function explainQueueRefusal(error: unknown, what: string): unknown {
	if (!isQueueRefusal(error) || !(error instanceof MarketoApiError)) return error;
	// Marketo's own words tell which: "Too many jobs (10) in queue" or "Export daily quota 500MB exceeded".
	const quota = /quota[^.]*exceeded/i.test(error.message);
	const why = quota
		? "Marketo's daily export quota is spent (500 MB of files a day by default); it resets at 00:00 US Central time."
		: "Marketo's export queue is full: an instance runs 2 export jobs and queues 10, shared by every integration. Wait for jobs to finish, or cancel some (Bulk Extract → Get Many Jobs lists them).";
	return new MarketoApiError(`Could not queue the export ${what}. ${why} (${error.message})`, error.details);
}

const describeWindow = (entry: PlannedJob) => (entry.window ? `for ${entry.window.startAt} – ${entry.window.endAt}` : '');

export function fileNameOf(target: ExportTarget, job: ExportJob, window?: DateWindow): string {
	const noun = target.customObjectName || target.kind.noun;
	const span = window ? `-${window.startAt.slice(0, 10)}_${window.endAt.slice(0, 10)}` : '';
	return `marketo-${noun}${span}-${job.exportId}.csv`;
}

/** The finished job's file as the item's output: its records (sliced), or one item with the file. */
export async function outputOfJob(ctx: IExecuteFunctions, itemIndex: number, target: ExportTarget, job: ExportJob, settings: ResultSettings, window?: DateWindow): Promise<ItemOutcome[]> {
	if (settings.output === 'binary') {
		const binary = await fileBinary(ctx, target, job, settings.binaryPropertyName, fileNameOf(target, job, window));
		return [{ itemIndex, records: [{ ...job, ...(window ? { window } : {}) } as IDataObject], binaries: [binary] }];
	}
	const outcomes: ItemOutcome[] = [];
	let slice: IDataObject[] = [];
	for await (const record of fileRecords(ctx, target, job)) {
		slice.push(record);
		if (slice.length === RECORDS_PER_OUTCOME) {
			outcomes.push(succeeded(itemIndex, ...slice));
			slice = [];
		}
	}
	if (slice.length > 0) outcomes.push(succeeded(itemIndex, ...slice));
	return outcomes;
}

/** Best effort: our jobs that will not be downloaded should not hold Marketo's queue or spend its quota. */
async function cancelUnfinished(ctx: IExecuteFunctions, target: ExportTarget, entries: Entry[]): Promise<void> {
	await Promise.all(entries.filter((entry) => entry.job && !entry.finished).map(async (entry) => await settle(cancelJob(ctx, target, (entry.job as ExportJob).exportId))));
}

async function start(ctx: IExecuteFunctions, target: ExportTarget, entry: Entry): Promise<void> {
	const created = entry.job ? { ok: true as const, value: entry.job } : await settle(createJob(ctx, target, entry.body));
	if (!created.ok) throw explainQueueRefusal(created.error, describeWindow(entry));
	entry.job = created.value;
	const queued = await settle(enqueueJob(ctx, target, created.value.exportId));
	if (!queued.ok) throw explainQueueRefusal(queued.error, describeWindow(entry));
	entry.job = queued.value;
	entry.queued = true;
}

/** Without waiting: every job is created and queued, and the jobs are the output (Download File fetches them later). */
export async function queueJobs(ctx: IExecuteFunctions, itemIndex: number, target: ExportTarget, planned: PlannedJob[]): Promise<ItemOutcome[]> {
	const entries: Entry[] = planned.map((entry) => ({ ...entry, queued: false, finished: false }));
	for (const entry of entries) {
		const started = await settle(start(ctx, target, entry));
		if (started.ok) continue;
		await cancelUnfinished(ctx, target, entries);
		throw started.error;
	}
	return [succeeded(itemIndex, ...entries.map((entry) => ({ ...(entry.job as ExportJob), ...(entry.window ? { window: entry.window } : {}) })))];
}

/**
 * Runs the item's jobs in order and outputs their files in that order: the next job is queued
 * while the current one runs (Marketo runs two at once), and a 1029 for that early start only
 * postpones it until our current job is done. Jobs that will not be downloaded after a failure are
 * cancelled; after a time-out they go on, and the error names them for Download File.
 */
export async function runJobs(ctx: IExecuteFunctions, itemIndex: number, target: ExportTarget, planned: PlannedJob[], settings: ResultSettings): Promise<ItemOutcome[]> {
	const wait = settings.wait as NonNullable<ResultSettings['wait']>;
	const entries: Entry[] = planned.map((entry) => ({ ...entry, queued: false, finished: false }));
	const outcomes: ItemOutcome[] = [];
	const ran = await settle(
		(async () => {
			for (const [position, entry] of entries.entries()) {
				if (entry.earlyFailure !== undefined && !isQueueRefusal(entry.earlyFailure)) throw entry.earlyFailure;
				if (!entry.queued) await start(ctx, target, entry);
				for (const next of entries.slice(position + 1, position + JOBS_AHEAD)) {
					if (next.queued) continue;
					const early = await settle(start(ctx, target, next));
					if (!early.ok) next.earlyFailure = early.error;
				}
				const job = await completedJob(ctx, target, (entry.job as ExportJob).exportId, wait);
				// A completed job keeps its file 7 days: a failed download must leave it for Download File, not cancel it.
				entry.finished = true;
				outcomes.push(...(await outputOfJob(ctx, itemIndex, target, job, settings, entry.window)));
			}
		})(),
	);
	if (ran.ok) return outcomes;
	if (ran.error instanceof BulkJobTimeoutError) {
		const waiting = entries.filter((entry) => entry.queued && !entry.finished).map((entry) => (entry.job as ExportJob).exportId);
		throw new MarketoApiError(`${ran.error.message}. The export goes on in Marketo: fetch it later with Download File (Export ID ${waiting.join(', ')}).`);
	}
	await cancelUnfinished(ctx, target, entries);
	throw ran.error;
}
