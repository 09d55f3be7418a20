import { createHash, randomUUID } from 'node:crypto';

import { chicagoDay } from '../chicagoDay';
import { MarketoFailure, marketoErrors } from '../errors';
import type { LeadStore } from '../leads/LeadStore';
import { marketoTimestamp } from '../leads/leadValues';
import { EXPORT_KINDS } from './exportKinds';

export type ExportStatus = 'Created' | 'Queued' | 'Processing' | 'Completed' | 'Failed' | 'Cancelled';

/** What a finished job wrote: the file and the number of records in it. */
export interface ExportFile {
	bytes: Buffer;
	records: number;
}

/** One export job. `kind` is its path below /bulk/v1/ (`leads`, `customobjects/car_c`…): jobs are listed per kind. */
export interface ExportJob {
	exportId: string;
	kind: string;
	format: 'CSV';
	status: ExportStatus;
	createdAt: string;
	queuedAt?: string;
	startedAt?: string;
	finishedAt?: string;
	errorMsg?: string;
	file?: ExportFile;
	/** Writes the file when the job finishes: the records as they are then. */
	write(): ExportFile;
	/** Status checks (ticks) since the job started processing. */
	ticksProcessing: number;
	createdMs: number;
}

/**
 * Marketo's bulk extract limits (the Bulk Extract page): 2 jobs processing and 10 queued or
 * processing per instance, shared by every kind; 500 MB of files a day (US Central), after which
 * create and enqueue answer 1029; files kept 7 days.
 */
export const EXPORT_LIMITS = { maxProcessing: 2, maxQueued: 10, dailyQuotaBytes: 500 * 1024 * 1024, retentionDays: 7 } as const;

const TERMINAL: readonly ExportStatus[] = ['Completed', 'Failed', 'Cancelled'];

export const exportErrors = {
	queueFull: (max: number) => ({ code: '1029', message: `Too many jobs (${max}) in queue` }),
	quotaExceeded: (bytes: number) => ({ code: '1029', message: `Export daily quota ${Math.round(bytes / 1024 / 1024)}MB exceeded` }),
	notFound: (exportId: string) => marketoErrors.invalidData(`Export job '${exportId}' not found`),
	wrongStatus: (job: ExportJob, wanted: string) => marketoErrors.invalidData(`Export job '${job.exportId}' is ${job.status}; ${wanted}`),
};

/**
 * The instance's export jobs: Created → enqueue → Queued → Processing → Completed (or Failed,
 * Cancelled). Time is counted in status checks: Marketo refreshes a job's status about once a
 * minute, so here every status check is one such minute for the whole instance (tests stay fast
 * and never wait on a clock).
 */
export class ExportJobStore {
	/** Tests shrink or grow them; `processingTicks` is how many status checks a job spends processing. */
	limits: { maxProcessing: number; maxQueued: number; dailyQuotaBytes: number; retentionDays: number; processingTicks: number } = { ...EXPORT_LIMITS, processingTicks: 1 };
	/** The next job that starts processing fails with this message (tests of Failed jobs). */
	failNextWith?: string;
	/** The next whole-file download drops its connection after this many bytes (tests of resumed downloads). */
	breakNextDownloadAfter?: number;
	private readonly jobs = new Map<string, ExportJob>();
	private readonly exportedBytesByDay = new Map<string, number>();

	create(kind: string, write: () => ExportFile, now = Date.now(), exportId: string = randomUUID()): ExportJob {
		this.refuseWhenQuotaSpent(now);
		const job: ExportJob = { exportId, kind, format: 'CSV', status: 'Created', createdAt: marketoTimestamp(now), write, ticksProcessing: 0, createdMs: now };
		this.jobs.set(job.exportId, job);
		return job;
	}

	enqueue(kind: string, exportId: string, now = Date.now()): ExportJob {
		const job = this.get(kind, exportId);
		if (job.status !== 'Created') throw new MarketoFailure(exportErrors.wrongStatus(job, 'only a Created job can be enqueued'));
		this.refuseWhenQuotaSpent(now);
		const waiting = this.inStatus('Queued', 'Processing').length;
		if (waiting >= this.limits.maxQueued) throw new MarketoFailure(exportErrors.queueFull(this.limits.maxQueued));
		job.status = 'Queued';
		job.queuedAt = marketoTimestamp(now);
		return job;
	}

	/** A status check: the instance moves on by one tick first. */
	status(kind: string, exportId: string, now = Date.now()): ExportJob {
		const job = this.get(kind, exportId);
		this.tick(now);
		return job;
	}

	cancel(kind: string, exportId: string, now = Date.now()): ExportJob {
		const job = this.get(kind, exportId);
		if (TERMINAL.includes(job.status)) throw new MarketoFailure(exportErrors.wrongStatus(job, 'only a job that has not finished can be cancelled'));
		job.status = 'Cancelled';
		job.finishedAt = marketoTimestamp(now);
		return job;
	}

	file(kind: string, exportId: string): ExportFile {
		const job = this.get(kind, exportId);
		if (job.status !== 'Completed') throw new MarketoFailure(exportErrors.wrongStatus(job, 'the file is available once it is Completed'));
		return fileOf(job);
	}

