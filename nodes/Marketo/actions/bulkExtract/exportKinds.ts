import type { IExecuteFunctions } from 'n8n-workflow';

import { ItemInputError } from '../../helpers/outcomes';
import { CUSTOM_OBJECT_NAME } from '../customObject/customObjectKind';

export type ExportObject = 'leads' | 'activities' | 'programMembers' | 'customObject';

/** How a kind's records are selected (the official Export…Request filters, as the UI offers them). */
export type FilterType = 'createdAt' | 'updatedAt' | 'staticList' | 'smartList' | 'program';

/**
 * One kind of bulk extract as data: the UI offers, and the requests are built from, this table.
 * Marketo's own rules per kind (the Bulk Extract pages): leads and custom objects take exactly one
 * filter type per job; activities always need a createdAt range; program members need a program.
 */
export interface ExportKind {
	name: string;
	value: ExportObject;
	/** The kind's path below the instance, up to and including `/export`. */
	basePath(customObjectName: string): string;
	/** Selection filters, first one the default. */
	filterTypes: Array<{ name: string; value: FilterType; description: string }>;
	/** Marketo requires `fields`; for activities the node sends every standard field when none is chosen. */
	defaultFields?: string[];
	/** What the records are called in messages and file names. */
	noun: string;
}

/** Activity export fields (ExportActivityRequest.fields). */
export const ACTIVITY_FIELDS = ['marketoGUID', 'leadId', 'activityDate', 'activityTypeId', 'campaignId', 'primaryAttributeValueId', 'primaryAttributeValue', 'attributes'];

const createdAt = { name: 'Created At', value: 'createdAt' as const, description: 'Records created in a date range (longer ranges are split into 31-day jobs)' };
const updatedAt = { name: 'Updated At', value: 'updatedAt' as const, description: 'Records updated in a date range (longer ranges are split into 31-day jobs)' };
const staticList = { name: 'Static List', value: 'staticList' as const, description: 'Members of a static list' };
const smartList = { name: 'Smart List', value: 'smartList' as const, description: 'Members of a smart list' };

export const EXPORT_KINDS: readonly ExportKind[] = [
	{
		name: 'Leads',
		value: 'leads',
		basePath: () => '/bulk/v1/leads/export',
		filterTypes: [createdAt, updatedAt, staticList, smartList],
		noun: 'leads',
	},
	{
		name: 'Activities',
		value: 'activities',
		basePath: () => '/bulk/v1/activities/export',
		filterTypes: [createdAt],
		defaultFields: ACTIVITY_FIELDS,
		noun: 'activities',
	},
	{
		name: 'Program Members',
		value: 'programMembers',
		basePath: () => '/bulk/v1/program/members/export',
		filterTypes: [{ name: 'Program', value: 'program', description: 'Members of a program (optionally only those updated in a date range)' }],
		noun: 'program-members',
	},
	{
		name: 'Custom Object',
		value: 'customObject',
		basePath: (customObjectName) => `/bulk/v1/customobjects/${customObjectName}/export`,
		filterTypes: [updatedAt, staticList, smartList],
		noun: 'custom-objects',
	},
];

export function exportKind(value: string): ExportKind {
	const kind = EXPORT_KINDS.find((candidate) => candidate.value === value);
	if (!kind) throw new Error(`Unknown bulk extract object "${value}"`);
	return kind;
}

/** Which export an item means: the kind and, for custom objects, the type (checked before any call). */
export interface ExportTarget {
	kind: ExportKind;
	customObjectName: string;
	/** Path up to `/export`, e.g. `/bulk/v1/customobjects/car_c/export`. */
	basePath: string;
}

export function readExportTarget(ctx: IExecuteFunctions, itemIndex: number): ExportTarget {
	const kind = exportKind(String(ctx.getNodeParameter('exportObject', itemIndex)));
	const customObjectName = kind.value === 'customObject' ? String(ctx.getNodeParameter('customObjectName', itemIndex, '')).trim() : '';
	if (kind.value === 'customObject' && !CUSTOM_OBJECT_NAME.test(customObjectName)) {
		throw new ItemInputError(itemIndex, 'Custom Object Type Name or ID', customObjectName ? `"${customObjectName}" is not a custom object API name (letters, digits, _)` : 'is empty; choose the custom object type');
	}
	return { kind, customObjectName, basePath: kind.basePath(customObjectName) };
}
