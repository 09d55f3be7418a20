import type { Lead, LeadValue } from '../types';
import { leadField } from './leadFields';
import { coerceLeadValue, marketoTimestamp, sameLeadValue } from './leadValues';

export type LeadFields = Record<string, LeadValue>;

/** The in-memory Lead Database. Tests may read and write it directly. */
export class LeadStore {
	private readonly byId = new Map<number, Lead>();
	private nextId = 1;

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
		return lead;
	}

	update(id: number, fields: LeadFields, at = Date.now()): Lead {
		const lead = this.byId.get(id);
		if (lead === undefined) throw new Error(`No lead ${id}`);
		Object.assign(lead, this.checked(fields), { updatedAt: marketoTimestamp(at) });
		return lead;
	}

	delete(id: number): boolean {
		return this.byId.delete(id);
	}

	/** Leads whose `field` equals one of `values` (strings compared case-insensitively), by id. */
	matching(field: string, values: readonly LeadValue[]): Lead[] {
		return this.all().filter((lead) => values.some((value) => sameLeadValue(lead[field], value)));
	}

	clear(): void {
		this.byId.clear();
		this.nextId = 1;
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
