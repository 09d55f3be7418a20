import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import type { QueryValue } from '../../transport/request';
import { programLocator, programStatusProperty, readProgramId } from '../common/programLocator';
import { CUSTOM_OBJECT_NAME, customObjectNameProperty } from '../customObject/customObjectKind';
import { lookupFieldOption, partitionNameOption } from '../lead/leadRecord';

export type ImportKindName = 'leads' | 'customObject' | 'programMembers';

/** What an import writes to, read from the item's parameters. */
export interface ImportTarget {
	kind: ImportKindName;
	customObjectName?: string;
	programId?: number;
	programMemberStatus?: string;
	lookupField?: string;
	partitionName?: string;
	listId?: number;
}

/** One of Marketo's three bulk import endpoint families, as data. */
export interface ImportKind {
	name: string;
	value: ImportKindName;
	uploadPath(target: ImportTarget): string;
	/** The upload's query parameters besides `format`. */
	uploadQuery(target: ImportTarget): Record<string, QueryValue>;
	/** A job's path without the answer's suffix: status is `<job><statusSuffix>`, the files `<job>/failures.json`, `<job>/warnings.json`. */
	jobPath(target: ImportTarget, batchId: number): string;
	statusSuffix: '.json' | '/status.json';
	/** Columns every row must fill; checked before anything is sent. */
	requiredColumns(target: ImportTarget): Array<{ column: string; why: string }>;
}

export const IMPORT_KINDS: Readonly<Record<ImportKindName, ImportKind>> = {
	leads: {
		name: 'Leads',
		value: 'leads',
		uploadPath: () => '/bulk/v1/leads.json',
		uploadQuery: ({ lookupField, partitionName, listId }) => ({ lookupField, partitionName, listId }),
		jobPath: (_target, batchId) => `/bulk/v1/leads/batch/${batchId}`,
		statusSuffix: '.json',
		requiredColumns: ({ lookupField = 'email' }) => [{ column: lookupField, why: `Marketo finds existing leads by the lookup field "${lookupField}"` }],
	},
	customObject: {
		name: 'Custom Object',
		value: 'customObject',
		uploadPath: ({ customObjectName }) => `/bulk/v1/customobjects/${customObjectName}/import.json`,
		uploadQuery: () => ({}),
		jobPath: ({ customObjectName }, batchId) => `/bulk/v1/customobjects/${customObjectName}/import/${batchId}`,
		statusSuffix: '/status.json',
		// The dedupe fields come from the type's describe; Marketo reports rows without them as failures.
		requiredColumns: () => [],
	},
	programMembers: {
		name: 'Program Members',
		value: 'programMembers',
		uploadPath: ({ programId }) => `/bulk/v1/program/${programId}/members/import.json`,
		uploadQuery: ({ programMemberStatus }) => ({ programMemberStatus }),
		jobPath: (_target, batchId) => `/bulk/v1/program/members/import/${batchId}`,
		statusSuffix: '/status.json',
		requiredColumns: () => [{ column: 'email', why: 'Marketo finds the members\' leads by email' }],
	},
};

const onlyFor = (kind: ImportKindName, property: INodeProperties, operations?: string[]): INodeProperties => ({
	...property,
	displayOptions: { show: { objectKind: [kind], ...(operations ? { operation: operations } : {}) } },
});

/** What to import into (all operations), and for Import the kind's own settings. */
export function targetProperties(operation: string): INodeProperties[] {
	const importing = operation === 'import';
	return [
		{
			displayName: 'Import Into',
			name: 'objectKind',
			type: 'options',
			noDataExpression: true,
			options: Object.values(IMPORT_KINDS).map(({ name, value }) => ({ name, value })),
			default: 'leads',
			description: 'What the import writes: leads, records of a custom object type, or members of a program',
		},
		onlyFor('customObject', customObjectNameProperty),
		...(importing
			? [
					onlyFor('programMembers', programLocator('The program the leads join')),
					onlyFor('programMembers', {
						...programStatusProperty,
						displayName: 'Program Member Status Name or ID',
						description:
							'The status the members get in the program, e.g. Registered. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					}),
					onlyFor('leads', {
						displayName: 'Lead Options',
						name: 'leadOptions',
						type: 'collection',
						placeholder: 'Add Option',
						default: {},
						options: [
							lookupFieldOption,
							partitionNameOption,
							{
								displayName: 'Static List ID',
								name: 'listId',
								type: 'string',
								default: '',
								placeholder: '1001',
								description: 'Also add the imported leads to this static list',
							},
						],
					}),
				]
			: []),
	];
}

/** The item's target, checked before any call. Get operations need only the kind and the object type. */
export function readTarget(ctx: IExecuteFunctions, itemIndex: number, importing: boolean): ImportTarget {
	const kind = ctx.getNodeParameter('objectKind', itemIndex) as ImportKindName;
	if (!(kind in IMPORT_KINDS)) throw new ItemInputError(itemIndex, 'Import Into', `"${String(kind)}" is not one of leads, customObject, programMembers`);
	if (kind === 'customObject') {
		const customObjectName = String(ctx.getNodeParameter('customObjectName', itemIndex, '')).trim();
		if (!CUSTOM_OBJECT_NAME.test(customObjectName)) {
			throw new ItemInputError(itemIndex, 'Custom Object Type', customObjectName ? `"${customObjectName}" is not a custom object API name (letters, digits, _)` : 'is empty; choose the custom object type');
		}
		return { kind, customObjectName };
	}
	if (!importing) return { kind };
	if (kind === 'programMembers') {
		const programMemberStatus = String(ctx.getNodeParameter('statusName', itemIndex, '')).trim();
		if (!programMemberStatus) throw new ItemInputError(itemIndex, 'Program Member Status', 'is empty; choose the status the members get');
		return { kind, programId: readProgramId(ctx, itemIndex), programMemberStatus };
	}
	const options = ctx.getNodeParameter('leadOptions', itemIndex, {}) as IDataObject;
	const listId = String(options.listId ?? '').trim();
	return {
		kind,
		lookupField: String(options.lookupField || 'email'),
		...(options.partitionName ? { partitionName: String(options.partitionName) } : {}),
		...(listId ? { listId: parseMarketoId(itemIndex, 'Static List ID', listId) } : {}),
	};
}

/** Imports of the same target share calls: items become one file per target. */
export const targetKey = (target: ImportTarget): string => JSON.stringify(target);