	/** Jobs of one kind created in the last 7 days, oldest first, optionally only those in the given statuses. */
	list(kind: string, statuses: string[], now = Date.now()): ExportJob[] {
		const since = now - this.limits.retentionDays * 86_400_000;
		const wanted = statuses.map((status) => status.toLowerCase());
		return [...this.jobs.values()].filter(
			(job) => job.kind === kind && job.createdMs >= since && (wanted.length === 0 || wanted.includes(job.status.toLowerCase())),
		);
	}

	/** One minute of Marketo: finished jobs complete, then queued jobs start in order while fewer than 2 run. */
	tick(now = Date.now()): void {
		for (const job of this.inStatus('Processing')) {
			job.ticksProcessing++;
			if (job.ticksProcessing >= this.limits.processingTicks) this.finish(job, now);
		}
		for (const job of this.inStatus('Queued')) {
			if (this.inStatus('Processing').length >= this.limits.maxProcessing) break;
			job.status = 'Processing';
			job.startedAt = marketoTimestamp(now);
		}
	}

	/** Bytes of files written today (US Central), what the daily quota meters. */
	exportedToday(now = Date.now()): number {
		return this.exportedBytesByDay.get(chicagoDay(now)) ?? 0;
	}

	/** Bytes of every file the instance holds (its disk, not the client's memory). */
	storedBytes(): number {
		return [...this.jobs.values()].reduce((sum, job) => sum + (job.file?.bytes.length ?? 0), 0);
	}

	all(): ExportJob[] {
		return [...this.jobs.values()];
	}

	private finish(job: ExportJob, now: number): void {
		job.finishedAt = marketoTimestamp(now);
		if (this.failNextWith !== undefined) {
			job.status = 'Failed';
			job.errorMsg = this.failNextWith;
			this.failNextWith = undefined;
			return;
		}
		job.file = job.write();
		job.status = 'Completed';
		const day = chicagoDay(now);
		this.exportedBytesByDay.set(day, (this.exportedBytesByDay.get(day) ?? 0) + job.file.bytes.length);
	}

	private get(kind: string, exportId: string): ExportJob {
		const job = this.jobs.get(exportId);
		if (!job || job.kind !== kind) throw new MarketoFailure(exportErrors.notFound(exportId));
		return job;
	}

	private inStatus(...statuses: ExportStatus[]): ExportJob[] {
		return [...this.jobs.values()].filter((job) => statuses.includes(job.status));
	}

	private refuseWhenQuotaSpent(now: number): void {
		if (this.exportedToday(now) >= this.limits.dailyQuotaBytes) throw new MarketoFailure(exportErrors.quotaExceeded(this.limits.dailyQuotaBytes));
	}
}

/** The file of a Completed job; a demo job writes its file when first asked (seeding stays cheap for big instances). */
function fileOf(job: ExportJob): ExportFile {
	job.file ??= job.write();
	return job.file;
}

/** A job as the status, enqueue, cancel and list endpoints describe it (ExportResponse). */
export function describeJob(job: ExportJob): Record<string, unknown> {
	const file = job.status === 'Completed' ? fileOf(job) : undefined;
	return {
		exportId: job.exportId,
		format: job.format,
		status: job.status,
		createdAt: job.createdAt,
		...(job.queuedAt ? { queuedAt: job.queuedAt } : {}),
		...(job.startedAt ? { startedAt: job.startedAt } : {}),
		...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
		// Real instances write the checksum with its algorithm: "sha256:<hex>".
		...(file
			? { numberOfRecords: file.records, fileSize: file.bytes.length, fileChecksum: `sha256:${createHash('sha256').update(file.bytes).digest('hex')}` }
			: {}),
		...(job.errorMsg ? { errorMsg: job.errorMsg } : {}),
	};
}

/** A fresh instance's demo jobs of a kind (its path, `customobjects/car_c` for custom objects): one Completed, one Created. */
export function demoExportIds(kindPath: string): { completed: string; created: string } {
	const index = EXPORT_KINDS.findIndex((kind) => kind.demo.path === kindPath) + 1;
	return { completed: `0e5c7a10-0000-4000-8000-00000000${index}001`, created: `0e5c7a10-0000-4000-8000-00000000${index}002` };
}

function seeded(owner: { readonly leads: LeadStore }): ExportJobStore {
	const store = new ExportJobStore();
	const at = Date.now() - 3_600_000;
	for (const kind of EXPORT_KINDS) {
		const { path, request, pathParams } = kind.demo;
		const ids = demoExportIds(path);
		const write = () => kind.prepare(request, owner, pathParams)();
		const stamp = marketoTimestamp(at);
		Object.assign(store.create(path, write, at, ids.completed), { status: 'Completed', queuedAt: stamp, startedAt: stamp, finishedAt: stamp });
		store.create(path, write, at, ids.created);
	}
	return store;
}

// Routes see the instance through its LeadStore (one per emulator), so the export jobs hang off it.
const instances = new WeakMap<LeadStore, ExportJobStore>();

/** The export jobs of the emulator (or route context) that owns `leads`; a fresh one has the demo jobs. */
export function exportsOf(owner: { readonly leads: LeadStore }): ExportJobStore {
	let store = instances.get(owner.leads);
	if (store === undefined) {
		store = seeded(owner);
		instances.set(owner.leads, store);
	}
	return store;
}
