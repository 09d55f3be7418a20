import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { marketoTimestamp } from '../leads/leadValues';
import { integerParam, listParam, pageOf } from '../lists/queryParams';
import { ALWAYS_RETURNED, MEMBER_FIELDS, memberField } from '../programs/memberFields';
import { programsOf, type Member, type MemberValue, type ProgramStore } from '../programs/ProgramStore';
import { LEAD_BATCH_LIMIT } from '../rules';
import type { Route, RouteContext, RouteRequest } from './route';

type Reason = { code: string; message: string };
type RecordStatus = { status: string; reasons?: Reason[] };

const DESCRIBED_AT = marketoTimestamp(Date.parse('2023-06-01T12:00:00Z'));

/** What Get Program Members returns when `fields` is not given. */
const DEFAULT_MEMBER_FIELDS = [...ALWAYS_RETURNED, 'statusName'];

/** The program named by the path; an unknown one is 1013, as for other missing objects. */
function programOf({ pathParams }: RouteRequest, context: RouteContext): { programs: ProgramStore; programId: number } {
	const programs = programsOf(context);
	const programId = integerParam(pathParams.programId);
	if (!programs.get(programId)) throw new MarketoFailure({ code: '1013', message: `Program '${programId}' not found` });
	return { programs, programId };
}

/** The `input` of a member write: 1–300 records (1002 without, 1003 past 300). */
function inputOf(body: unknown): Array<Record<string, unknown>> {
	if (!isRecord(body) || !Array.isArray(body.input) || body.input.length === 0) throw new MarketoFailure(marketoErrors.missingParameter('input'));
	if (body.input.length > LEAD_BATCH_LIMIT) {
		throw new MarketoFailure(marketoErrors.invalidData(`${body.input.length} records given; the maximum is ${LEAD_BATCH_LIMIT}`));
	}
	return body.input.map((record) => (isRecord(record) ? record : {}));
}

const notFound = (leadId: unknown): Reason => ({ code: '1004', message: `Lead '${String(leadId)}' not found` });
const notMember = (leadId: unknown): Reason => ({ code: '1004', message: `Lead '${String(leadId)}' is not a member of the program` });

/** Record-level results carry `seq` (the record's position in the input), `leadId` and `status`. */
function eachRecord(input: Array<Record<string, unknown>>, apply: (record: Record<string, unknown>) => RecordStatus) {
	return input.map((record, seq) => ({ seq, leadId: record.leadId, ...apply(record) }));
}

function memberValue(name: string, value: unknown): { value: MemberValue } | { reason: Reason } {
	const field = memberField(name);
	if (!field) return { reason: marketoErrors.fieldNotFound(name) };
	if (!field.updateable) return { reason: marketoErrors.invalidData(`Field '${name}' is not updateable`) };
	if (value === null) return { value: null };
	if (field.dataType === 'integer') {
		return /^-?\d+$/.test(String(value).trim()) ? { value: Number(value) } : { reason: marketoErrors.invalidValueType(String(value), 'Integer') };
	}
	return typeof value === 'object' ? { reason: marketoErrors.invalidData(`Invalid value for field '${name}'`) } : { value: String(value) };
}

function project(member: Member, fields: readonly string[], seq: number): Record<string, unknown> {
	return Object.fromEntries([['seq', seq], ...[...new Set([...ALWAYS_RETURNED, ...fields])].map((name) => [name, member[name] ?? null])]);
}

