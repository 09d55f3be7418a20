import type { INodeProperties } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as request from './request.operation';
import * as schedule from './schedule.operation';

export const campaignOperations: Record<string, MarketoOperation> = { get, getMany, request, schedule };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a smart campaign by ID; the IDs of all items go together, 300 per call',
				action: 'Get a campaign',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get smart campaigns, optionally only triggerable ones or those with given names, programs or workspaces',
				action: 'Get many campaigns',
			},
			{
				name: 'Request',
				value: 'request',
				description:
					'Run leads through a trigger campaign ("Campaign is Requested: Web Service API"), with optional My Token values; 100 leads per call',
				action: 'Request a campaign for leads',
			},
			{
				name: 'Schedule',
				value: 'schedule',
				description: 'Schedule a batch campaign to run at a given time, with optional My Token values',
				action: 'Schedule a batch campaign',
			},
		],
		default: 'request',
	},
	...Object.values(campaignOperations).flatMap((operation) => operation.description),
];
