import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { waitForBulkJob } from '../../helpers/bulkJob';
import type { WaitSettings } from '../../helpers/bulkWait';
import { parseCsvRecords } from '../../helpers/csv';
import { marketoApiRequestRaw, marketoFileRequestRaw } from '../../transport';
import { MarketoApiError } from '../../transport/errors';
import { settle } from '../../transport/settle';
import { IMPORT_KINDS, type ImportTarget } from './importKinds';

/** A job as Marketo's status answers describe it (counts are named per kind: numOfLeadsProcessed, numOfObjectsProcessed). */
export interface ImportStatus extends IDataObject {
	batchId: number;
	status: string;
	numOfRowsFailed?: number;
	numOfRowsWithWarning?: number;
	message?: string;
}

/** Marketo's import job statuses that never change again. */
export const FINAL_IMPORT_STATUSES = ['Complete', 'Failed'];


/** Marketo's 1016: ten import jobs are already queued on the instance. It is answered before the file is accepted. */
const QUEUE_FULL = '1016';

const isQueueFull = (error: unknown) => error instanceof MarketoApiError && error.details.code === QUEUE_FULL;

function statusOf(result: ImportStatus[] | undefined, what: string): ImportStatus {
	const status = result?.[0];
	if (!status || typeof status.batchId !== 'number') throw new MarketoApiError(`Marketo's answer to ${what} carried no batch id`);
	return status;
}

/**
 * Sends one file. Uploads are never repeated by the transport when their outcome is unknown; a
 * 1016 (queue full) is a refusal before anything was accepted, so the file is sent again when
 * the queue has room, with backoff, for at most the wait the user allows (BulkJobTimeoutError).
 */
export async function uploadImportFile(ctx: IExecuteFunctions, target: ImportTarget, csv: string, fileName: string, wait: WaitSettings): Promise<ImportStatus> {
	const kind = IMPORT_KINDS[target.kind];
	const attempt = async () => {
		const sent = await settle(
			marketoApiRequestRaw<ImportStatus>(ctx, {
				method: 'POST',
				path: kind.uploadPath(target),
				qs: { format: 'csv', ...kind.uploadQuery(target) },
				bodyEncoding: 'multipart',
				body: [{ name: 'file', file: { data: Buffer.from(csv, 'utf8'), fileName, mimeType: 'text/csv' } }],
			}),
		);
		if (sent.ok) return { status: 'accepted', job: statusOf(sent.value.result, 'the upload') };
		if (isQueueFull(sent.error)) return { status: 'queueFull' };
		throw sent.error;
	};
	const accepted = await waitForBulkJob(ctx, attempt, { terminal: ['accepted'], ...wait });
	return accepted.job as ImportStatus;
}

export async function readImportStatus(ctx: IExecuteFunctions, target: ImportTarget, batchId: number): Promise<ImportStatus> {
	const kind = IMPORT_KINDS[target.kind];
	const response = await marketoApiRequestRaw<ImportStatus>(ctx, { method: 'GET', path: `${kind.jobPath(target, batchId)}${kind.statusSuffix}` });
	return statusOf(response.result, `the status of batch ${batchId}`);
}

/** Checks the job until it is Complete or Failed, backing off between checks. */
export async function waitForImport(ctx: IExecuteFunctions, target: ImportTarget, batchId: number, wait: WaitSettings): Promise<ImportStatus> {
	return await waitForBulkJob(ctx, async () => await readImportStatus(ctx, target, batchId), { terminal: FINAL_IMPORT_STATUSES, ...wait });
}

export type RowProblem = 'failures' | 'warnings';

const REASON_COLUMNS: Record<RowProblem, string> = { failures: 'Import Failure Reason', warnings: 'Import Warning Reason' };

/**
 * The rows Marketo failed (or imported with a warning): its file is the rows as sent plus a
 * reason column. Each becomes `{ batchId, problem, reason, row }`, the row as sent under `row`.
 */
export async function readRowProblems(ctx: IExecuteFunctions, target: ImportTarget, batchId: number, which: RowProblem): Promise<IDataObject[]> {
	const path = `${IMPORT_KINDS[target.kind].jobPath(target, batchId)}/${which}.json`;
	const file = await marketoFileRequestRaw(ctx, { method: 'GET', path, response: 'file' });
	const problems: IDataObject[] = [];
	for await (const record of parseCsvRecords(file.body)) {
		const columns = Object.keys(record);
		// Marketo names the reason column; should the name ever differ, the reason is still the last column.
		const reasonColumn = REASON_COLUMNS[which] in record ? REASON_COLUMNS[which] : columns[columns.length - 1];
		const { [reasonColumn]: reason, ...row } = record;
		problems.push({ batchId, problem: which === 'failures' ? 'failure' : 'warning', reason, row });
	}
	return problems;
}