export const programMemberRoutes: Route[] = [
	{
		method: 'GET',
		path: '/rest/v1/programs/members/describe.json',
		handle: () => ({
			result: [
				{
					name: 'API Program Member',
					description: 'API Program Member Map',
					createdAt: DESCRIBED_AT,
					updatedAt: DESCRIBED_AT,
					dedupeFields: ['leadId', 'programId'],
					searchableFields: MEMBER_FIELDS.filter((field) => field.searchable).map((field) => [field.name]),
					fields: MEMBER_FIELDS.map(({ name, displayName, dataType, length, updateable }) => ({
						name,
						displayName,
						dataType,
						...(length ? { length } : {}),
						updateable,
						crmManaged: false,
					})),
				},
			],
		}),
	},
	{
		method: 'GET',
		path: '/rest/v1/programs/{programId}/members.json',
		handle: (request, context) => {
			const { programs, programId } = programOf(request, context);
			const { filterType, filterValues } = request.params;
			if (!filterType) throw new MarketoFailure(marketoErrors.missingParameter('filterType'));
			const filterField = memberField(filterType);
			const filterable = filterField?.searchable || (filterField?.custom && ['string', 'integer'].includes(filterField.dataType));
			if (!filterable) throw new MarketoFailure(marketoErrors.invalidData(`Invalid filterType '${filterType}'`));
			const values = listParam(filterValues).map((value) => value.toLowerCase());
			if (values.length === 0) throw new MarketoFailure(marketoErrors.missingParameter('filterValues'));
			if (values.length > LEAD_BATCH_LIMIT) {
				throw new MarketoFailure(marketoErrors.invalidData(`filterValues has ${values.length} values; the maximum is ${LEAD_BATCH_LIMIT}`));
			}
			const fields = listParam(request.params.fields);
			const unknown = fields.find((name) => memberField(name) === undefined);
			if (unknown !== undefined) throw new MarketoFailure(marketoErrors.fieldNotFound(unknown));
			const returned = fields.length > 0 ? fields : DEFAULT_MEMBER_FIELDS;
			const matches = programs.membersOf(programId).filter((member) => values.includes(String(member[filterType] ?? '').toLowerCase()));
			const page = pageOf(matches, request.params, `members\n${programId}\n${filterType}\n${values.join(',')}\n${returned.join(',')}`);
			return { ...page, result: (page.result as Member[]).map((member, seq) => project(member, returned, seq)) };
		},
	},
	{
		method: 'POST',
		path: '/rest/v1/programs/{programId}/members/status.json',
		jsonBody: true,
		handle: (request, context) => {
			const { programs, programId } = programOf(request, context);
			const body = isRecord(request.body) ? request.body : {};
			if (typeof body.statusName !== 'string' || body.statusName === '') throw new MarketoFailure(marketoErrors.missingParameter('statusName'));
			const statusName = body.statusName;
			const status = programs.channelOf(programId).progressionStatuses.find((candidate) => candidate.name === statusName && !candidate.hidden);
			if (!status) throw new MarketoFailure(marketoErrors.invalidData(`Invalid statusName '${statusName}' for the program's channel`));
			const result = eachRecord(inputOf(request.body), ({ leadId }) => {
				if (!Number.isInteger(leadId) || !context.leads.get(leadId as number)) return { status: 'skipped', reasons: [notFound(leadId)] };
				programs.setStatus(programId, leadId as number, statusName, context.now);
				return { status: 'updated' };
			});
			return { result };
		},
	},
	{
		method: 'POST',
		path: '/rest/v1/programs/{programId}/members.json',
		jsonBody: true,
		handle: (request, context) => {
			const { programs, programId } = programOf(request, context);
			const result = eachRecord(inputOf(request.body), ({ leadId, ...fields }) => {
				if (!Number.isInteger(leadId) || !programs.member(programId, leadId as number)) return { status: 'skipped', reasons: [notMember(leadId)] };
				if (Object.keys(fields).length === 0) return { status: 'skipped', reasons: [marketoErrors.invalidData('No fields to update')] };
				const values: Record<string, MemberValue> = {};
				for (const [name, raw] of Object.entries(fields)) {
					const checked = memberValue(name, raw);
					if ('reason' in checked) return { status: 'skipped', reasons: [checked.reason] };
					values[name] = checked.value;
				}
				programs.update(programId, leadId as number, values, context.now);
				return { status: 'updated' };
			});
			return { result };
		},
	},
	{
		method: 'POST',
		path: '/rest/v1/programs/{programId}/members/delete.json',
		jsonBody: true,
		handle: (request, context) => {
			const { programs, programId } = programOf(request, context);
			const result = eachRecord(inputOf(request.body), ({ leadId }) => {
				if (!Number.isInteger(leadId) || !programs.member(programId, leadId as number)) return { status: 'skipped', reasons: [notMember(leadId)] };
				programs.remove(programId, leadId as number);
				return { status: 'deleted' };
			});
			return { result };
		},
	},
];
