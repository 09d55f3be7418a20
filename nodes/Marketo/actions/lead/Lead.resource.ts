import type { INodeProperties } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as upsert from './upsert.operation';

export const leadOperations: Record<string, MarketoOperation> = { get, getMany, upsert, delete: del };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a lead',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete leads by ID, 300 per call', action: 'Delete a lead' },
			{ name: 'Get', value: 'get', description: 'Get a lead by its Marketo ID', action: 'Get a lead' },
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get leads whose field matches the given values',
				action: 'Get many leads',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
	...upsert.description,
	...del.description,
];
