import type { IDataObject } from 'n8n-workflow';

import { rawRequester, type MarketoContext } from '../transport';
import { LEAD_DATABASE_BATCH_LIMIT } from '../transport/batch';
import { pagesByToken } from '../transport/paging';
import { failed, ItemInputError, succeeded, type ItemOutcome } from './outcomes';

/**
 * Lookups by filterType/filterValues for any Lead Database object (leads, companies, opportunities,
 * named accounts, sales persons, custom objects): the same query shape on a different path.
 */
export interface RecordQuery {
	itemIndex: number;
	values: string[];
	/** Most records this item wants; undefined for all. */
	limit?: number;
}

export interface RecordLookupSpec {
	/** The query endpoint, e.g. `/rest/v1/companies.json`. */
	path: string;
	filterType: string;
	/** Fields to return; the id field and the filter field are added so results map back to items. */
	fields: string[];
	/** The field that identifies a record (`id`, `marketoGUID`): one record is returned once per item. */
	idField: string;
	/**
	 * The filter is not a field of the returned record (lead cookies, the idField / dedupeFields
	 * pseudo-types), so results can't be matched to values: each item gets its own calls.
	 */
	unmatchable?: boolean;
}

export type RecordLookupResult = Map<number, { records: IDataObject[] } | { error: Error }>;

const normalise = (value: unknown) => String(value ?? '').trim().toLowerCase();

interface Group {
	queries: RecordQuery[];
	values: string[];
	matchItems(record: IDataObject): number[];
}

function groupsFor(spec: RecordLookupSpec, queries: RecordQuery[]): Group[] {
	if (spec.unmatchable) {
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
			matchItems: (record) => itemsByValue.get(normalise(record[spec.filterType])) ?? [],
		});
	}
	return groups;
}

/**
 * Marketo reads `filterValues` as one comma-separated list, so a value holding a comma would be
 * searched as its parts: such an item is refused before anything is sent.
 */
function commaInValue(spec: RecordLookupSpec, query: RecordQuery): Error | undefined {
	const value = query.values.find((candidate) => candidate.includes(','));
	if (value === undefined) return undefined;
	return new ItemInputError(
		query.itemIndex,
		spec.filterType,
		`"${value}" contains a comma; Marketo reads lookup values as a comma-separated list and would search for each part. Look the record up by another field (e.g. its id).`,
	);
}

/**
 * Finds records for many items with as few calls as Marketo allows: the items' filter values are
 * pooled, 300 per call, paged, and every record is handed back to the items whose value it matches.
 */
export async function lookupRecords(ctx: MarketoContext, spec: RecordLookupSpec, queries: RecordQuery[]): Promise<RecordLookupResult> {
	const needed = spec.unmatchable ? spec.fields : [...spec.fields, spec.filterType];
	const fieldList = [...new Set([spec.idField, ...needed])];
	const found = new Map<number, Map<unknown, IDataObject>>(queries.map((query) => [query.itemIndex, new Map()]));
	const result: RecordLookupResult = new Map();
	const send = rawRequester(ctx);
	const sendable: RecordQuery[] = [];
	for (const query of queries) {
		const refusal = commaInValue(spec, query);
		if (refusal) result.set(query.itemIndex, { error: refusal });
		else sendable.push(query);
	}

	await Promise.all(
		groupsFor(spec, sendable).map(async (group) => {
			const isFull = () =>
				group.queries.every((query) => query.limit !== undefined && (found.get(query.itemIndex)?.size ?? 0) >= query.limit);
			try {
				const pages = pagesByToken<IDataObject>(send, {
					method: 'GET',
					path: spec.path,
					qs: { filterType: spec.filterType, filterValues: group.values, fields: fieldList, batchSize: LEAD_DATABASE_BATCH_LIMIT },
				});
				for await (const page of pages) {
					for (const record of page) {
						for (const itemIndex of group.matchItems(record)) found.get(itemIndex)?.set(record[spec.idField], record);
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
		const records = [...(found.get(query.itemIndex)?.values() ?? [])];
		result.set(query.itemIndex, { records: query.limit === undefined ? records : records.slice(0, query.limit) });
	}
	return result;
}

/** The item's outcome from a lookup; `whenNone` turns "nothing matched" into an error (Get by id). */
export function recordLookupOutcome(result: RecordLookupResult, itemIndex: number, whenNone?: () => Error): ItemOutcome {
	const answer = result.get(itemIndex);
	if (!answer) return failed(itemIndex, new Error(`Item ${itemIndex} got no answer from the lookup`));
	if ('error' in answer) return failed(itemIndex, answer.error);
	if (answer.records.length === 0 && whenNone) return failed(itemIndex, whenNone());
	return succeeded(itemIndex, ...answer.records);
}
