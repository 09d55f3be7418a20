import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMembers from './getMembers.operation';
import { MEMBERSHIP_OPERATIONS, membershipOperations } from './membership.operation';

export const staticListOperations: Record<string, MarketoOperation> = {
	...membershipOperations,
	get,
	getMany,
	getMembers,
};

const membershipOptions = Object.fromEntries(
	MEMBERSHIP_OPERATIONS.map(({ operation, name, description, action }) => [operation, { name, value: operation, description, action }]),
);

const operationOptions: INodePropertyOptions[] = [
	membershipOptions.addLeads,
	{ name: 'Get', value: 'get', description: 'Get a static list by ID; the IDs of all items go together, 300 per call', action: 'Get a static list' },
	{
		name: 'Get Many',
		value: 'getMany',
		description: 'Get static lists, optionally only those with given names, programs or workspaces',
		action: 'Get many static lists',
	},
	{
		name: 'Get Members',
		value: 'getMembers',
		description: 'Get the leads that are members of a static list, with the lead fields you choose',
		action: 'Get the members of a static list',
	},
	membershipOptions.isMember,
	membershipOptions.removeLeads,
];

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['staticList'] } },
		options: operationOptions,
		default: 'addLeads',
	},
	...Object.values(staticListOperations).flatMap((operation) => operation.description),
];
