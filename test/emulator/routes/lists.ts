import { MarketoFailure, marketoErrors } from '../errors';
import { DEFAULT_LEAD_FIELDS, leadField } from '../leads/leadFields';
import { listsOf, type ListStore } from '../lists/ListStore';
import { integerParam, leadIdsOf, listParam, matchingAny, pageOf } from '../lists/queryParams';
import type { Lead } from '../types';
import type { Route, RouteContext, RouteRequest } from './route';

const INTEGER = /^\d+$/;

type MemberStatus = { status: string; reasons?: Array<{ code: string; message: string }> };

/** What each list-membership endpoint does to one lead that exists; unknown leads are skipped with 1004 by all. */
const MEMBERSHIP_VERBS: ReadonlyArray<{ method: Route['method']; path: string; apply(lists: ListStore, listId: number, leadId: number): MemberStatus }> = [
	{
		method: 'POST',
		path: '/rest/v1/lists/{listId}/leads.json',
		apply: (lists, listId, leadId) => {
			lists.addMember(listId, leadId);
			return { status: 'added' };
		},
	},
	{
		method: 'DELETE',
		path: '/rest/v1/lists/{listId}/leads.json',
		apply: (lists, listId, leadId) => {
			if (!lists.isMember(listId, leadId)) return { status: 'skipped', reasons: [{ code: '1015', message: 'Lead not in list' }] };
			lists.removeMember(listId, leadId);
			return { status: 'removed' };
		},
	},
	{
		method: 'GET',
		path: '/rest/v1/lists/{listId}/leads/ismember.json',
		apply: (lists, listId, leadId) => ({ status: lists.isMember(listId, leadId) ? 'memberof' : 'notmemberof' }),
	},
];

/** The list named by the path; Marketo answers an unknown one with 1013. */
function listOf({ pathParams }: RouteRequest, context: RouteContext): { lists: ListStore; listId: number } {
	const lists = listsOf(context);
	const listId = integerParam(pathParams.listId);
	if (!lists.get(listId)) throw new MarketoFailure({ code: '1013', message: `Static list '${listId}' not found` });
	return { lists, listId };
}

function requestedFields(fields: string | undefined): readonly string[] {
	const names = listParam(fields);
	const unknown = names.find((name) => leadField(name) === undefined);
	if (unknown !== undefined) throw new MarketoFailure(marketoErrors.fieldNotFound(unknown));
	return names.length > 0 ? names : DEFAULT_LEAD_FIELDS;
}

function project(lead: Lead, fields: readonly string[]): Record<string, unknown> {
	return Object.fromEntries([['id', lead.id], ...fields.map((name) => [name, lead[name] ?? null])]);
}

export const listRoutes: Route[] = [
	{
		method: 'GET',
		path: '/rest/v1/lists.json',
		handle: ({ params }, context) => {
			listParam(params.id).forEach(integerParam);
			let found = listsOf(context).all();
			found = matchingAny(found, params.id, (list) => list.id);
			found = matchingAny(found, params.name, (list) => list.name);
			found = matchingAny(found, params.programName, (list) => list.programName);
			found = matchingAny(found, params.workspaceName, (list) => list.workspaceName);
			const query = ['id', 'name', 'programName', 'workspaceName'].map((key) => params[key] ?? '').join('\n');
			return pageOf(found, params, `lists\n${query}`);
		},
	},
	{
		method: 'GET',
		path: '/rest/v1/lists/{listId}/leads.json',
		handle: (request, context) => {
			const { lists, listId } = listOf(request, context);
			const fields = requestedFields(request.params.fields);
			const members = lists.membersOf(listId).map((lead) => project(lead, fields));
			return pageOf(members, request.params, `members\n${listId}\n${fields.join(',')}`);
		},
	},
	...MEMBERSHIP_VERBS.map(
		({ method, path, apply }): Route => ({
			method,
			path,
			jsonBody: method !== 'GET',
			handle: (request, context) => {
				const { lists, listId } = listOf(request, context);
				return {
					result: leadIdsOf(request.params, request.body).map((raw) => {
						if (!INTEGER.test(raw)) return { status: 'skipped', reasons: [marketoErrors.invalidValueType(raw, 'Integer')] };
						const id = Number(raw);
						if (!context.leads.get(id)) return { id, status: 'skipped', reasons: [marketoErrors.leadNotFound()] };
						return { id, ...apply(lists, listId, id) };
					}),
				};
			},
		}),
	),
];
