import type { INodeProperties } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as getDailyUsage from './getDailyUsage.operation';

export const usageOperations: Record<string, MarketoOperation> = { getDailyUsage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['usage'] } },
		options: [
			{
				name: 'Get Daily Usage',
				value: 'getDailyUsage',
				description: "Get today's API call count per API user",
				action: 'Get daily usage',
			},
		],
		default: 'getDailyUsage',
	},
	...getDailyUsage.description,
];
