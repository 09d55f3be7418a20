import { crmObjectsOf } from '../crmObjects/crmObjects';
import { isSystemField } from '../crmObjects/objectSchemas';
import { coerceObjectValue, type ObjectRecord, type ObjectStore } from '../crmObjects/ObjectStore';
import { leadField } from '../leads/leadFields';
import type { LeadFields, LeadStore } from '../leads/LeadStore';
import { coerceLeadValue } from '../leads/leadValues';
import { listsOf } from '../lists/ListStore';
import { memberField } from '../programs/memberFields';
import { programsOf, type MemberValue } from '../programs/ProgramStore';
import type { ImportJob, ImportRun, ImportTarget, RowOutcome } from './importJobs';

/**
 * What a bulk import does with each row, by object kind. The rules the emulator applies (Marketo
 * documents the files, not every reason; these are the ones a client must be ready for):
 * - a blank cell leaves the field as it is;
 * - a column that is no field of the object, or a field Marketo maintains itself, is ignored:
 *   every row with a value in it gets a warning;
 * - text longer than the field (255) is cut to fit, with a warning;
 * - a value of the wrong type (an email that is none, "abc" for an integer), or a row without
 *   its key (the lookup field, the dedupe fields, email for program members), fails;
 * - a file without its key column fails as a whole (status Failed).
 */

/** The emulated instance, as routes and tests see it: its stores hang off its LeadStore. */
type Instance = { readonly leads: LeadStore };

type Coerced = { value: string | number | boolean | null } | { problem: string };

/** How a column of the file is read: a field written with each row, or ignored (with the warning it earns). */
type Column = { write(raw: string): Coerced; length?: number } | { ignored: string };

type ReadRow = { values: Record<string, string | number | boolean | null>; warnings: string[] } | { failure: string };

const notAField = (name: string): Column => ({ ignored: `Field '${name}' not found; its value was not imported` });
const readOnly = (name: string): Column => ({ ignored: `Field '${name}' is read-only; its value was not imported` });

/** The row's values by column, checked: the first bad value fails the row; ignored columns and cut text warn. */
function readRow(header: string[], row: string[], columnOf: (name: string) => Column): ReadRow {
	const values: Record<string, string | number | boolean | null> = {};
	const warnings: string[] = [];
	for (const [index, name] of header.entries()) {
		const raw = row[index] ?? '';
		if (raw === '') continue;
		const column = columnOf(name);
		if ('ignored' in column) {
			warnings.push(column.ignored);
			continue;
		}
		const fits = column.length === undefined || raw.length <= column.length ? raw : raw.slice(0, column.length);
		if (fits !== raw) warnings.push(`Value for field '${name}' was cut to ${column.length} characters`);
		const coerced = column.write(fits);
		if ('problem' in coerced) return { failure: coerced.problem };
		values[name] = coerced.value;
	}
	return { values, warnings };
}

function imported(warnings: string[]): RowOutcome {
	return warnings.length > 0 ? { imported: true, warning: warnings.join('; ') } : { imported: true };
}

const failed = (failure: string): RowOutcome => ({ imported: false, failure });

function missingColumn(job: ImportJob, names: string[], what: string): ImportRun | undefined {
	const missing = names.find((name) => !job.header.includes(name));
	return missing === undefined ? undefined : { failed: `Import failed: the file has no column '${missing}' (${what})` };
}

function leadColumn(name: string, keys: string[]): Column {
	const field = leadField(name);
	if (field === undefined) return notAField(name);
	if (field.readOnly && !keys.includes(name)) return readOnly(name);
	return { write: (raw) => coerceLeadValue(field, raw), length: field.length };
}

/** The lead a row names by `lookupField`: updated, created, or the reason it can be neither. */
function upsertLead(leads: LeadStore, lookupField: string, values: LeadFields, now: number): { id: number } | { failure: string } {
	const lookupValue = values[lookupField];
	if (lookupValue === undefined || lookupValue === null) return { failure: `Value for lookup field '${lookupField}' is missing` };
	const writable = Object.fromEntries(Object.entries(values).filter(([name]) => !leadField(name)?.readOnly));
	const matches = leads.matching(lookupField, [lookupValue]);
	if (matches.length > 1) return { failure: 'Multiple leads match the lookup criteria' };
	if (matches.length === 1) return { id: leads.update(matches[0].id, writable, now).id };
	// Marketo assigns lead ids: a row looked up by id can only update.
	if (lookupField === 'id') return { failure: `Lead '${String(lookupValue)}' not found` };
	return { id: leads.insert(writable, now).id };
}

