import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { decodePageToken, encodePageToken } from '../leads/pagingToken';
import { checkedInput } from '../leads/syncLeads';
import { LEAD_BATCH_LIMIT } from '../rules';
import type { MarketoError } from '../types';
import { defaultFieldsOf, isSystemField, type ObjectSchema } from './objectSchemas';
import { coerceObjectValue, type ObjectRecord, type ObjectStore, type ObjectValue } from './ObjectStore';

/**
 * What Marketo does with the requests every Lead Database object type shares (companies,
 * opportunities, roles, named accounts, sales persons, custom objects): one implementation,
 * parameterised by the type's schema.
 */

type Reason = MarketoError;
export type RecordResult =
	| ({ seq: number; status: 'created' | 'updated' | 'deleted' } & Record<string, ObjectValue>)
	| { seq: number; status: 'skipped'; reasons: Reason[] };

const SYNC_ACTIONS = ['createOnly', 'updateOnly', 'createOrUpdate'];
const KEY_MODES = ['dedupeFields', 'idField'];

const objectErrors = {
	// The developer docs' custom-object example answers a missed updateOnly with 1004 "Lead not found". For
	// createOnly on an existing key the docs show no object example; 1005 follows the lead codes (the
	// error-code page also lists 1017 "Object already exists", which a real instance may send instead).
	notFoundForUpdate: marketoErrors.leadNotFound,
	alreadyExists: marketoErrors.leadAlreadyExists,
	// Delete of a missing record: 1013 (docs' examples for companies, named accounts, sales persons).
	recordNotFound: (): Reason => ({ code: '1013', message: 'Record not found' }),
	duplicateInInput: (): Reason => ({ code: '1036', message: 'Duplicate object found in input' }),
};

function skipped(seq: number, reason: Reason): RecordResult {
	return { seq, status: 'skipped', reasons: [reason] };
}

function option(body: Record<string, unknown>, name: string, allowed: string[], fallback: string): string {
	const value = body[name] ?? fallback;
	if (typeof value !== 'string' || !allowed.includes(value)) {
		throw new MarketoFailure(marketoErrors.invalidData(`Invalid ${name} '${String(value)}'`));
	}
	return value;
}

function keyFieldsOf(schema: ObjectSchema, mode: string): string[] {
	return mode === 'idField' ? [schema.idField] : schema.dedupeFields;
}

/** The record's key values, or the reason it cannot be matched. */
function keyOf(store: ObjectStore, record: Record<string, unknown>, mode: string): { key: Record<string, ObjectValue> } | { reason: Reason } {
	const key: Record<string, ObjectValue> = {};
	for (const name of keyFieldsOf(store.schema, mode)) {
		const raw = record[name];
		const field = store.field(name);
		if (raw === undefined || raw === null || raw === '' || field === undefined) {
			return { reason: marketoErrors.invalidData(`Value for ${mode} field '${name}' is missing`) };
		}
		const coerced = coerceObjectValue(field, raw);
		if ('problem' in coerced) return { reason: marketoErrors.invalidData(coerced.problem) };
		key[name] = coerced.value;
	}
	return { key };
}

/** POST <object>.json (SyncCustomObjectRequest and its siblings): one result per input record, `seq` = its index. */
export function syncObjects(body: unknown, store: ObjectStore, now: number): RecordResult[] {
	if (!isRecord(body)) throw new MarketoFailure(marketoErrors.invalidJson());
	const action = option(body, 'action', SYNC_ACTIONS, 'createOrUpdate');
	const dedupeBy = option(body, 'dedupeBy', KEY_MODES, 'dedupeFields');
	// idField values are assigned by Marketo, so they can only find records, never create them.
	if (dedupeBy === 'idField' && action !== 'updateOnly') {
		throw new MarketoFailure(marketoErrors.invalidData("dedupeBy 'idField' is only valid with action 'updateOnly'"));
	}
	const seen = new Set<string>();
	return checkedInput(body.input).map((record, seq) => {
		if (!isRecord(record)) return skipped(seq, marketoErrors.invalidData('Each record must be a JSON object'));
		const writable: ObjectRecord = {};
		for (const [name, raw] of Object.entries(record)) {
			const field = store.field(name);
			if (field === undefined) return skipped(seq, marketoErrors.fieldNotFound(name));
			const coerced = coerceObjectValue(field, raw);
			if ('problem' in coerced) return skipped(seq, marketoErrors.invalidData(coerced.problem));
			if (!isSystemField(store.schema, name)) writable[name] = coerced.value;
		}
		const matched = keyOf(store, record, dedupeBy);
		if ('reason' in matched) return skipped(seq, matched.reason);
		const { key } = matched;
		const fingerprint = JSON.stringify(Object.values(key).map((value) => String(value).toLowerCase()));
		if (seen.has(fingerprint)) return skipped(seq, objectErrors.duplicateInInput());
		seen.add(fingerprint);

		const [existing] = store.findByKey(key);
		const idField = store.schema.idField;
		if (existing && action === 'createOnly') return skipped(seq, objectErrors.alreadyExists());
		if (existing) return { seq, status: 'updated', [idField]: store.update(existing, writable, now)[idField] } as RecordResult;
		if (action === 'updateOnly') return skipped(seq, objectErrors.notFoundForUpdate());
		return { seq, status: 'created', [idField]: store.insert(writable, now)[idField] } as RecordResult;
	});
}

