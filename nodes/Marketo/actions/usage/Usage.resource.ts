import type { INodeProperties } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as getQuota from './quota.operation';
import { reportOperation, USAGE_REPORTS } from './reports';

export const usageOperations: Record<string, MarketoOperation> = {
	...Object.fromEntries(USAGE_REPORTS.map((report) => [report.operation, reportOperation(report)])),
	getQuota,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['usage'] } },
		options: [
			...USAGE_REPORTS.map(({ name, operation, description, action }) => ({ name, value: operation, description, action })),
			{
				name: 'Get Quota',
				value: 'getQuota',
				description:
					"Compare today's calls (this n8n process and Marketo's count for the instance) with the daily budget, to warn before the quota runs out",
				action: 'Get the daily quota status',
			},
		].sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getDailyUsage',
	},
	...Object.values(usageOperations).flatMap((operation) => operation.description),
];
