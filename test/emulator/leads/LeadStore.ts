import type { Lead, LeadValue } from '../types';
import { leadField } from './leadFields';
import { coerceLeadValue, leadValueKey, marketoTimestamp } from './leadValues';

export type LeadFields = Record<string, LeadValue>;

/** One field whose stored value an update changed. */
export interface FieldChange {
	name: string;
	oldValue: LeadValue;
	newValue: LeadValue;
}

/** What happened to a lead, as the activity log hears of it. */
export type LeadChange =
	| { kind: 'created'; lead: Lead }
	| { kind: 'updated'; lead: Lead; at: number; changes: FieldChange[] }
	| { kind: 'deleted'; lead: Lead; at: number };

/** The in-memory Lead Database. Tests may read and write it directly. */
export class LeadStore {
	private readonly byId = new Map<number, Lead>();
	private readonly watchers: Array<(change: LeadChange) => void> = [];
	private nextId = 1;

	/** Calls `watcher` after every later change, however it is made (API or direct write). */
	watch(watcher: (change: LeadChange) => void): void {
		this.watchers.push(watcher);
	}

	get size(): number {
		return this.byId.size;
	}

	/** Every lead, by id ascending. */
	all(): Lead[] {
		return [...this.byId.values()].sort((a, b) => a.id - b.id);
	}

	get(id: number): Lead | undefined {
		return this.byId.get(id);
	}

	/** Creates a lead with the next id; createdAt/updatedAt may be given (seeding, tests). */
	insert(fields: LeadFields, at = Date.now()): Lead {
		const { createdAt, updatedAt, ...rest } = fields;
		const stamp = marketoTimestamp(at);
		const lead: Lead = {
			id: this.nextId++,
			...this.checked(rest),
			createdAt: typeof createdAt === 'string' ? createdAt : stamp,
			updatedAt: typeof updatedAt === 'string' ? updatedAt : stamp,
		};
		this.byId.set(lead.id, lead);
		this.tell({ kind: 'created', lead });
		return lead;
	}

	update(id: number, fields: LeadFields, at = Date.now()): Lead {
		const lead = this.byId.get(id);
		if (lead === undefined) throw new Error(`No lead ${id}`);
		const checked = this.checked(fields);
		const changes = Object.entries(checked)
			.map(([name, newValue]) => ({ name, oldValue: lead[name] ?? null, newValue }))
			.filter((change) => change.oldValue !== change.newValue);
		Object.assign(lead, checked, { updatedAt: marketoTimestamp(at) });
		if (changes.length > 0) this.tell({ kind: 'updated', lead, at, changes });
		return lead;
	}

	delete(id: number, at = Date.now()): boolean {
		const lead = this.byId.get(id);
		if (lead === undefined) return false;
		this.byId.delete(id);
		this.tell({ kind: 'deleted', lead, at });
		return true;
	}

	/** Leads whose `field` equals one of `values` (strings compared case-insensitively), by id. */
	matching(field: string, values: readonly LeadValue[]): Lead[] {
		// One pass with a set of the wanted values: upserts into big stores stay fast.
		const wanted = new Set(values.map(leadValueKey));
		wanted.delete(undefined);
		const found = [...this.byId.values()].filter((lead) => wanted.has(leadValueKey(lead[field])));
		return found.sort((a, b) => a.id - b.id);
	}

	clear(): void {
		this.byId.clear();
		this.nextId = 1;
	}

	private tell(change: LeadChange): void {
		for (const watcher of this.watchers) watcher(change);
	}

	// Direct writes obey the same schema as the API, so a test cannot build an impossible lead.
	private checked(fields: LeadFields): LeadFields {
		const out: LeadFields = {};
		for (const [name, raw] of Object.entries(fields)) {
			const field = leadField(name);
			if (field === undefined || field.readOnly) throw new Error(`LeadStore: '${name}' is not a writable lead field`);
			const coerced = coerceLeadValue(field, raw);
			if ('problem' in coerced) throw new Error(`LeadStore: ${coerced.problem}`);
			out[name] = coerced.value;
		}
		return out;
	}
}
