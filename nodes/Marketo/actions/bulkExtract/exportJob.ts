import { createHash } from 'node:crypto';
import type { IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { waitForBulkJob } from '../../helpers/bulkJob';
import { parseCsvRecords } from '../../helpers/csv';
import { marketoApiRequestRaw, marketoFileRequestRaw } from '../../transport';
import { MarketoApiError } from '../../transport/errors';
import type { MarketoRequest } from '../../transport/request';
import { settle } from '../../transport/settle';
import type { ExportTarget } from './exportKinds';
import type { WaitSettings } from '../../helpers/bulkWait';

/** A job as Marketo describes it (ExportResponse). */
export interface ExportJob extends IDataObject {
	exportId: string;
	status: string;
}

/** Marketo's spellings of the statuses after which a job never changes (its docs say Cancelled, the OpenAPI file Canceled). */
export const FINAL_STATUSES = ['Completed', 'Failed', 'Cancelled', 'Canceled'];

/** The job ended without a file (Failed or Cancelled). */
export class ExportJobEndedError extends Error {
	constructor(readonly job: ExportJob) {
		super(
			job.status === 'Failed'
				? `Marketo's export job ${job.exportId} failed${job.errorMsg ? `: ${String(job.errorMsg)}` : ''}. Marketo keeps no partial file; run the export again.`
				: `Marketo's export job ${job.exportId} was cancelled before it finished (in Marketo or by another workflow); it has no file.`,
		);
		this.name = 'ExportJobEndedError';
	}
}

async function jobCall(ctx: IExecuteFunctions, request: MarketoRequest): Promise<ExportJob> {
	const response = await marketoApiRequestRaw<ExportJob>(ctx, request);
	const job = response.result?.[0];
	if (!job?.exportId) throw new MarketoApiError('Marketo answered without the export job', { requestId: response.requestId });
	return job;
}

// Create, enqueue and cancel are POSTs: the transport never sends them twice after a lost answer.
export const createJob = async (ctx: IExecuteFunctions, target: ExportTarget, body: IDataObject) =>
	await jobCall(ctx, { method: 'POST', path: `${target.basePath}/create.json`, body });

export const enqueueJob = async (ctx: IExecuteFunctions, target: ExportTarget, exportId: string) =>
	await jobCall(ctx, { method: 'POST', path: `${target.basePath}/${exportId}/enqueue.json` });

export const jobStatus = async (ctx: IExecuteFunctions, target: ExportTarget, exportId: string) =>
	await jobCall(ctx, { method: 'GET', path: `${target.basePath}/${exportId}/status.json` });

export const cancelJob = async (ctx: IExecuteFunctions, target: ExportTarget, exportId: string) =>
	await jobCall(ctx, { method: 'POST', path: `${target.basePath}/${exportId}/cancel.json` });

/**
 * Polls the job's status with back-off until it is final; a job that ended without a file is an
 * error. A job never queued stays "Created" for good: waiting for it would only spend calls.
 */
export async function completedJob(ctx: IExecuteFunctions, target: ExportTarget, exportId: string, wait: WaitSettings): Promise<ExportJob> {
	const check = async () => {
		const current = await jobStatus(ctx, target, exportId);
		if (current.status === 'Created') {
			throw new MarketoApiError(`Export job ${exportId} was created but never queued, so Marketo will not run it and it has no file. Run Extract again (it creates and queues a job).`);
		}
		return current;
	};
	const job = await waitForBulkJob(ctx, check, { terminal: FINAL_STATUSES, ...wait });
	if (job.status !== 'Completed') throw new ExportJobEndedError(job);
	return job;
}

/** A download that breaks off is taken up again where it stopped (Range), this many times. */
const RESUMES = 3;

/**
 * The file's bytes as they arrive. A connection lost mid-file is resumed from the next byte with a
 * Range request (Marketo supports it on file.json), so no record is lost or read twice.
 */
export async function* fileBytes(ctx: IExecuteFunctions, target: ExportTarget, exportId: string): AsyncGenerator<Uint8Array> {
	const path = `${target.basePath}/${exportId}/file.json`;
	let received = 0;
	for (let attempt = 0; ; attempt++) {
		const file = await marketoFileRequestRaw(ctx, { method: 'GET', path, ...(received > 0 ? { headers: { Range: `bytes=${received}-` } } : {}) });
		// A server that ignores Range sends the whole file again: skip what was already read.
		let skip = file.status === 206 ? 0 : received;
		const chunks = file.body[Symbol.asyncIterator]();
		for (;;) {
			const next = await settle(chunks.next());
			if (!next.ok) {
				if (attempt >= RESUMES) throw new MarketoApiError(`The download of export ${exportId} broke off after ${received} bytes: ${(next.error as Error)?.message}`);
				break;
			}
			if (next.value.done) return;
			const chunk = next.value.value;
			const part = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
			skip = Math.max(0, skip - chunk.length);
			if (part.length === 0) continue;
			received += part.length;
			yield part;
		}
	}
}

/**
 * The SHA-256 the file must have, from the job's `fileChecksum`: Marketo writes `sha256:<hex>`;
 * bare hex is read as SHA-256 too. A checksum of another algorithm cannot be checked here, so it
 * is neither failed nor taken as checked (undefined).
 */
export function expectedSha256(fileChecksum: unknown): string | undefined {
	const match = typeof fileChecksum === 'string' ? /^(?:([\w-]+):)?([0-9a-f]+)$/i.exec(fileChecksum.trim()) : null;
	if (!match) return undefined;
	const [, algorithm, hex] = match;
	const isSha256 = algorithm === undefined ? hex.length === 64 : algorithm.toLowerCase() === 'sha256';
	return isSha256 ? hex.toLowerCase() : undefined;
}

/** Checks what was downloaded against the size and SHA-256 checksum Marketo gave for the file. */
function checkedBytes(job: ExportJob, bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
	return (async function* () {
		const hash = createHash('sha256');
		let size = 0;
		for await (const chunk of bytes) {
			hash.update(chunk);
			size += chunk.length;
			yield chunk;
		}
		const checksum = hash.digest('hex');
		const expected = expectedSha256(job.fileChecksum);
		if ((job.fileSize !== undefined && job.fileSize !== null && Number(job.fileSize) !== size) || (expected !== undefined && expected !== checksum)) {
			throw new MarketoApiError(`The file of export ${job.exportId} arrived incomplete or altered (${size} of ${String(job.fileSize ?? '?')} bytes, checksum mismatch); run Download File again.`);
		}
	})();
}

/** The file's records, parsed as the bytes arrive: the whole file is never held in memory. */
export function fileRecords(ctx: IExecuteFunctions, target: ExportTarget, job: ExportJob): AsyncGenerator<Record<string, string>> {
	return parseCsvRecords(checkedBytes(job, fileBytes(ctx, target, job.exportId)));
}

type BinaryInput = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

/**
 * The file as n8n binary data, handed over as the response stream (with a binary data mode other
 * than memory it never sits in memory). n8n takes only a Node stream here and verified nodes may
 * not import node:stream, so this path has no Range resume or checksum check; in n8n's default
 * (memory) binary mode the stored size is compared with Marketo's.
 */
export async function fileBinary(ctx: IExecuteFunctions, target: ExportTarget, job: ExportJob, propertyName: string, fileName: string): Promise<IBinaryKeyData> {
	const file = await marketoFileRequestRaw(ctx, { method: 'GET', path: `${target.basePath}/${job.exportId}/file.json` });
	const binary = await ctx.helpers.prepareBinaryData(file.body as unknown as BinaryInput, fileName, 'text/csv');
	const stored = binary.id ? undefined : Buffer.byteLength(binary.data, 'base64');
	if (stored !== undefined && job.fileSize !== undefined && job.fileSize !== null && Number(job.fileSize) !== stored) {
		throw new MarketoApiError(`The file of export ${job.exportId} arrived incomplete (${stored} of ${String(job.fileSize)} bytes); run Download File again.`);
	}
	return { [propertyName]: binary };
}