/** POST <object>/delete.json: deleteBy dedupeFields (the default) or idField. */
export function deleteObjects(body: unknown, store: ObjectStore): RecordResult[] {
	if (!isRecord(body)) throw new MarketoFailure(marketoErrors.invalidJson());
	const deleteBy = option(body, 'deleteBy', KEY_MODES, 'dedupeFields');
	return checkedInput(body.input).map((record, seq) => {
		if (!isRecord(record)) return skipped(seq, marketoErrors.invalidData('Each record must be a JSON object'));
		const matched = keyOf(store, record, deleteBy);
		if ('reason' in matched) return skipped(seq, matched.reason);
		const [existing] = store.findByKey(matched.key);
		if (!existing) return skipped(seq, objectErrors.recordNotFound());
		store.delete(existing);
		const idField = store.schema.idField;
		return { seq, [idField]: existing[idField], status: 'deleted' } as RecordResult;
	});
}

/** The field a filterType names: a single searchable field, or idField / a single dedupe field. */
function filterFieldOf(schema: ObjectSchema, filterType: string): string {
	if (filterType === 'idField') return schema.idField;
	if (filterType === 'dedupeFields') {
		if (schema.dedupeFields.length === 1) return schema.dedupeFields[0];
		throw new MarketoFailure(marketoErrors.invalidData('A compound key is queried with POST ?_method=GET and an input array'));
	}
	if (!schema.searchableFields.some((key) => key.length === 1 && key[0] === filterType)) {
		throw new MarketoFailure(marketoErrors.invalidData(`Invalid filterType '${filterType}'`));
	}
	return filterType;
}

function batchSizeOf(text: string | undefined): number {
	if (text === undefined) return LEAD_BATCH_LIMIT;
	if (!/^\d+$/.test(text)) throw new MarketoFailure(marketoErrors.invalidValueType(text, 'Integer'));
	const size = Number(text);
	if (size < 1 || size > LEAD_BATCH_LIMIT) {
		throw new MarketoFailure(marketoErrors.invalidData(`batchSize must be between 1 and ${LEAD_BATCH_LIMIT}, got ${size}`));
	}
	return size;
}

/** GET <object>.json?filterType&filterValues[&fields&batchSize&nextPageToken]. */
export function queryObjects(params: Record<string, string>, store: ObjectStore): { result: unknown[]; moreResult: boolean; nextPageToken?: string } {
	const { schema } = store;
	const { filterType, filterValues, fields, batchSize, nextPageToken } = params;
	if (!filterType) throw new MarketoFailure(marketoErrors.missingParameter('filterType'));
	const filterField = filterFieldOf(schema, filterType);
	if (!filterValues) throw new MarketoFailure(marketoErrors.missingParameter('filterValues'));
	const values = filterValues.split(',');
	if (values.length > LEAD_BATCH_LIMIT) {
		throw new MarketoFailure(marketoErrors.invalidData(`filterValues has ${values.length} values; the maximum is ${LEAD_BATCH_LIMIT}`));
	}
	const requested = fields ? fields.split(',') : defaultFieldsOf(schema);
	const unknown = requested.find((name) => store.field(name) === undefined);
	if (unknown !== undefined) throw new MarketoFailure(marketoErrors.fieldNotFound(unknown));
	const size = batchSizeOf(batchSize);
	const query = `${schema.apiName}\n${filterField}\n${values.join(',')}`;
	const offset = nextPageToken === undefined ? 0 : decodePageToken(nextPageToken, query);
	if (offset === undefined) throw new MarketoFailure(marketoErrors.invalidData('Invalid nextPageToken'));

	const matches = store.matching(filterField, values);
	const more = offset + size < matches.length;
	return {
		// A requested field without a value is left out ("implied null", as the docs put it).
		result: matches.slice(offset, offset + size).map((record, seq) => ({
			seq,
			...Object.fromEntries(requested.filter((name) => record[name] !== undefined && record[name] !== null).map((name) => [name, record[name]])),
		})),
		moreResult: more,
		...(more ? { nextPageToken: encodePageToken(offset + size, query) } : {}),
	};
}

const SCHEMA_EPOCH = '2024-01-08T15:00:00Z';

/** ObjectMetaData in swagger-mapi.json; `name` is what Marketo's describe answers actually carry. */
export function describeObject(schema: ObjectSchema): Record<string, unknown> {
	return {
		name: schema.apiName,
		apiName: schema.apiName,
		displayName: schema.displayName,
		pluralName: schema.pluralName,
		description: schema.description,
		createdAt: SCHEMA_EPOCH,
		updatedAt: SCHEMA_EPOCH,
		idField: schema.idField,
		dedupeFields: schema.dedupeFields,
		searchableFields: schema.searchableFields,
		relationships: [],
		fields: schema.fields,
		state: 'approved',
		version: 'approved',
		// swagger-mapi's ObjectMetaData lists `status` as required without defining it; the state is its value.
		status: 'approved',
	};
}
