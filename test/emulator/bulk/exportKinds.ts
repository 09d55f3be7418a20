import { formatCsvRow } from '../../../nodes/Marketo/helpers/csv';
import { activitiesOf, type Activity } from '../activities/ActivityStore';
import { DELETE_LEAD } from '../activities/activityTypes';
import { assetsOf } from '../assets/AssetStore';
import { crmObjectsOf } from '../crmObjects/crmObjects';
import type { ObjectStore } from '../crmObjects/ObjectStore';
import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { leadField } from '../leads/leadFields';
import { listsOf } from '../lists/ListStore';
import { memberField } from '../programs/memberFields';
import { programsOf } from '../programs/ProgramStore';
import type { LeadStore } from '../leads/LeadStore';
import type { Lead } from '../types';
import type { ExportFile } from './exportJobs';

/** Marketo's limit for a createdAt / updatedAt filter: the range may span at most 31 days. */
export const MAX_RANGE_DAYS = 31;
/** primaryAttributeValueIds takes at most 50 ids. */
const MAX_PRIMARY_ATTRIBUTE_IDS = 50;

/** The fields an activity export may hold (ExportActivityRequest.fields) and their order by default. */
export const ACTIVITY_EXPORT_FIELDS = ['marketoGUID', 'leadId', 'activityDate', 'activityTypeId', 'campaignId', 'primaryAttributeValueId', 'primaryAttributeValue', 'attributes', 'actionResult'];

type Filter = Record<string, unknown>;
/** What picking records needs: the instance, through its LeadStore. */
type Instance = { readonly leads: LeadStore };
type Row = Record<string, unknown>;

export interface ExportRequest {
	fields: string[];
	filter: Filter;
}

/** One kind of export: its path below /bulk/v1/, its filters, and how it picks and writes records. */
export interface ExportKind {
	/** `leads`, `activities`, `program/members`, `customobjects/{apiName}`. */
	path: string;
	/** Checks the request as Marketo does at create time and returns what writes the file when the job runs. */
	prepare(request: ExportRequest, context: Instance, pathParams: Record<string, string>): () => ExportFile;
	/** The request of the fresh instance's demo jobs, and their path (apiName filled in). */
	demo: { path: string; request: ExportRequest; pathParams: Record<string, string> };
}

const JANUARY_2024 = { startAt: '2024-01-01T00:00:00Z', endAt: '2024-01-31T23:59:59Z' };

const invalid = (message: string) => new MarketoFailure(marketoErrors.invalidData(message));
const notFound = (what: string) => new MarketoFailure({ code: '1013', message: `${what} not found` });

/** The body of a create call: `fields` (non-empty, strings) and a `filter` object; only the CSV format. */
export function exportRequestOf(body: unknown): ExportRequest {
	if (!isRecord(body)) throw new MarketoFailure(marketoErrors.missingParameter('filter'));
	if (body.format !== undefined && body.format !== 'CSV') throw invalid(`Format '${String(body.format)}' is not supported by the emulator (CSV only)`);
	if (!isRecord(body.filter)) throw new MarketoFailure(marketoErrors.missingParameter('filter'));
	const { fields } = body;
	if (fields !== undefined && (!Array.isArray(fields) || fields.some((name) => typeof name !== 'string'))) throw invalid('fields must be an array of field names');
	return { fields: (fields as string[] | undefined) ?? [], filter: body.filter };
}

/** A createdAt / updatedAt filter: ISO 8601 startAt and endAt, both inclusive, at most 31 days apart. */
function dateRange(filter: Filter, name: string): { start: number; end: number } | undefined {
	const range = filter[name];
	if (range === undefined) return undefined;
	if (!isRecord(range)) throw invalid(`${name} must be an object with startAt and endAt`);
	const [start, end] = [Date.parse(String(range.startAt)), Date.parse(String(range.endAt))];
	if (Number.isNaN(start) || Number.isNaN(end)) throw invalid(`${name}.startAt and ${name}.endAt must be ISO 8601 datetimes`);
	if (end < start) throw invalid(`${name}.endAt is before ${name}.startAt`);
	if (end - start > MAX_RANGE_DAYS * 86_400_000) throw invalid(`Date range of ${name} exceeds ${MAX_RANGE_DAYS} days`);
	return { start, end };
}

const within = (value: unknown, range: { start: number; end: number } | undefined) => {
	if (!range) return true;
	const at = Date.parse(String(value));
	return at >= range.start && at <= range.end;
};

