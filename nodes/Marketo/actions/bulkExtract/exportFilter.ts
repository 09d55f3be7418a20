import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../helpers/outcomes';
import { splitValues } from '../../helpers/validation';
import { programLocator, readProgramId } from '../common/programLocator';
import { STATIC_LIST } from '../staticList/common';
import { readRecordId, recordLocator, type RecordKind } from '../staticList/recordOperations';
import { exportKind, type ExportObject, type ExportTarget, type FilterType } from './exportKinds';

/** Marketo's limit: a createdAt / updatedAt filter spans at most 31 days. */
export const MAX_RANGE_DAYS = 31;
const MAX_RANGE_MS = MAX_RANGE_DAYS * 86_400_000;

const SMART_LIST: RecordKind = {
	resource: 'bulkExtract',
	noun: 'smart list',
	displayName: 'Smart List',
	parameter: 'smartListId',
	path: '/rest/asset/v1/smartLists.json',
	urlCode: 'SL',
	searchListMethod: 'searchSmartLists',
	filters: [],
};

const dateFilters: FilterType[] = ['createdAt', 'updatedAt'];

function dateRangeProperties(show: Record<string, string[]>, required: boolean): INodeProperties[] {
	return [
		{
			displayName: 'From',
			name: 'startAt',
			type: 'dateTime',
			default: '',
			required,
			displayOptions: { show },
			description: required
				? 'Start of the date range (inclusive). Ranges longer than 31 days are split into consecutive jobs, run one after another.'
				: 'Start of the updated-at range (inclusive), or empty for every member. Ranges longer than 31 days are split into consecutive jobs.',
		},
		{
			displayName: 'To',
			name: 'endAt',
			type: 'dateTime',
			default: '',
			required,
			displayOptions: { show },
			description: required ? 'End of the date range (inclusive)' : 'End of the updated-at range (inclusive), or empty for every member',
		},
	];
}

/** The filter type selector of a kind, with its options from the kinds table. */
const filterSelector = (kind: ExportObject) => ({
	displayName: 'Filter',
	name: 'exportFilter',
	type: 'options' as const,
	displayOptions: { show: { exportObject: [kind] } },
	options: exportKind(kind).filterTypes,
	description: 'Which records go into the export (Marketo allows one filter type per job)',
});

/** The Extract fields that pick the records: one filter type selector per kind, from the kinds table. */
export const filterProperties: INodeProperties[] = [
	{ ...filterSelector('leads'), default: 'createdAt' },
	{ ...filterSelector('activities'), default: 'createdAt' },
	{ ...filterSelector('programMembers'), default: 'program' },
	{ ...filterSelector('customObject'), default: 'updatedAt' },
	...dateRangeProperties({ exportFilter: dateFilters }, true),
	...dateRangeProperties({ exportObject: ['programMembers'] }, false),
	{ ...recordLocator(STATIC_LIST, 'The static list whose members to export'), displayOptions: { show: { exportFilter: ['staticList'] } } },
	{ ...recordLocator(SMART_LIST, 'The smart list whose members to export'), displayOptions: { show: { exportFilter: ['smartList'] } } },
	{ ...programLocator('The program whose members to export'), displayOptions: { show: { exportObject: ['programMembers'] } } },
	{
		displayName: 'Activity Filters',
		name: 'activityFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { exportObject: ['activities'] } },
		options: [
			{
				displayName: 'Activity Type Names or IDs',
				name: 'activityTypeIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getActivityTypes' },
				default: [],
				description: 'Only these activity types (all when empty; Delete Lead is not exported). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Primary Attribute Value IDs',
				name: 'primaryAttributeValueIds',
				type: 'string',
				default: '',
				placeholder: '1001, 1002',
				description: 'Only activities on these assets or fields (IDs, separated by commas; at most 50)',
			},
			{
				displayName: 'Primary Attribute Values',
				name: 'primaryAttributeValues',
				type: 'string',
				default: '',
				placeholder: 'Newsletter - January',
				description: 'Only activities whose primary attribute has one of these values (separated by commas)',
			},
		],
	},
	{
		displayName: 'Member Filters',
		name: 'memberFilters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { exportObject: ['programMembers'] } },
		options: [
			{
				displayName: 'Status Names',
				name: 'statusNames',
				type: 'string',
				default: '',
				placeholder: 'Registered, Attended',
				description: 'Only members with one of these program statuses (separated by commas)',
			},
			{
				displayName: 'Exhausted Content Only',
				name: 'isExhausted',
				type: 'boolean',
				default: false,
				description: 'Whether to export only members who have exhausted the content of an engagement program',
			},
			{
				displayName: 'Nurture Cadence',
				name: 'nurtureCadence',
				type: 'options',
				options: [
					{ name: 'Normal', value: 'normal' },
					{ name: 'Paused', value: 'paused' },
				],
				default: 'normal',
				description: 'Only members with this cadence in an engagement program',
			},
		],
	},
];

