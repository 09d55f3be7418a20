import type { CallOptions } from '../testClient';
import { demoExportIds } from './exportJobs';
import { EXPORT_KINDS } from './exportKinds';

/**
 * One succeeding request per bulk extract endpoint, on a fresh instance: its demo jobs of each
 * kind are one Completed (file, status) and one Created (enqueue, cancel).
 */
export const EXPORT_CONTRACT_SAMPLES: Record<string, { path: string; file?: true } & CallOptions> = Object.fromEntries(
	EXPORT_KINDS.flatMap((kind) => {
		const template = `/bulk/v1/${kind.path}`;
		const base = `/bulk/v1/${kind.demo.path}`;
		const { completed, created } = demoExportIds(kind.demo.path);
		return [
			[`POST ${template}/export/create.json`, { path: `${base}/export/create.json`, json: kind.demo.request }],
			[`POST ${template}/export/{exportId}/enqueue.json`, { path: `${base}/export/${created}/enqueue.json` }],
			[`GET ${template}/export/{exportId}/status.json`, { path: `${base}/export/${completed}/status.json` }],
			[`POST ${template}/export/{exportId}/cancel.json`, { path: `${base}/export/${created}/cancel.json` }],
			[`GET ${template}/export/{exportId}/file.json`, { path: `${base}/export/${completed}/file.json`, file: true }],
			[`GET ${template}/export.json`, { path: `${base}/export.json?status=completed,created&batchSize=300` }],
		];
	}),
);