/** Filters of which exactly one must be given (leads, custom objects: "only one filter type per job"). */
function oneFilterOf(filter: Filter, allowed: readonly string[]): string {
	const given = Object.keys(filter);
	const unknown = given.filter((name) => !allowed.includes(name));
	if (unknown.length > 0) throw invalid(`Unsupported filter type '${unknown[0]}'`);
	if (given.length !== 1) throw invalid(`Exactly one filter type is allowed per export job (one of ${allowed.join(', ')}), got ${given.length}`);
	return given[0];
}

function checkedFields(fields: string[], known: (name: string) => boolean): string[] {
	if (fields.length === 0) throw new MarketoFailure(marketoErrors.missingParameter('fields'));
	const unknown = fields.find((name) => !known(name));
	if (unknown !== undefined) throw new MarketoFailure(marketoErrors.fieldNotFound(unknown));
	return fields;
}

/** The file: a header of field names, one line per record, in CSV as Marketo writes it. */
function csvFile(fields: string[], records: Iterable<Row>): ExportFile {
	const lines = [formatCsvRow(fields)];
	for (const record of records) lines.push(formatCsvRow(fields.map((name) => record[name])));
	return { bytes: Buffer.from(`${lines.join('\n')}\n`), records: lines.length - 1 };
}

/** Leads selected by a static list (id or name) or a smart list (id or name); undefined for other filters. */
function leadsOfList(filter: Filter, context: Instance): Lead[] | undefined {
	const lists = listsOf(context);
	if ('staticListId' in filter || 'staticListName' in filter) {
		const list = lists.all().find((candidate) => candidate.id === Number(filter.staticListId) || candidate.name === filter.staticListName);
		if (!list) throw notFound(`Static list '${String(filter.staticListId ?? filter.staticListName)}'`);
		return lists.membersOf(list.id);
	}
	if ('smartListId' in filter || 'smartListName' in filter) {
		const smartList = assetsOf(context)
			.all('smartList')
			.find((asset) => asset.id === Number(filter.smartListId) || asset.approved?.name === filter.smartListName);
		if (!smartList) throw notFound(`Smart list '${String(filter.smartListId ?? filter.smartListName)}'`);
		const rules = (smartList.approved?.rules ?? {}) as { filters?: Array<{ conditions?: Array<{ activityAttributeName?: string; values?: unknown[] }> }> };
		return context.leads.all().filter((lead) => matchesSmartList(lead, rules.filters ?? []));
	}
	return undefined;
}

/**
 * The emulator's smart lists know one kind of filter: "<lead field display name> is <values>".
 * A smart list without filters selects nobody (Marketo refuses a filter that selects everything).
 */
function matchesSmartList(lead: Lead, filters: Array<{ conditions?: Array<{ activityAttributeName?: string; values?: unknown[] }> }>): boolean {
	if (filters.length === 0) return false;
	return filters.every((rule) =>
		(rule.conditions ?? []).every((condition) => {
			const field = [...Object.keys(lead)].find((name) => leadField(name)?.displayName === condition.activityAttributeName);
			return field !== undefined && (condition.values ?? []).map(String).includes(String(lead[field]));
		}),
	);
}

const LEAD_FILTERS = ['createdAt', 'updatedAt', 'staticListId', 'staticListName', 'smartListId', 'smartListName'];

const leads: ExportKind = {
	path: 'leads',
	prepare({ fields, filter }, context) {
		const columns = checkedFields(fields, (name) => leadField(name) !== undefined);
		const type = oneFilterOf(filter, LEAD_FILTERS);
		const range = dateRange(filter, type === 'createdAt' || type === 'updatedAt' ? type : '');
		const listed = leadsOfList(filter, context);
		return () => csvFile(columns, listed ?? context.leads.all().filter((lead) => within(lead[type], range)));
	},
	demo: { path: 'leads', request: { fields: ['id', 'email', 'firstName', 'lastName'], filter: { createdAt: JANUARY_2024 } }, pathParams: {} },
};

