import type { INodeProperties } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as changeStatus from './changeStatus.operation';
import * as del from './delete.operation';
import * as describe from './describe.operation';
import * as getMany from './getMany.operation';
import * as syncData from './syncData.operation';

export const programMemberOperations: Record<string, MarketoOperation> = { changeStatus, delete: del, describe, getMany, syncData };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['programMember'] } },
		options: [
			{
				name: 'Change Status',
				value: 'changeStatus',
				description: "Set leads' progression status in a program (e.g. Registered, Attended), 300 per call",
				action: 'Change the status of a program member',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Remove leads from a program, 300 per call',
				action: 'Delete a program member',
			},
			{
				name: 'Describe',
				value: 'describe',
				description: 'List the program member fields of this instance',
				action: 'Describe program member fields',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Get a program's members whose field matches the given values",
				action: 'Get many program members',
			},
			{
				name: 'Sync Data',
				value: 'syncData',
				description: "Set program member fields (e.g. custom fields) of a program's members, 300 per call",
				action: 'Update program member data',
			},
		],
		default: 'getMany',
	},
	...Object.values(programMemberOperations).flatMap((operation) => operation.description),
];
