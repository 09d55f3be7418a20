import type { IDataObject } from 'n8n-workflow';

import { rawRequester, type MarketoContext } from '../transport';
import { failed, succeeded, type ItemOutcome } from './outcomes';
import { LEAD_DATABASE_BATCH_LIMIT } from '../transport/batch';
import { pagesByToken } from '../transport/paging';

/** What Marketo returns when `fields` is not given. */
export const DEFAULT_LEAD_FIELDS = ['id', 'firstName', 'lastName', 'email', 'updatedAt', 'createdAt'];

/** Filter types that are not a field of the returned lead, so results can't be matched to values. */
const UNMATCHABLE_FILTER_TYPES = new Set(['cookies', 'cookie']);

export interface LeadQuery {
	itemIndex: number;
	values: string[];
	/** Most leads this item wants; undefined for all. */
	limit?: number;
}

export type LeadLookupResult = Map<number, { leads: IDataObject[] } | { error: Error }>;

const normalise = (value: unknown) => String(value ?? '').trim().toLowerCase();

interface Group {
	queries: LeadQuery[];
	values: string[];
	matchItems(lead: IDataObject): number[];
}

function groupsFor(filterType: string, queries: LeadQuery[]): Group[] {
	if (UNMATCHABLE_FILTER_TYPES.has(filterType)) {
		return queries.map((query) => ({ queries: [query], values: query.values, matchItems: () => [query.itemIndex] }));
	}
	const itemsByValue = new Map<string, number[]>();
	for (const query of queries) {
		for (const value of query.values) {
			const key = normalise(value);
			const items = itemsByValue.get(key) ?? [];
			if (!items.includes(query.itemIndex)) items.push(query.itemIndex);
			itemsByValue.set(key, items);
		}
	}
	const values = [...itemsByValue.keys()];
	const groups: Group[] = [];
	for (let start = 0; start < values.length; start += LEAD_DATABASE_BATCH_LIMIT) {
		const slice = values.slice(start, start + LEAD_DATABASE_BATCH_LIMIT);
		const items = new Set(slice.flatMap((value) => itemsByValue.get(value) ?? []));
		groups.push({
			queries: queries.filter((query) => items.has(query.itemIndex)),
			values: slice,
			matchItems: (lead) => itemsByValue.get(normalise(lead[filterType])) ?? [],
		});
	}
	return groups;
}

/**
 * Finds leads for many items with as few calls as Marketo allows: the items' filter values are
 * pooled, 300 per call, paged, and every lead is handed back to the items whose value it matches.
 */
export async function lookupLeads(
	ctx: MarketoContext,
	filterType: string,
	fields: string[],
	queries: LeadQuery[],
): Promise<LeadLookupResult> {
	const requested = fields.length > 0 ? fields : DEFAULT_LEAD_FIELDS;
	const needed = UNMATCHABLE_FILTER_TYPES.has(filterType) ? requested : [...requested, filterType];
	const fieldList = [...new Set(['id', ...needed])];
	const found = new Map<number, Map<unknown, IDataObject>>(queries.map((query) => [query.itemIndex, new Map()]));
	const result: LeadLookupResult = new Map();
	const send = rawRequester(ctx);

	await Promise.all(
		groupsFor(filterType, queries).map(async (group) => {
			const isFull = () =>
				group.queries.every((query) => query.limit !== undefined && (found.get(query.itemIndex)?.size ?? 0) >= query.limit);
			try {
				const pages = pagesByToken<IDataObject>(send, {
					method: 'GET',
					path: '/rest/v1/leads.json',
					qs: { filterType, filterValues: group.values, fields: fieldList, batchSize: LEAD_DATABASE_BATCH_LIMIT },
				});
				for await (const page of pages) {
					for (const lead of page) {
						for (const itemIndex of group.matchItems(lead)) found.get(itemIndex)?.set(lead.id, lead);
					}
					if (isFull()) break;
				}
			} catch (error) {
				for (const query of group.queries) result.set(query.itemIndex, { error: error as Error });
			}
		}),
	);

	for (const query of queries) {
		if (result.has(query.itemIndex)) continue;
		const leads = [...(found.get(query.itemIndex)?.values() ?? [])];
		result.set(query.itemIndex, { leads: query.limit === undefined ? leads : leads.slice(0, query.limit) });
	}
	return result;
}

/** The item's outcome from a lookup; `whenNone` turns "no lead matched" into an error (Get by id). */
export function lookupOutcome(result: LeadLookupResult, itemIndex: number, whenNone?: () => Error): ItemOutcome {
	const answer = result.get(itemIndex);
	if (!answer) return failed(itemIndex, new Error(`Item ${itemIndex} got no answer from the lookup`));
	if ('error' in answer) return failed(itemIndex, answer.error);
	if (answer.leads.length === 0 && whenNone) return failed(itemIndex, whenNone());
	return succeeded(itemIndex, ...answer.leads);
}
