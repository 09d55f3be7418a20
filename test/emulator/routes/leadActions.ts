import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { syncLeads } from '../leads/syncLeads';
import type { Route } from './route';

const MUNCHKIN_COOKIE = /^id:\d{3}-[A-Z]{3}-\d{3}&token:_mch-\S+$/i;

function leadIdParam(value: string | undefined): number {
	const id = Number(value);
	if (!Number.isInteger(id) || id < 1) throw new MarketoFailure(marketoErrors.invalidData(`Invalid lead id '${value}'`));
	return id;
}

function existingLead(id: number, leads: { get(id: number): unknown }): void {
	// Marketo answers an unknown lead on these endpoints with 1004 as a response-level error.
	if (!leads.get(id)) throw new MarketoFailure({ code: '1004', message: `Lead '${id}' not found` });
}

export const leadActionRoutes: Route[] = [
	{
		method: 'POST',
		path: '/rest/v1/leads/{leadId}/merge.json',
		handle: ({ pathParams, params }, { leads }) => {
			const winner = leadIdParam(pathParams.leadId);
			existingLead(winner, leads);
			const losers = (params.leadIds ?? params.leadId ?? '').split(',').filter(Boolean).map(leadIdParam);
			if (losers.length === 0) throw new MarketoFailure(marketoErrors.missingParameter('leadId'));
			losers.forEach((id) => existingLead(id, leads));
			losers.forEach((id) => leads.delete(id));
			return { result: [] };
		},
	},
	{
		method: 'POST',
		path: '/rest/v1/leads/{leadId}/associate.json',
		handle: ({ pathParams, params }, { leads }) => {
			const leadId = leadIdParam(pathParams.leadId);
			existingLead(leadId, leads);
			if (!params.cookie || !MUNCHKIN_COOKIE.test(params.cookie)) {
				throw new MarketoFailure({ code: '1012', message: `Invalid cookie value '${params.cookie ?? ''}'` });
			}
			return { result: [] };
		},
	},
	{
		method: 'POST',
		path: '/rest/v1/leads/push.json',
		jsonBody: true,
		handle: ({ body }, { leads, now }) => {
			if (!isRecord(body) || typeof body.programName !== 'string' || !body.programName) {
				throw new MarketoFailure(marketoErrors.missingParameter('programName'));
			}
			const results = syncLeads({ action: 'createOrUpdate', lookupField: body.lookupField, input: body.input }, leads, now);
			// As Adobe's example of a real answer shows it: a record not pushed has its reasons and no status.
			return { result: results.map((result) => (result.status === 'skipped' ? { reasons: result.reasons } : result)) };
		},
	},
	{
		method: 'POST',
		path: '/rest/v1/leads/submitForm.json',
		jsonBody: true,
		handle: ({ body }, { leads, now }) => {
			if (!isRecord(body) || !Number.isInteger(body.formId)) throw new MarketoFailure(marketoErrors.missingParameter('formId'));
			// The official description: "Single array item".
			if (!Array.isArray(body.input) || body.input.length !== 1 || !isRecord(body.input[0])) {
				throw new MarketoFailure(marketoErrors.invalidData('input must hold exactly one form submission'));
			}
			const fields = body.input[0].leadFormFields;
			const [result] = syncLeads({ action: 'createOrUpdate', lookupField: 'email', input: [fields] }, leads, now);
			return { result: [result] };
		},
	},
	{
		method: 'GET',
		path: '/rest/v1/leads/partitions.json',
		handle: () => ({ result: [{ id: 1, name: 'Default', description: 'Initial system lead partition' }] }),
	},
];
