import { realResponse } from '../realResponses';
import type { Replay } from '../replayTypes';

const CAR_EXPORT = 'f2c03f1d-226f-47c1-a557-357af8c2b32a';
const LEAD_EXPORT = 'ce45a7a1-f19d-4ce2-882c-a3c795940a7d';
const FAST = { firstCheckSeconds: 0.1, maxCheckSeconds: 0.1 };
const CARS = [
	{ leadId: '11', color: 'Pearl White', make: 'Tesla', model: 'Model S', vIN: '5YJSA1E41FF156789' },
	{ leadId: '12', color: 'Midnight Silver Metallic', make: 'Tesla', model: 'Model X', vIN: 'LRWXB2B41FF198765' },
	{ leadId: '13', color: 'Fusion Red', make: 'Tesla', model: 'Roadster', vIN: 'SFGRC3C41FF154321' },
];
/** The file as the real response holds it (read from shared/, not copied here). */
const CAR_CSV = realResponse('adobe-co-export-file').bodyText as string;
const carPath = (tail: string) => `/bulk/v1/customobjects/car_c/export/${CAR_EXPORT}/${tail}`;
const cars = { exportObject: 'customObject', customObjectName: 'car_c' };
const extractCars = {
	resource: 'bulkExtract',
	operation: 'extract',
	...cars,
	exportFields: ['leadId', 'color', 'make', 'model', 'vIN'],
	startAt: '2021-05-01T00:00:00Z',
	endAt: '2021-05-05T00:00:00Z',
	waitOptions: FAST,
};
const downloadCars = (output: 'items' | 'binary') => ({ resource: 'bulkExtract', operation: 'download', ...cars, exportId: CAR_EXPORT, output, waitOptions: FAST });

/** Marketo's answer to Create for a leads export: the real responses have none, only the enqueue refusals that follow it. */
const leadExportCreated = {
	route: 'POST /bulk/v1/leads/export/create.json',
	body: { requestId: 'replay#create', success: true, result: [{ exportId: LEAD_EXPORT, format: 'CSV', status: 'Created', createdAt: '2017-01-21T11:47:30-08:00' }] },
};
const extractLeads = {
	resource: 'bulkExtract',
	operation: 'extract',
	exportObject: 'leads',
	exportFields: ['email'],
	startAt: '2017-01-01T00:00:00Z',
	endAt: '2017-01-20T00:00:00Z',
	waitForCompletion: false,
};

