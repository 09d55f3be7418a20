import type { INodeProperties } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as addCustom from './addCustom.operation';
import * as getDeletedLeads from './getDeletedLeads.operation';
import * as getLeadChanges from './getLeadChanges.operation';
import * as getMany from './getMany.operation';
import * as getTypes from './getTypes.operation';

export const activityOperations: Record<string, MarketoOperation> = { addCustom, getDeletedLeads, getLeadChanges, getMany, getTypes };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['activity'] } },
		options: [
			{
				name: 'Add Custom Activity',
				value: 'addCustom',
				description: 'Record custom activities (e.g. a trade show visit) on leads, 300 per call',
				action: 'Add a custom activity',
			},
			{
				name: 'Get Deleted Leads',
				value: 'getDeletedLeads',
				description: 'List leads deleted since a date (Marketo keeps about 14 days)',
				action: 'Get deleted leads',
			},
			{
				name: 'Get Lead Changes',
				value: 'getLeadChanges',
				description: 'List changes to chosen lead fields since a date, with old and new values',
				action: 'Get lead changes',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List activities of chosen types since a date, for all leads or given leads',
				action: 'Get many activities',
			},
			{
				name: 'Get Types',
				value: 'getTypes',
				description: 'List the activity types of this instance, custom ones included',
				action: 'Get activity types',
			},
		],
		default: 'getMany',
	},
	...Object.values(activityOperations).flatMap((operation) => operation.description),
];
