import type { LeadStore } from '../leads/LeadStore';
import { CUSTOM_OBJECTS, STANDARD_OBJECTS, type ObjectSchema } from './objectSchemas';
import { ObjectStore, type ObjectRecord } from './ObjectStore';

const SEED_AT = Date.parse('2024-01-08T15:00:00Z');

/** Two demo records per type, so a fresh instance has something to find, update and delete. */
export const DEMO_RECORDS: Readonly<Record<string, ObjectRecord[]>> = {
	company: [
		{ externalCompanyId: 'DEMO-NORTHWIND', company: 'Northwind Traders', industry: 'Retail' },
		{ externalCompanyId: 'DEMO-CONTOSO', company: 'Contoso Health', industry: 'Healthcare' },
	],
	opportunity: [
		{ externalOpportunityId: 'DEMO-OPP-1', name: 'Northwind renewal', stage: 'Negotiation', amount: 12000 },
		{ externalOpportunityId: 'DEMO-OPP-2', name: 'Contoso expansion', stage: 'Prospecting', amount: 48000 },
	],
	opportunityRole: [
		{ externalOpportunityId: 'DEMO-OPP-1', leadId: 1, role: 'Decision Maker', isPrimary: true },
		{ externalOpportunityId: 'DEMO-OPP-2', leadId: 2, role: 'Influencer', isPrimary: false },
	],
	namedAccount: [
		{ name: 'Northwind Traders', domainName: 'northwind.example', industry: 'Retail' },
		{ name: 'Contoso Health', domainName: 'contosohealth.example', industry: 'Healthcare' },
	],
	salesPerson: [
		{ externalSalesPersonId: 'DEMO-SP-1', email: 'sam@northwind.example', firstName: 'Sam', lastName: 'Seller' },
		{ externalSalesPersonId: 'DEMO-SP-2', email: 'dana@northwind.example', firstName: 'Dana', lastName: 'Closer' },
	],
	car_c: [
		{ vin: 'DEMO-VIN-1', make: 'Volvo', model: 'V60', year: 2021 },
		{ vin: 'DEMO-VIN-2', make: 'Skoda', model: 'Octavia', year: 2019 },
	],
	subscription_c: [
		{ subscriptionId: 'DEMO-SUB-1', plan: 'Team', seats: 10 },
		{ subscriptionId: 'DEMO-SUB-2', plan: 'Enterprise', seats: 250 },
	],
};

function seeded(schema: ObjectSchema): ObjectStore {
	const store = new ObjectStore(schema);
	for (const record of DEMO_RECORDS[schema.apiName] ?? []) store.insert(record, SEED_AT);
	return store;
}

/** Every non-lead object store of one emulated instance. */
export class CrmObjects {
	private readonly standardStores = new Map(STANDARD_OBJECTS.map(({ schema }) => [schema.apiName, seeded(schema)]));
	private readonly customStores = new Map(CUSTOM_OBJECTS.map((schema) => [schema.apiName, seeded(schema)]));

	/** A standard object's store by apiName: company, opportunity, opportunityRole, namedAccount, salesPerson. */
	standard(apiName: string): ObjectStore {
		const store = this.standardStores.get(apiName);
		if (store === undefined) throw new Error(`No standard object type '${apiName}'`);
		return store;
	}

	/** A custom object type's store, or undefined when the instance has no such type. */
	custom(apiName: string): ObjectStore | undefined {
		return this.customStores.get(apiName);
	}

	customTypes(): ObjectSchema[] {
		return [...this.customStores.values()].map((store) => store.schema);
	}

	/** Empties every store (the demo records too), for tests that count records. */
	clear(): void {
		for (const store of [...this.standardStores.values(), ...this.customStores.values()]) store.clear();
	}
}

// Routes see the instance through its LeadStore (one per emulator), so the object stores hang off it.
const instances = new WeakMap<LeadStore, CrmObjects>();

/** The object stores of the emulator (or route context) that owns `leads`. */
export function crmObjectsOf(owner: { readonly leads: LeadStore }): CrmObjects {
	let objects = instances.get(owner.leads);
	if (objects === undefined) {
		objects = new CrmObjects();
		instances.set(owner.leads, objects);
	}
	return objects;
}