/** Bulk extract (create, enqueue, status, file with its checksum, cancel, jobs) and bulk import status. */
export const BULK: Replay[] = [
	{
		title: 'Extract: created, queued, processing, completed, then the file — its "sha256:" checksum verified',
		replays: ['adobe-co-export-create', 'adobe-co-export-enqueue', 'adobe-co-export-processing', 'adobe-co-export-completed', 'adobe-co-export-file'],
		parameters: extractCars,
		answers: ['adobe-co-export-create', 'adobe-co-export-enqueue', 'adobe-co-export-processing', 'adobe-co-export-completed', 'adobe-co-export-file'],
		expect: {
			items: CARS,
			calls: [
				{ call: 'POST /bulk/v1/customobjects/car_c/export/create.json', body: { format: 'CSV', fields: ['leadId', 'color', 'make', 'model', 'vIN'] } },
				`POST ${carPath('enqueue.json')}`,
				`GET ${carPath('status.json')}`,
				`GET ${carPath('status.json')}`,
				`GET ${carPath('file.json')}`,
			],
		},
	},
	{
		title: 'Download File to items: the real "sha256:<hex>" checksum matches the file',
		replays: ['adobe-co-export-completed', 'adobe-co-export-file'],
		parameters: downloadCars('items'),
		answers: ['adobe-co-export-completed', 'adobe-co-export-file'],
		expect: { items: CARS, calls: [`GET ${carPath('status.json')}`, `GET ${carPath('file.json')}`] },
	},
	{
		title: 'Download File to items: a bare-hex checksum (control) is read as SHA-256 too',
		replays: ['control-co-export-completed-bare-hex'],
		parameters: downloadCars('items'),
		answers: ['control-co-export-completed-bare-hex', 'adobe-co-export-file'],
		expect: { items: CARS },
	},
	{
		title: 'Download File as a file: the CSV as Marketo sent it, one item with the job',
		replays: ['adobe-co-export-file'],
		parameters: downloadCars('binary'),
		answers: ['adobe-co-export-completed', 'adobe-co-export-file'],
		expect: { items: [{ exportId: CAR_EXPORT, status: 'Completed', fileSize: 182 }], files: [CAR_CSV] },
	},
	{
		title: 'Extract: a file that does not match the checksum fails, and the completed job is left for Download File (no cancel)',
		replays: ['adobe-co-export-completed'],
		parameters: extractCars,
		answers: [
			'adobe-co-export-create',
			'adobe-co-export-enqueue',
			'adobe-co-export-completed',
			{ route: `GET ${carPath('file.json')}`, bodyText: CAR_CSV.replace('Pearl White', 'Pearl Black'), contentType: 'text/csv' },
		],
		expect: {
			error: /The file of export f2c03f1d-226f-47c1-a557-357af8c2b32a arrived incomplete or altered/,
			calls: ['POST /bulk/v1/customobjects/car_c/export/create.json', `POST ${carPath('enqueue.json')}`, `GET ${carPath('status.json')}`, `GET ${carPath('file.json')}`],
		},
	},
	{
		title: 'Cancel (custom object export): the job, Cancelled',
		replays: ['adobe-co-export-cancel'],
		parameters: { resource: 'bulkExtract', operation: 'cancel', ...cars, exportId: '4a8cdd80-0d16-4dd6-9923-6ec97e30e91b' },
		answers: ['adobe-co-export-cancel'],
		expect: { items: [{ exportId: '4a8cdd80-0d16-4dd6-9923-6ec97e30e91b', status: 'Cancelled' }] },
	},
	{
		title: 'Cancel (leads export): the job, Cancelled',
		replays: ['adobe-lead-export-cancel'],
		parameters: { resource: 'bulkExtract', operation: 'cancel', exportObject: 'leads', exportId: LEAD_EXPORT },
		answers: ['adobe-lead-export-cancel'],
		expect: { items: [{ exportId: LEAD_EXPORT, status: 'Cancelled' }], calls: [`POST /bulk/v1/leads/export/${LEAD_EXPORT}/cancel.json`] },
	},
	{
		title: 'Get Status (leads export): Processing',
		replays: ['adobe-lead-export-processing'],
		parameters: { resource: 'bulkExtract', operation: 'getStatus', exportObject: 'leads', exportId: LEAD_EXPORT },
		answers: ['adobe-lead-export-processing'],
		expect: { items: [{ exportId: LEAD_EXPORT, status: 'Processing', queuedAt: '2017-01-21T11:48:30-08:00' }] },
	},
	{
		title: 'Get Status (activities export): Completed, with size and checksum as Marketo wrote them',
		replays: ['adobe-activity-export-completed'],
		parameters: { resource: 'bulkExtract', operation: 'getStatus', exportObject: 'activities', exportId: LEAD_EXPORT },
		answers: ['adobe-activity-export-completed'],
		expect: {
			items: [{ status: 'Completed', numberOfRecords: 15423, fileSize: 12342, fileChecksum: 'sha256:c16514c7e80fcac5ea055dacae9617fc3c29aff5365e3743071313ce0ed2a815' }],
			calls: [`GET /bulk/v1/activities/export/${LEAD_EXPORT}/status.json`],
		},
	},
	{
		title: 'Get Many Jobs (leads): each job of the list',
		replays: ['adobe-lead-export-list'],
		parameters: { resource: 'bulkExtract', operation: 'getMany', exportObject: 'leads' },
		answers: ['adobe-lead-export-list'],
		expect: { items: [{ exportId: LEAD_EXPORT, status: 'Completed', numberOfRecords: 122323 }], calls: ['GET /bulk/v1/leads/export.json'] },
	},
	{
		title: 'Extract: 1029 "Too many jobs in queue" at enqueue explains the queue and cancels the job it created',
		replays: ['doc-1029-queue'],
		parameters: extractLeads,
		answers: [leadExportCreated, 'doc-1029-queue', 'adobe-lead-export-cancel'],
		expect: {
			error: /export queue is full.*Too many jobs in queue/,
			calls: ['POST /bulk/v1/leads/export/create.json', `POST /bulk/v1/leads/export/${LEAD_EXPORT}/enqueue.json`, `POST /bulk/v1/leads/export/${LEAD_EXPORT}/cancel.json`],
		},
	},
	{
		title: 'Extract: 1029 "Export daily quota exceeded" says the daily export quota is spent',
		replays: ['doc-1029-quota'],
		parameters: extractLeads,
		answers: [leadExportCreated, 'doc-1029-quota', 'adobe-lead-export-cancel'],
		expect: { error: /daily export quota is spent.*Export daily quota exceeded/ },
	},
	{
		title: 'Bulk Import → Get Status: Complete, with Marketo’s counts and message',
		replays: ['adobe-lead-import-status'],
		parameters: { resource: 'bulkImport', operation: 'getStatus', objectKind: 'leads', batchId: '3404' },
		answers: ['adobe-lead-import-status'],
		expect: { items: [{ batchId: 3404, status: 'Complete', numOfLeadsProcessed: 3, numOfRowsFailed: 0, message: 'Import succeeded, 3 records imported (3 members)' }], calls: ['GET /bulk/v1/leads/batch/3404.json'] },
	},
	{
		title: 'Bulk Import → Get Status: Complete with a failed row is reported, not hidden',
		replays: ['adobe-lead-import-status-failed-row'],
		parameters: { resource: 'bulkImport', operation: 'getStatus', objectKind: 'leads', batchId: '1022' },
		answers: ['adobe-lead-import-status-failed-row'],
		expect: { items: [{ batchId: 1022, status: 'Complete', numOfRowsFailed: 1, message: /1 failed/ }] },
	},
];
