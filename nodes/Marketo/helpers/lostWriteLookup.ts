import type { MarketoContext } from '../transport';
import type { FoundRecord, LostWriteLookup } from './reconcileLostWrite';
import { lookupRecords } from './recordLookup';

export interface KeyLookupSpec {
	/** The object's query endpoint, e.g. `/rest/v1/leads.json`. */
	path: string;
	idField: string;
	/** The key in words, for the output. */
	by: string;
	/** The fields the write matches records on; a function when only describe knows them (custom objects). */
	keyFields(): string[] | Promise<string[]>;
	alreadyExists?: LostWriteLookup<unknown>['alreadyExists'];
}

/**
 * A create-only write's records found by their key through the pooled lookup (300 values per
 * call, counted by the throttle like any call). Marketo filters by one field at a time, so a
 * compound key (opportunity roles) can't be looked up this way.
 */
export function lookupByKey<R extends Record<string, unknown>>(ctx: MarketoContext, spec: KeyLookupSpec): LostWriteLookup<R> {
	return {
		by: spec.by,
		idField: spec.idField,
		...(spec.alreadyExists ? { alreadyExists: spec.alreadyExists } : {}),
		async find(entries) {
			const keys = await spec.keyFields();
			if (keys.length !== 1) throw new Error(`records are matched on ${keys.join(' + ') || 'no known key'}, and Marketo looks records up by one field`);
			const [keyField] = keys;
			const valueOf = (record: R) => String(record[keyField] ?? '').trim();
			// One record per item in a create-only write, so the item index keys its answer.
			const queries = entries.flatMap(({ itemIndex, record }) => (valueOf(record) ? [{ itemIndex, values: [valueOf(record)] }] : []));
			const result = await lookupRecords(ctx, { path: spec.path, filterType: keyField, fields: [spec.idField, keyField, 'createdAt'], idField: spec.idField }, queries);
			return entries.map(({ itemIndex }): FoundRecord[] | Error | undefined => {
				const answer = result.get(itemIndex);
				if (!answer) return undefined;
				if ('error' in answer) return answer.error;
				return answer.records.map((found) => ({ id: found[spec.idField] as string | number, createdAt: found.createdAt }));
			});
		},
	};
}
