import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { BulkJobTimeoutError } from '../../helpers/bulkJob';
import { MarketoApiError, OutcomeUnknownError } from '../../transport/errors';
import { settle } from '../../transport/settle';
import type { WaitSettings } from '../../helpers/bulkWait';
import { importParts, type ImportRows } from './importFile';
import { readRowProblems, uploadImportFile, waitForImport, type ImportStatus } from './importJob';
import type { ImportTarget } from './importKinds';

/** One import as the node runs it: the rows (read again when sent), into one target, in `parts` files. */
export interface ImportPlan {
	target: ImportTarget;
	open(): Promise<ImportRows>;
	/** How many files the rows make (counted when the rows were checked, before anything was sent). */
	parts: number;
	/** The uploaded file's name, without extension (the source file's, or a default). */
	fileName: string;
	wait: WaitSettings;
	waitForCompletion: boolean;
	outputRowProblems: boolean;
}

interface SentPart {
	part: number;
	firstRow: number;
	rowCount: number;
	status: ImportStatus;
}

const rows = (first: number, count: number) => `rows ${first.toLocaleString('en-US')}–${(first + count - 1).toLocaleString('en-US')}`;

function label(plan: ImportPlan, part: number, first: number, count: number): string {
	return plan.parts === 1 ? `The import file (${rows(first, count)})` : `Part ${part} of ${plan.parts} (${rows(first, count)})`;
}

/** What this run already handed to Marketo, so an error never hides a batch that is importing. */
function alreadySent(sent: SentPart[], except?: SentPart): string {
	const others = sent.filter((entry) => entry !== except);
	if (others.length === 0) return '';
	const batches = others.map((entry) => `batch ${entry.status.batchId} (part ${entry.part}, ${rows(entry.firstRow, entry.rowCount)}): ${entry.status.status}`);
	return ` Already in Marketo from this run: ${batches.join('; ')}.`;
}

const duration = (ms: number) => (ms < 90_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

/** The error of a part that could not be sent, keeping Marketo's code and hint. */
function uploadError(plan: ImportPlan, what: string, sent: SentPart[], error: unknown): Error {
	const notSent = plan.parts > 1 ? ' It and the parts after it were not sent.' : '';
	if (error instanceof BulkJobTimeoutError) {
		return new MarketoApiError(
			`${what} was not sent: Marketo's import queue stayed full (error 1016 "Too many imports": at most 10 import jobs per instance) for ${duration(error.waitedMs)}.${notSent}${alreadySent(sent)}`,
			{ code: '1016', hint: 'Other imports on the instance keep the queue full. Run this again later, or allow a longer wait (Waiting > Max Wait).' },
		);
	}
	if (error instanceof OutcomeUnknownError) {
		return new MarketoApiError(
			`${what}: the connection to Marketo failed after the file was sent, so Marketo may or may not have queued it. It was not sent again, as a second copy could import its rows twice.${plan.parts > 1 ? ' The parts after it were not sent.' : ''}${alreadySent(sent)}`,
			{ ...error.details, hint: 'Look up a few of its rows in Marketo (e.g. with Get Many) before sending them again.' },
		);
	}
	const details = error instanceof MarketoApiError ? error.details : {};
	return new MarketoApiError(`${what} was not sent: ${(error as Error)?.message ?? String(error)}.${notSent}${alreadySent(sent)}`, details);
}

function waitError(entry: SentPart, what: string, sent: SentPart[], error: unknown): Error {
	const batchId = entry.status.batchId;
	if (error instanceof BulkJobTimeoutError) {
		return new MarketoApiError(
			`${what}, batch ${batchId}, was still "${error.lastStatus}" after ${duration(error.waitedMs)} of waiting. It goes on in Marketo: check it later with Bulk Import → Get Status, batch ID ${batchId}.${alreadySent(sent, entry)}`,
		);
	}
	const details = error instanceof MarketoApiError ? error.details : {};
	return new MarketoApiError(`${what}, batch ${batchId}: reading its status failed: ${(error as Error)?.message ?? String(error)}.${alreadySent(sent, entry)}`, details);
}

function statusItem(entry: SentPart, plan: ImportPlan): IDataObject {
	return { ...entry.status, part: entry.part, parts: plan.parts, firstRow: entry.firstRow, rowsSent: entry.rowCount };
}

/** The failed and warned rows of a finished batch, fetched only when Marketo counts some (or gives no count). */
async function rowProblemsOf(ctx: IExecuteFunctions, target: ImportTarget, status: ImportStatus): Promise<IDataObject[]> {
	const failures = (status.numOfRowsFailed ?? 1) > 0 ? await readRowProblems(ctx, target, status.batchId, 'failures') : [];
	const warnings = (status.numOfRowsWithWarning ?? 1) > 0 ? await readRowProblems(ctx, target, status.batchId, 'warnings') : [];
	return [...failures, ...warnings];
}

/**
 * Sends the rows as one file per part, in order (a part that cannot be sent stops the rest), then,
 * if asked, waits for every batch. Output: each batch's status, then the rows Marketo failed or
 * warned about. A Failed batch fails the run, naming every batch of it.
 */
export async function runImport(ctx: IExecuteFunctions, plan: ImportPlan): Promise<IDataObject[]> {
	const sent: SentPart[] = [];
	for await (const { index: part, ...file } of importParts(await plan.open())) {
		const fileName = plan.parts === 1 ? `${plan.fileName}.csv` : `${plan.fileName}-part${part}.csv`;
		const upload = await settle(uploadImportFile(ctx, plan.target, file.csv, fileName, plan.wait));
		if (!upload.ok) throw uploadError(plan, label(plan, part, file.firstRow, file.rowCount), sent, upload.error);
		sent.push({ part, firstRow: file.firstRow, rowCount: file.rowCount, status: upload.value });
	}
	if (!plan.waitForCompletion) return sent.map((entry) => statusItem(entry, plan));

	for (const entry of sent) {
		const done = await settle(waitForImport(ctx, plan.target, entry.status.batchId, plan.wait));
		if (!done.ok) throw waitError(entry, label(plan, entry.part, entry.firstRow, entry.rowCount), sent, done.error);
		entry.status = done.value;
	}
	const failed = sent.find((entry) => entry.status.status === 'Failed');
	if (failed) {
		const what = label(plan, failed.part, failed.firstRow, failed.rowCount);
		throw new MarketoApiError(`Marketo could not import ${what.charAt(0).toLowerCase()}${what.slice(1)}, batch ${failed.status.batchId}: ${failed.status.message ?? 'status Failed'}.${alreadySent(sent, failed)}`);
	}
	const output: IDataObject[] = [];
	for (const entry of sent) {
		output.push(statusItem(entry, plan));
		if (plan.outputRowProblems) output.push(...(await rowProblemsOf(ctx, plan.target, entry.status)));
	}
	return output;
}