/** One date window of at most 31 days, as Marketo's DateRange wants it (ISO 8601, whole seconds). */
export interface DateWindow {
	startAt: string;
	endAt: string;
}

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Consecutive windows covering [start, end], both ends included as Marketo includes them: a range
 * of at most 31 days is one window; a longer one is cut into windows of 31 days less one second,
 * each starting one second after the previous one ends, so no record is in two windows or none.
 */
export function splitRange(startMs: number, endMs: number): DateWindow[] {
	const start = Math.floor(startMs / 1000) * 1000;
	const end = Math.floor(endMs / 1000) * 1000;
	const windows: DateWindow[] = [];
	for (let from = start; from <= end; from += MAX_RANGE_MS) {
		const to = end - from <= MAX_RANGE_MS ? end : from + MAX_RANGE_MS - 1000;
		windows.push({ startAt: isoSeconds(from), endAt: isoSeconds(to) });
		if (to === end) break;
	}
	return windows;
}

function readRange(ctx: IExecuteFunctions, itemIndex: number, required: boolean): DateWindow[] | undefined {
	const raw = ['startAt', 'endAt'].map((name) => String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim());
	if (!required && raw.every((value) => value === '')) return undefined;
	const [start, end] = raw.map((value, index) => {
		const field = index === 0 ? 'From' : 'To';
		if (!value) throw new ItemInputError(itemIndex, field, 'is empty; enter a date (both ends of the range are needed)');
		const ms = Date.parse(value);
		if (Number.isNaN(ms)) throw new ItemInputError(itemIndex, field, `"${value}" is not a date`);
		return ms;
	});
	if (end < start) throw new ItemInputError(itemIndex, 'To', `is before From (${raw[1]} < ${raw[0]})`);
	return splitRange(start, end);
}

function idList(itemIndex: number, field: string, value: unknown): number[] {
	return splitValues(value).map((text) => {
		const id = Number(text);
		if (!Number.isInteger(id) || id <= 0) throw new ItemInputError(itemIndex, field, `"${text}" is not an ID (a positive whole number)`);
		return id;
	});
}

function activityFilter(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = ctx.getNodeParameter('activityFilters', itemIndex, {}) as IDataObject;
	const typeIds = idList(itemIndex, 'Activity Type Names or IDs', options.activityTypeIds ?? []);
	const valueIds = idList(itemIndex, 'Primary Attribute Value IDs', options.primaryAttributeValueIds ?? '');
	if (valueIds.length > 50) throw new ItemInputError(itemIndex, 'Primary Attribute Value IDs', `has ${valueIds.length} IDs; Marketo takes at most 50`);
	const values = splitValues(options.primaryAttributeValues ?? '');
	return {
		...(typeIds.length ? { activityTypeIds: typeIds } : {}),
		...(valueIds.length ? { primaryAttributeValueIds: valueIds } : {}),
		...(values.length ? { primaryAttributeValues: values } : {}),
	};
}

function memberFilter(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = ctx.getNodeParameter('memberFilters', itemIndex, {}) as IDataObject;
	const statusNames = splitValues(options.statusNames ?? '');
	return {
		programId: readProgramId(ctx, itemIndex),
		...(statusNames.length ? { statusNames } : {}),
		...(options.isExhausted ? { isExhausted: true } : {}),
		...(options.nurtureCadence ? { nurtureCadence: options.nurtureCadence } : {}),
	};
}

/**
 * The `filter` of each job the item needs, in order: a date range longer than 31 days becomes
 * one job per window; the other filters are the same in every job.
 */
export function readJobFilters(ctx: IExecuteFunctions, itemIndex: number, target: ExportTarget): Array<{ filter: IDataObject; window?: DateWindow }> {
	const type = (target.kind.filterTypes.length === 1 ? target.kind.filterTypes[0].value : ctx.getNodeParameter('exportFilter', itemIndex)) as FilterType;
	let base: IDataObject = {};
	let dateField: string | undefined = dateFilters.includes(type) ? type : undefined;
	if (type === 'staticList') base = { staticListId: readRecordId(ctx, itemIndex, STATIC_LIST) };
	if (type === 'smartList') base = { smartListId: readRecordId(ctx, itemIndex, SMART_LIST) };
	if (target.kind.value === 'activities') base = activityFilter(ctx, itemIndex);
	if (type === 'program') {
		base = memberFilter(ctx, itemIndex);
		dateField = 'updatedAt';
	}
	const windows = dateField ? readRange(ctx, itemIndex, type !== 'program') : undefined;
	if (!dateField || !windows) return [{ filter: base }];
	return windows.map((window) => ({ filter: { ...base, [dateField]: window }, window }));
}
