import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as associate from './associate.operation';
import * as changeProgramStatus from './changeProgramStatus.operation';
import * as del from './delete.operation';
import * as describe from './describe.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getPartitions from './getPartitions.operation';
import { MEMBERSHIPS, membershipOperations } from './memberships.operation';
import * as merge from './merge.operation';
import * as push from './push.operation';
import * as submitForm from './submitForm.operation';
import * as upsert from './upsert.operation';

export const leadOperations: Record<string, MarketoOperation> = {
	associate,
	changeProgramStatus,
	delete: del,
	describe,
	get,
	getMany,
	getPartitions,
	...membershipOperations,
	merge,
	push,
	submitForm,
	upsert,
};

const operationOptions: INodePropertyOptions[] = [
	{
		name: 'Associate Web Activity',
		value: 'associate',
		description: "Link a visitor's anonymous web activity (Munchkin cookie) to a known lead",
		action: 'Associate web activity with a lead',
	},
	{
		name: 'Change Program Status',
		value: 'changeProgramStatus',
		description: "Set leads' progression status in a program, 300 per call",
		action: 'Change the program status of a lead',
	},
	{
		name: 'Create or Update',
		value: 'upsert',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		action: 'Create or update a lead',
	},
	{ name: 'Delete', value: 'delete', description: 'Delete leads by ID, 300 per call', action: 'Delete a lead' },
	{ name: 'Describe', value: 'describe', description: 'List the lead fields of this instance', action: 'Describe lead fields' },
	{ name: 'Get', value: 'get', description: 'Get a lead by its Marketo ID', action: 'Get a lead' },
	{
		name: 'Get Many',
		value: 'getMany',
		description: 'Get leads whose field matches the given values',
		action: 'Get many leads',
	},
	{ name: 'Get Partitions', value: 'getPartitions', description: 'List the lead partitions of this instance', action: 'Get lead partitions' },
	...MEMBERSHIPS.map(({ operation, name, of }) => ({
		name,
		value: operation,
		description: `List the ${of} a lead is a member of`,
		action: `Get the ${of} of a lead`,
	})),
	{
		name: 'Merge',
		value: 'merge',
		description: 'Merge leads into one winning lead; the losing leads are deleted',
		action: 'Merge leads',
	},
	{
		name: 'Push',
		value: 'push',
		description: 'Create or update leads and make them members of a program, 300 per call',
		action: 'Push leads into a program',
	},
	{
		name: 'Submit Form',
		value: 'submitForm',
		description: 'Submit a Marketo form for a lead, as if the visitor filled it in',
		action: 'Submit a form for a lead',
	},
];

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: operationOptions,
		default: 'get',
	},
	...Object.values(leadOperations).flatMap((operation) => operation.description),
];
