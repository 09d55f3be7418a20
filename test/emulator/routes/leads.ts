import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { DEFAULT_LEAD_FIELDS, leadField } from '../leads/leadFields';
import { decodePageToken, encodePageToken } from '../leads/pagingToken';
import { checkedInput, syncLeads } from '../leads/syncLeads';
import { LEAD_BATCH_LIMIT } from '../rules';
import type { Lead } from '../types';
import type { Route } from './route';

const INTEGER = /^-?\d+$/;

export const leadRoutes: Route[] = [
	{
		method: 'GET',
		path: '/rest/v1/lead/{leadId}.json',
		handle: ({ pathParams, params }, { leads }) => {
			const id = integer(pathParams.leadId);
			const fields = requestedFields(params.fields);
			const lead = leads.get(id);
			// Marketo answers an unknown id with success and an empty result.
			return { result: lead ? [project(lead, fields)] : [] };
		},
	},
	{
		method: 'GET',
		path: '/rest/v1/leads.json',
		handle: ({ params }, { leads }) => {
			const { filterType, filterValues, batchSize, nextPageToken } = params;
			if (!filterType) throw new MarketoFailure(marketoErrors.missingParameter('filterType'));
			const field = leadField(filterType);
			if (!field?.searchable) throw new MarketoFailure(marketoErrors.invalidData(`Invalid filterType '${filterType}'`));
			if (!filterValues) throw new MarketoFailure(marketoErrors.missingParameter('filterValues'));
			let values = filterValues.split(',');
			if (values.length > LEAD_BATCH_LIMIT) {
				throw new MarketoFailure(marketoErrors.invalidData(`filterValues has ${values.length} values; the maximum is ${LEAD_BATCH_LIMIT}`));
			}
			if (field.dataType === 'integer') values = values.map((v) => String(integer(v)));
			const fields = requestedFields(params.fields);
			const size = batchSize === undefined ? LEAD_BATCH_LIMIT : integer(batchSize);
			if (size < 1 || size > LEAD_BATCH_LIMIT) {
				throw new MarketoFailure(marketoErrors.invalidData(`batchSize must be between 1 and ${LEAD_BATCH_LIMIT}, got ${size}`));
			}
			const query = `${filterType}\n${values.join(',')}`;
			const offset = nextPageToken === undefined ? 0 : decodePageToken(nextPageToken, query);
			if (offset === undefined) throw new MarketoFailure(marketoErrors.invalidData('Invalid nextPageToken'));

			const matches = leads.matching(filterType, values);
			const more = offset + size < matches.length;
			return {
				result: matches.slice(offset, offset + size).map((lead) => project(lead, fields)),
				moreResult: more,
				...(more ? { nextPageToken: encodePageToken(offset + size, query) } : {}),
			};
		},
	},
	{
		method: 'POST',
		path: '/rest/v1/leads.json',
		jsonBody: true,
		handle: ({ body }, { leads, now }) => ({ result: syncLeads(body, leads, now) }),
	},
	{
		method: 'POST',
		path: '/rest/v1/leads/delete.json',
		jsonBody: true,
		handle: ({ body, params }, { leads }) => {
			// Ids may come as ?id=1,2,3 when the body is empty (swagger-mapi: deleteLeadsUsingPOST).
			const input =
				body === undefined && params.id ? checkedInput(params.id.split(',').map((id) => ({ id }))) : checkedInput(isRecord(body) ? body.input : undefined);
			return {
				result: input.map((record) => {
					const raw = isRecord(record) ? record.id : undefined;
					if (!INTEGER.test(String(raw))) {
						return { status: 'skipped', reasons: [marketoErrors.invalidData('Each record needs an integer id')] };
					}
					const id = Number(raw);
					return leads.delete(id) ? { id, status: 'deleted' } : { id, status: 'skipped', reasons: [marketoErrors.leadNotFound()] };
				}),
			};
		},
	},
];

function integer(text: string): number {
	if (!INTEGER.test(text)) throw new MarketoFailure(marketoErrors.invalidValueType(text, 'Integer'));
	return Number(text);
}

function requestedFields(fields: string | undefined): readonly string[] {
	if (!fields) return DEFAULT_LEAD_FIELDS;
	const names = fields.split(',');
	const unknown = names.find((name) => leadField(name) === undefined);
	if (unknown !== undefined) throw new MarketoFailure(marketoErrors.fieldNotFound(unknown));
	return names;
}

/** Marketo always returns id, and null for a requested field without a value. */
function project(lead: Lead, fields: readonly string[]): Record<string, unknown> {
	const record: Record<string, unknown> = { id: lead.id };
	for (const name of fields) record[name] = lead[name] ?? null;
	return record;
}