/** POST /bulk/v1/leads.json: insert or update by lookupField (email by default), optionally into a static list. */
export function leadImport(context: Instance, target: ImportTarget): ImportJob['run'] {
	const lookupField = target.lookupField ?? 'email';
	return (job) => {
		const missing = missingColumn(job, [lookupField], 'the lookup field');
		if (missing) return missing;
		const outcomes = job.rows.map((row) => {
			const read = readRow(job.header, row, (name) => leadColumn(name, [lookupField]));
			if ('failure' in read) return failed(read.failure);
			const lead = upsertLead(context.leads, lookupField, read.values, Date.now());
			if ('failure' in lead) return failed(lead.failure);
			if (target.listId !== undefined) listsOf(context).addMember(target.listId, lead.id);
			return imported(read.warnings);
		});
		return { outcomes };
	};
}

function objectColumn(store: ObjectStore, name: string): Column {
	const field = store.field(name);
	if (field === undefined) return notAField(name);
	if (isSystemField(store.schema, name)) return readOnly(name);
	return { write: (raw) => coerceObjectValue(field, raw), length: field.length };
}

/** POST /bulk/v1/customobjects/{apiName}/import.json: insert or update by the type's dedupe fields. */
export function customObjectImport(context: Instance, target: ImportTarget): ImportJob['run'] {
	return (job) => {
		const store = crmObjectsOf(context).custom(target.objectApiName ?? '') as ObjectStore;
		const keys = store.schema.dedupeFields;
		const missing = missingColumn(job, keys, 'a dedupe field');
		if (missing) return missing;
		const outcomes = job.rows.map((row) => {
			const read = readRow(job.header, row, (name) => objectColumn(store, name));
			if ('failure' in read) return failed(read.failure);
			const blankKey = keys.find((name) => read.values[name] === undefined || read.values[name] === null);
			if (blankKey !== undefined) return failed(`Value for dedupe field '${blankKey}' is missing`);
			const values = read.values as ObjectRecord;
			const [existing] = store.findByKey(Object.fromEntries(keys.map((name) => [name, values[name]])));
			if (existing) store.update(existing, values);
			else store.insert(values);
			return imported(read.warnings);
		});
		return { outcomes };
	};
}

/** Columns of a program member file: lead fields, or the custom program member fields. */
function memberColumn(name: string): Column {
	const lead = leadField(name);
	if (lead !== undefined) return leadColumn(name, ['email']);
	const field = memberField(name);
	if (field === undefined) return notAField(name);
	if (!field.updateable) return readOnly(name);
	return {
		write: (raw) => (field.dataType === 'integer' && !/^-?\d+$/.test(raw.trim()) ? { problem: `Invalid value '${raw}' for integer field '${name}'` } : { value: field.dataType === 'integer' ? Number(raw) : raw }),
		length: field.length,
	};
}

/** POST /bulk/v1/program/{programId}/members/import.json: leads found (or created) by email join the program with the status given. */
export function programMemberImport(context: Instance, target: ImportTarget): ImportJob['run'] {
	const programs = programsOf(context);
	const programId = target.programId as number;
	const status = target.programMemberStatus as string;
	return (job) => {
		const missing = missingColumn(job, ['email'], 'every program member is found by email');
		if (missing) return missing;
		const outcomes = job.rows.map((row) => {
			const read = readRow(job.header, row, memberColumn);
			if ('failure' in read) return failed(read.failure);
			const leadValues: LeadFields = {};
			const memberValues: Record<string, MemberValue> = {};
			for (const [name, value] of Object.entries(read.values)) {
				if (leadField(name)) leadValues[name] = value;
				else memberValues[name] = value;
			}
			const lead = upsertLead(context.leads, 'email', leadValues, Date.now());
			if ('failure' in lead) return failed(lead.failure);
			programs.setStatus(programId, lead.id, status);
			if (Object.keys(memberValues).length > 0) programs.update(programId, lead.id, memberValues);
			return imported(read.warnings);
		});
		return { outcomes };
	};
}
