import type { INodeProperties } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as download from './download.operation';
import { cancelJob, jobStatus } from './exportJob';
import * as extract from './extract.operation';
import * as getMany from './getMany.operation';
import { jobAction } from './jobAction';

export const bulkExtractOperations: Record<string, MarketoOperation> = {
	extract,
	download,
	getStatus: jobAction('getStatus', jobStatus),
	cancel: jobAction('cancel', cancelJob),
	getMany,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bulkExtract'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Cancel an export job that has not finished, freeing its place in the queue',
				action: 'Cancel a bulk export job',
			},
			{
				name: 'Download File',
				value: 'download',
				description: 'Get the file of an export job created earlier (waits while it runs): its records as items, or the CSV file',
				action: 'Download the file of a bulk export job',
			},
			{
				name: 'Extract',
				value: 'extract',
				description:
					'Export leads, activities, program members or custom object records: create and queue the jobs (ranges over 31 days are split), wait, and output the records or the CSV file',
				action: 'Extract records in bulk',
			},
			{
				name: 'Get Many Jobs',
				value: 'getMany',
				description: 'List the export jobs of the last 7 days, optionally by status',
				action: 'Get many bulk export jobs',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get the status of an export job: Created, Queued, Processing, Completed, Failed or Cancelled, with its size once done',
				action: 'Get the status of a bulk export job',
			},
		],
		default: 'extract',
	},
	...Object.values(bulkExtractOperations).flatMap((operation) => operation.description),
];
