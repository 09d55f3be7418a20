import type { INodeProperties } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as getFailures from './getFailures.operation';
import * as getStatus from './getStatus.operation';
import * as getWarnings from './getWarnings.operation';
import * as importOperation from './import.operation';

export const bulkImportOperations: Record<string, MarketoOperation> = { import: importOperation, getStatus, getFailures, getWarnings };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bulkImport'] } },
		options: [
			{
				name: 'Get Failures',
				value: 'getFailures',
				description: 'Get the rows of an import that Marketo could not import, with the reason',
				action: 'Get the failed rows of a bulk import',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get the status of an import: Queued, Importing, Complete or Failed, with row counts',
				action: 'Get the status of a bulk import',
			},
			{
				name: 'Get Warnings',
				value: 'getWarnings',
				description: 'Get the rows of an import that Marketo imported with a warning, with the reason',
				action: 'Get the warned rows of a bulk import',
			},
			{
				name: 'Import',
				value: 'import',
				description: 'Import leads, custom object records or program members from items or a CSV file (split into 10 MB files)',
				action: 'Import records in bulk',
			},
		],
		default: 'import',
	},
	...Object.values(bulkImportOperations).flatMap((operation) => operation.description),
];
