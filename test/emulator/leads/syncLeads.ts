import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { LEAD_BATCH_LIMIT } from '../rules';
import type { MarketoError } from '../types';
import { leadField } from './leadFields';
import { coerceLeadValue } from './leadValues';
import type { LeadFields, LeadStore } from './LeadStore';

const ACTIONS = ['createOnly', 'updateOnly', 'createOrUpdate', 'createDuplicate'] as const;
type SyncAction = (typeof ACTIONS)[number];

export type SyncResult = { id: number; status: 'created' | 'updated' } | { status: 'skipped'; reasons: MarketoError[] };

/** POST /rest/v1/leads.json (SyncLeadRequest): one result per input record, in input order. */
export function syncLeads(body: unknown, store: LeadStore, now: number): SyncResult[] {
	if (!isRecord(body)) throw new MarketoFailure(marketoErrors.invalidJson());
	const action = body.action ?? 'createOrUpdate';
	if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) {
		throw new MarketoFailure(marketoErrors.invalidData(`Invalid action '${String(action)}'`));
	}
	const lookupField = body.lookupField ?? 'email';
	if (typeof lookupField !== 'string' || !leadField(lookupField)?.searchable) {
		throw new MarketoFailure(marketoErrors.invalidData(`Invalid lookupField '${String(lookupField)}'`));
	}
	// The emulated instance has no workspaces, so its only partition is "Default".
	if (body.partitionName !== undefined && body.partitionName !== 'Default') {
		throw new MarketoFailure(marketoErrors.invalidData(`Partition '${String(body.partitionName)}' not found`));
	}
	const input = checkedInput(body.input);
	return input.map((record) => syncOne(record, action as SyncAction, lookupField, store, now));
}

/** Shared by sync and delete: a non-empty array of at most LEAD_BATCH_LIMIT records. */
export function checkedInput(input: unknown): unknown[] {
	// An absent or empty input is invalid data for the endpoint (1003), not a blank field of an
	// asset (701, which Marketo reserves for things like a program's name).
	if (!Array.isArray(input) || input.length === 0) {
		throw new MarketoFailure(marketoErrors.invalidData('input must be a non-empty array of records'));
	}
	if (input.length > LEAD_BATCH_LIMIT) {
		throw new MarketoFailure(marketoErrors.invalidData(`input has ${input.length} records; the maximum is ${LEAD_BATCH_LIMIT}`));
	}
	return input;
}

function syncOne(record: unknown, action: SyncAction, lookupField: string, store: LeadStore, now: number): SyncResult {
	if (!isRecord(record)) return skipped(marketoErrors.invalidData('Lead record must be a JSON object'));
	const writable: LeadFields = {};
	for (const [name, raw] of Object.entries(record)) {
		const field = leadField(name);
		if (field === undefined) return skipped(marketoErrors.fieldNotFound(name));
		const coerced = coerceLeadValue(field, raw);
		if ('problem' in coerced) return skipped(marketoErrors.invalidData(coerced.problem));
		// Read-only fields (id, createdAt, updatedAt) may serve as the lookup but are never written.
		if (!field.readOnly) writable[name] = coerced.value;
	}
	if (action === 'createDuplicate') return created(store, writable, now);

	const lookupValue = record[lookupField];
	if (lookupValue === undefined || lookupValue === null || lookupValue === '') {
		return skipped(marketoErrors.invalidData(`Value for lookup field '${lookupField}' is missing`));
	}
	const matches = store.matching(lookupField, [lookupValue as string | number | boolean]);
	if (action === 'createOnly') return matches.length > 0 ? skipped(marketoErrors.leadAlreadyExists()) : created(store, writable, now);
	if (matches.length > 1) return skipped(marketoErrors.multipleLeadsMatch());
	if (matches.length === 1) return { id: store.update(matches[0].id, writable, now).id, status: 'updated' };
	// A lead cannot be created under an id of the client's choosing.
	if (action === 'updateOnly' || lookupField === 'id') return skipped(marketoErrors.leadNotFound());
	return created(store, writable, now);
}

function created(store: LeadStore, fields: LeadFields, now: number): SyncResult {
	return { id: store.insert(fields, now).id, status: 'created' };
}

function skipped(reason: MarketoError): SyncResult {
	return { status: 'skipped', reasons: [reason] };
}