const activities: ExportKind = {
	path: 'activities',
	prepare({ fields, filter }, context) {
		const columns = fields.length === 0 ? ACTIVITY_EXPORT_FIELDS : checkedFields(fields, (name) => ACTIVITY_EXPORT_FIELDS.includes(name));
		const unknown = Object.keys(filter).find((name) => !['createdAt', 'activityTypeIds', 'primaryAttributeValueIds', 'primaryAttributeValues'].includes(name));
		if (unknown) throw invalid(`Unsupported filter type '${unknown}'`);
		const range = dateRange(filter, 'createdAt');
		if (!range) throw new MarketoFailure(marketoErrors.missingParameter('createdAt'));
		const typeIds = (filter.activityTypeIds as number[] | undefined) ?? [];
		if (typeIds.includes(DELETE_LEAD)) throw invalid('Activity type Delete Lead is not supported: use Get Deleted Leads');
		const attributeIds = (filter.primaryAttributeValueIds as number[] | undefined) ?? [];
		if (attributeIds.length > MAX_PRIMARY_ATTRIBUTE_IDS) throw invalid(`primaryAttributeValueIds has ${attributeIds.length} ids; the maximum is ${MAX_PRIMARY_ATTRIBUTE_IDS}`);
		const attributeValues = ((filter.primaryAttributeValues as unknown[] | undefined) ?? []).map(String);
		const keep = (activity: Activity) =>
			within(activity.activityDate, range) &&
			activity.activityTypeId !== DELETE_LEAD &&
			(typeIds.length === 0 || typeIds.includes(activity.activityTypeId)) &&
			(attributeIds.length === 0 || attributeIds.includes(Number(activity.primaryAttributeValueId))) &&
			(attributeValues.length === 0 || attributeValues.includes(String(activity.primaryAttributeValue)));
		return () => csvFile(columns, activitiesOf(context).all().filter(keep) as unknown as Row[]);
	},
	demo: { path: 'activities', request: { fields: ACTIVITY_EXPORT_FIELDS, filter: { createdAt: JANUARY_2024 } }, pathParams: {} },
};

const MEMBER_FILTERS = ['programId', 'programIds', 'isExhausted', 'nurtureCadence', 'statusNames', 'updatedAt'];

const programMembers: ExportKind = {
	path: 'program/members',
	prepare({ fields, filter }, context) {
		// A program member file may hold membership fields and the member's lead fields.
		const columns = checkedFields(fields, (name) => memberField(name) !== undefined || leadField(name) !== undefined);
		const unknown = Object.keys(filter).find((name) => !MEMBER_FILTERS.includes(name));
		if (unknown) throw invalid(`Unsupported filter type '${unknown}'`);
		if (('programId' in filter) === ('programIds' in filter)) throw invalid('Give exactly one of programId and programIds');
		const programs = programsOf(context);
		const ids = 'programId' in filter ? [Number(filter.programId)] : ((filter.programIds as number[]) ?? []).map(Number);
		const missing = ids.find((id) => !programs.get(id));
		if (missing !== undefined) throw notFound(`Program '${missing}'`);
		const range = dateRange(filter, 'updatedAt');
		const statuses = (filter.statusNames as string[] | undefined) ?? [];
		return () =>
			csvFile(
				columns,
				ids
					.flatMap((id) => programs.membersOf(id))
					.filter((member) => within(member.updatedAt, range) && (statuses.length === 0 || statuses.includes(member.statusName)))
					.map((member) => ({ ...context.leads.get(member.leadId), ...member })),
			);
	},
	demo: { path: 'program/members', request: { fields: ['leadId', 'email', 'statusName', 'registrationCode'], filter: { programId: 1001 } }, pathParams: {} },
};

const CUSTOM_OBJECT_FILTERS = ['updatedAt', 'staticListId', 'staticListName', 'smartListId', 'smartListName'];

const customObjects: ExportKind = {
	path: 'customobjects/{apiName}',
	prepare({ fields, filter }, context, { apiName }) {
		const store: ObjectStore | undefined = crmObjectsOf(context).custom(apiName);
		if (!store) throw invalid(`Custom object type '${apiName}' not found`);
		const columns = checkedFields(fields, (name) => store.field(name) !== undefined);
		const type = oneFilterOf(filter, CUSTOM_OBJECT_FILTERS);
		const range = dateRange(filter, type === 'updatedAt' ? type : '');
		// List filters select the records linked to the listed leads (by their leadId field).
		const listed = leadsOfList(filter, context);
		const leadIds = listed && new Set(listed.map((lead) => lead.id));
		return () => csvFile(columns, store.all().filter((record) => within(record.updatedAt, range) && (!leadIds || leadIds.has(Number(record.leadId)))));
	},
	demo: { path: 'customobjects/car_c', request: { fields: ['vin', 'make', 'model', 'leadId'], filter: { staticListId: 1001 } }, pathParams: { apiName: 'car_c' } },
};

/** Every kind of export, one table: routes are made from it. */
export const EXPORT_KINDS: readonly ExportKind[] = [leads, activities, programMembers, customObjects];
