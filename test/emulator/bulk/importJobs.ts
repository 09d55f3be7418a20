import { formatCsv } from '../../../nodes/Marketo/helpers/csv';
import type { LeadStore } from '../leads/LeadStore';
import { BULK_IMPORT_LIMITS } from '../rules';

/** What a bulk import job writes to: the three import endpoints. */
export type ImportKind = 'leads' | 'customObject' | 'programMembers';

/** Marketo's import job statuses, in order; Complete and Failed are final. */
export type ImportStatus = 'Queued' | 'Importing' | 'Complete' | 'Failed';

/** The upload's parameters, as the job keeps them until it runs. */
export interface ImportTarget {
	lookupField?: string;
	listId?: number;
	objectApiName?: string;
	programId?: number;
	programMemberStatus?: string;
}

/** What importing one row did: imported (maybe with a warning) or failed with a reason. */
export type RowOutcome = { imported: true; warning?: string } | { imported: false; failure: string };

/** What the job does when it runs: the whole file Failed (a message), or one outcome per row. */
export type ImportRun = { failed: string } | { outcomes: RowOutcome[] };

export interface ImportJob {
	batchId: number;
	kind: ImportKind;
	target: ImportTarget;
	header: string[];
	rows: string[][];
	status: ImportStatus;
	imported: number;
	failures: Array<{ row: string[]; reason: string }>;
	warnings: Array<{ row: string[]; reason: string }>;
	message?: string;
	/** Applies the rows to the instance's stores; called once, when the job leaves Importing. */
	run(job: ImportJob): ImportRun;
}

export type NewImportJob = Pick<ImportJob, 'kind' | 'target' | 'header' | 'rows' | 'run'>;

const FAILURE_COLUMN = 'Import Failure Reason';
const WARNING_COLUMN = 'Import Warning Reason';

/**
 * The instance's bulk import queue. Marketo imports in the background; the emulator has no clock
 * of its own, so its workers take one step (jobs that were importing finish, then queued jobs
 * start, two at most, first in first out) whenever a client asks about a job (status, failures,
 * warnings) or is refused because the queue is full: both mean time has passed for a client that
 * waits. Queued uploads take no step, so a client can fill the queue faster than Marketo imports.
 * An upload is Queued, its first status check sees Importing, the second Complete.
 */
export class ImportQueue {
	private readonly jobs = new Map<number, ImportJob>();
	private nextBatchId = 1001;
	/** Tests set it to keep jobs where they are, as if Marketo's workers were busy with other instances' imports. */
	stalled = false;

	/** One step of Marketo's import workers. */
	step(): void {
		if (this.stalled) return;
		for (const job of this.jobs.values()) if (job.status === 'Importing') this.finish(job);
		const importing = () => this.unfinished().filter((job) => job.status === 'Importing').length;
		for (const job of this.unfinished()) {
			if (importing() >= BULK_IMPORT_LIMITS.maxImporting) break;
			if (job.status === 'Queued') job.status = 'Importing';
		}
	}

	/** Queues a job; undefined when the queue still holds its 10 jobs after a step (Marketo's 1016). */
	submit(fields: NewImportJob): ImportJob | undefined {
		const full = () => this.unfinished().length >= BULK_IMPORT_LIMITS.maxQueued;
		if (full()) this.step();
		if (full()) return undefined;
		const job: ImportJob = { ...fields, batchId: this.nextBatchId++, status: 'Queued', imported: 0, failures: [], warnings: [] };
		this.jobs.set(job.batchId, job);
		return job;
	}

	get(batchId: number): ImportJob | undefined {
		return this.jobs.get(batchId);
	}

	/** Jobs queued or importing, in the order they were queued. */
	unfinished(): ImportJob[] {
		return [...this.jobs.values()].filter((job) => job.status === 'Queued' || job.status === 'Importing');
	}

	/** Steps until no job is left queued or importing (tests that only care about the result). */
	drain(): void {
		while (this.unfinished().length > 0) this.step();
	}

	private finish(job: ImportJob): void {
		const run = job.run(job);
		if ('failed' in run) {
			job.status = 'Failed';
			job.message = run.failed;
			return;
		}
		run.outcomes.forEach((outcome, index) => {
			if (!outcome.imported) job.failures.push({ row: job.rows[index], reason: outcome.failure });
			else {
				job.imported += 1;
				if (outcome.warning) job.warnings.push({ row: job.rows[index], reason: outcome.warning });
			}
		});
		job.status = 'Complete';
		job.message = completionMessage(job);
	}
}

/** Marketo's wording of a finished import. */
function completionMessage(job: ImportJob): string {
	const imported = `${job.imported} records imported (${job.imported} members)`;
	if (job.failures.length === 0) return `Import succeeded, ${imported}`;
	return `Import completed with errors, ${imported}, ${job.failures.length} failed records (${job.failures.length} records failed)`;
}

/** The failures or warnings file: the rows as uploaded, plus Marketo's reason in a last column. */
export function reasonsFile(job: ImportJob, which: 'failures' | 'warnings'): string {
	const column = which === 'failures' ? FAILURE_COLUMN : WARNING_COLUMN;
	const columns = [...job.header, column];
	const rows = job[which].map(({ row, reason }) => ({ ...Object.fromEntries(job.header.map((name, index) => [name, row[index] ?? ''])), [column]: reason }));
	return formatCsv(columns, rows);
}

// Routes see the instance through its LeadStore (one per emulator), so the queue hangs off it.
const instances = new WeakMap<LeadStore, ImportQueue>();

/** The bulk import queue of the emulator (or route context) that owns `leads`. */
export function importsOf(owner: { readonly leads: LeadStore }): ImportQueue {
	let queue = instances.get(owner.leads);
	if (queue === undefined) {
		queue = new ImportQueue();
		instances.set(owner.leads, queue);
	}
	return queue;
}
