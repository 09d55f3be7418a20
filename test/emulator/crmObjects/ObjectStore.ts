import { randomUUID } from 'node:crypto';

import { marketoTimestamp } from '../leads/leadValues';
import { isSystemField, type ObjectFieldSchema, type ObjectSchema } from './objectSchemas';

export type ObjectValue = string | number | boolean | null;
export type ObjectRecord = Record<string, ObjectValue>;

// Deliberately simple, as for leads: one "@", something on each side, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The value as stored for the field, or a problem (worded for a 1003 reason). */
export function coerceObjectValue(field: ObjectFieldSchema, value: unknown): { value: ObjectValue } | { problem: string } {
	if (value === null) return { value: null };
	if (typeof value === 'object' || value === undefined) {
		return { problem: `Value for field '${field.name}' must be a string, number, boolean or null` };
	}
	const text = String(value).trim();
	switch (field.dataType) {
		case 'integer':
			return /^-?\d+$/.test(text) ? { value: Number(text) } : { problem: `Invalid value '${text}' for integer field '${field.name}'` };
		case 'currency':
			return text !== '' && Number.isFinite(Number(text)) ? { value: Number(text) } : { problem: `Invalid value '${text}' for currency field '${field.name}'` };
		case 'boolean':
			if (typeof value === 'boolean') return { value };
			return text === 'true' || text === 'false' ? { value: text === 'true' } : { problem: `Invalid value '${text}' for boolean field '${field.name}'` };
		case 'email':
			if (text === '') return { value: null };
			return EMAIL.test(text) ? { value: text } : { problem: 'Invalid email address' };
		case 'datetime':
			return Number.isNaN(Date.parse(text)) ? { problem: `Invalid date '${text}' for field '${field.name}'` } : { value: text };
		default:
			return { value: String(value) };
	}
}

/** Marketo compares key and filter values case-insensitively. */
export function sameObjectValue(stored: ObjectValue | undefined, wanted: unknown): boolean {
	if (stored === null || stored === undefined || wanted === null || wanted === undefined) return false;
	return String(stored).toLowerCase() === String(wanted).toLowerCase();
}

/** The records of one object type. Tests may read and write it directly. */
export class ObjectStore {
	private records: ObjectRecord[] = [];
	private nextId = 1;
	private readonly fieldsByName: Map<string, ObjectFieldSchema>;

	constructor(readonly schema: ObjectSchema) {
		this.fieldsByName = new Map(schema.fields.map((f) => [f.name, f]));
	}

	get size(): number {
		return this.records.length;
	}

	/** Every record, in creation order. */
	all(): ObjectRecord[] {
		return [...this.records];
	}

	field(name: string): ObjectFieldSchema | undefined {
		return this.fieldsByName.get(name);
	}

	/** Creates a record under a new id (integer or GUID, as the type's idField says). */
	insert(fields: ObjectRecord, at = Date.now()): ObjectRecord {
		const stamp = marketoTimestamp(at);
		const id = this.schema.idField === 'id' ? this.nextId++ : randomUUID();
		const record: ObjectRecord = { [this.schema.idField]: id, ...this.checked(fields), createdAt: stamp, updatedAt: stamp };
		this.records.push(record);
		return record;
	}

	update(record: ObjectRecord, fields: ObjectRecord, at = Date.now()): ObjectRecord {
		Object.assign(record, this.checked(fields), { updatedAt: marketoTimestamp(at) });
		return record;
	}

	delete(record: ObjectRecord): void {
		this.records = this.records.filter((candidate) => candidate !== record);
	}

	/** Records whose `field` equals one of `values`. */
	matching(field: string, values: readonly unknown[]): ObjectRecord[] {
		return this.records.filter((record) => values.some((value) => sameObjectValue(record[field], value)));
	}

	/** Records that match every field of `key` (a compound key has several). */
	findByKey(key: Record<string, unknown>): ObjectRecord[] {
		return this.records.filter((record) => Object.entries(key).every(([name, value]) => sameObjectValue(record[name], value)));
	}

	clear(): void {
		this.records = [];
		this.nextId = 1;
	}

	// Direct writes obey the same schema as the API, so a test cannot build an impossible record.
	private checked(fields: ObjectRecord): ObjectRecord {
		const out: ObjectRecord = {};
		for (const [name, raw] of Object.entries(fields)) {
			const field = this.field(name);
			if (field === undefined || isSystemField(this.schema, name)) {
				throw new Error(`ObjectStore(${this.schema.apiName}): '${name}' is not a writable field`);
			}
			const coerced = coerceObjectValue(field, raw);
			if ('problem' in coerced) throw new Error(`ObjectStore(${this.schema.apiName}): ${coerced.problem}`);
			out[name] = coerced.value;
		}
		return out;
	}
}
