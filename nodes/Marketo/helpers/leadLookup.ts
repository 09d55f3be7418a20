import type { MarketoContext } from '../transport';
import { lookupRecords, recordLookupOutcome, type RecordLookupResult, type RecordQuery } from './recordLookup';

/** What Marketo returns when `fields` is not given. */
export const DEFAULT_LEAD_FIELDS = ['id', 'firstName', 'lastName', 'email', 'updatedAt', 'createdAt'];

/** Filter types that are not a field of the returned lead, so results can't be matched to values. */
const UNMATCHABLE_FILTER_TYPES = new Set(['cookies', 'cookie']);

export type LeadQuery = RecordQuery;
export type LeadLookupResult = RecordLookupResult;

/**
 * Finds leads for many items with as few calls as Marketo allows: the items' filter values are
 * pooled, 300 per call, paged, and every lead is handed back to the items whose value it matches.
 */
export async function lookupLeads(ctx: MarketoContext, filterType: string, fields: string[], queries: LeadQuery[]): Promise<LeadLookupResult> {
	return await lookupRecords(
		ctx,
		{
			path: '/rest/v1/leads.json',
			filterType,
			fields: fields.length > 0 ? fields : DEFAULT_LEAD_FIELDS,
			idField: 'id',
			unmatchable: UNMATCHABLE_FILTER_TYPES.has(filterType),
		},
		queries,
	);
}

/** The item's outcome from a lookup; `whenNone` turns "no lead matched" into an error (Get by id). */
export const lookupOutcome = recordLookupOutcome;
