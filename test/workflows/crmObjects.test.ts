import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { MarketoEmulator } from '../emulator';
import { crmObjectsOf } from '../emulator/crmObjects/crmObjects';
import type { ObjectStore } from '../emulator/crmObjects/ObjectStore';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

interface ObjectCase {
	resource: string;
	path: string;
	idField: 'id' | 'marketoGUID';
	/** The record's dedupe key for the i-th test record. */
	key(i: number): IDataObject;
	/** Another field to write. */
	extra(i: number): IDataObject;
	/** A single searchable field, with the key value to find it by. */
	filterType: string;
	storeOf(emulator: MarketoEmulator): ObjectStore;
	parameters?: INodeParameters;
}

const standard = (apiName: string) => (emulator: MarketoEmulator) => crmObjectsOf(emulator).standard(apiName);

/** Every object resource the node has, as the shared operations see them. */
const OBJECTS: ObjectCase[] = [
	{
		resource: 'company',
		path: '/rest/v1/companies',
		idField: 'id',
		key: (i) => ({ externalCompanyId: `EXT-${i}` }),
		extra: (i) => ({ company: `Company ${i}` }),
		filterType: 'externalCompanyId',
		storeOf: standard('company'),
	},
	{
		resource: 'namedAccount',
		path: '/rest/v1/namedaccounts',
		idField: 'marketoGUID',
		key: (i) => ({ name: `Account ${i}` }),
		extra: () => ({ industry: 'Retail' }),
		filterType: 'name',
		storeOf: standard('namedAccount'),
	},
	{
		resource: 'opportunity',
		path: '/rest/v1/opportunities',
		idField: 'marketoGUID',
		key: (i) => ({ externalOpportunityId: `OPP-${i}` }),
		extra: (i) => ({ name: `Deal ${i}` }),
		filterType: 'externalOpportunityId',
		storeOf: standard('opportunity'),
	},
	{
		resource: 'opportunityRole',
		path: '/rest/v1/opportunities/roles',
		idField: 'marketoGUID',
		key: (i) => ({ externalOpportunityId: 'OPP-1', leadId: 100 + i, role: 'Buyer' }),
		extra: () => ({ isPrimary: false }),
		filterType: 'leadId',
		storeOf: standard('opportunityRole'),
	},
	{
		resource: 'salesPerson',
		path: '/rest/v1/salespersons',
		idField: 'id',
		key: (i) => ({ externalSalesPersonId: `SP-${i}` }),
		extra: (i) => ({ email: `seller${i}@example.com` }),
		filterType: 'externalSalesPersonId',
		storeOf: standard('salesPerson'),
	},
	{
		resource: 'customObject',
		path: '/rest/v1/customobjects/car_c',
		idField: 'marketoGUID',
		key: (i) => ({ vin: `VIN-${i}` }),
		extra: () => ({ make: 'Volvo' }),
		filterType: 'vin',
		storeOf: (emulator) => crmObjectsOf(emulator).custom('car_c') as ObjectStore,
		parameters: { customObjectName: 'car_c' },
	},
];

async function emptyInstance() {
	const emulator = await startEmulator();
	crmObjectsOf(emulator).clear();
	return { emulator, store: credentialStore(emulator) };
}

const records = (object: ObjectCase, count: number) => Array.from({ length: count }, (_, i) => ({ ...object.key(i), ...object.extra(i) }));

const keyRows = (object: ObjectCase) => ({ field: Object.keys(object.key(0)).map((name) => ({ name, value: `={{ $json.${name} }}` })) });

describe.each(OBJECTS)('$resource: the shared object operations', (object) => {
	const on = (operation: string, parameters: INodeParameters = {}): INodeParameters => ({
		resource: object.resource,
		operation,
		...object.parameters,
		...parameters,
	});

	it('Create or Update writes every item in one call, then updates what exists; results paired, without seq', async () => {
		const { emulator, store } = await emptyInstance();
		const first = await runMarketo(on('upsert', { fieldsToSend: 'autoMapInputData' }), { store, items: records(object, 3) });
		expect(first.error).toBeUndefined();
		expect(first.output(MARKETO_NODE).map((item) => item.json.status)).toEqual(['created', 'created', 'created']);

		const second = await runMarketo(on('upsert', { fieldsToSend: 'autoMapInputData' }), { store, items: records(object, 4) });
		const output = second.output(MARKETO_NODE);
		expect(output.map((item) => item.json.status)).toEqual(['updated', 'updated', 'updated', 'created']);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json[object.idField]).toBeDefined();
			expect(item.json).not.toHaveProperty('seq');
		});
		const writes = callsTo(emulator, 'POST', `${object.path}.json`);
		expect(writes).toHaveLength(2);
		expect(writes[1].body).toMatchObject({ action: 'createOrUpdate', dedupeBy: 'dedupeFields', input: records(object, 4) });
		expect(object.storeOf(emulator).size).toBe(4);
	});

	it('Get Many pools the items\' filter values into one call and hands each record back to its item', async () => {
		const { emulator, store } = await emptyInstance();
		for (const record of records(object, 3)) object.storeOf(emulator).insert(record as never);
		const items = records(object, 3).reverse().map((record) => ({ value: record[object.filterType] }));
		const result = await runMarketo(on('getMany', { filterType: object.filterType, filterValues: '={{ $json.value }}', returnAll: true }), {
			store,
			items,
		});
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(3);
		output.forEach((item, index) => {
			expect(item.json[object.filterType]).toBe(items[index].value);
			expect(item.json[object.idField]).toBeDefined();
			expect(item.json).not.toHaveProperty('seq');
			expect(item.pairedItem).toEqual({ item: index });
		});
		const queries = callsTo(emulator, 'GET', `${object.path}.json`);
		expect(queries).toHaveLength(1);
		expect(queries[0].query.filterType).toBe(object.filterType);
	});

	it('Delete by dedupe fields sends every item in one call; a record that does not exist is that item\'s error (1013)', async () => {
		const { emulator, store } = await emptyInstance();
		for (const record of records(object, 2)) object.storeOf(emulator).insert(record as never);
		const result = await runMarketo(on('delete', { deleteBy: 'dedupeFields', keyFields: keyRows(object) }), {
			store,
			items: records(object, 3).map((record, i) => ({ ...object.key(i), ignored: record })),
			continueOnFail: true,
		});
		const output = result.output(MARKETO_NODE);
		expect(output.slice(0, 2).map((item) => item.json.status)).toEqual(['deleted', 'deleted']);
		expect(output[2].json).toMatchObject({ code: '1013', error: expect.stringMatching(/Item 2: Marketo skipped this record \(1013/) });
		const deletes = callsTo(emulator, 'POST', `${object.path}/delete.json`);
		expect(deletes).toHaveLength(1);
		expect(deletes[0].body).toEqual({ deleteBy: 'dedupeFields', input: [object.key(0), object.key(1), object.key(2)] });
		expect(object.storeOf(emulator).size).toBe(0);
	});

	it('Delete by ID field finds the record by its Marketo key', async () => {
		const { emulator, store } = await emptyInstance();
		const [record] = records(object, 1);
		const id = object.storeOf(emulator).insert(record as never)[object.idField];
		const result = await runMarketo(on('delete', { deleteBy: 'idField', recordId: '={{ $json.key }}' }), { store, items: [{ key: id }] });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ [object.idField]: id, status: 'deleted' });
		expect(callsTo(emulator, 'POST', `${object.path}/delete.json`)[0].body).toEqual({ deleteBy: 'idField', input: [{ [object.idField]: id }] });
	});

	it('Describe answers every item from one call', async () => {
		const { emulator, store } = await emptyInstance();
		const result = await runMarketo(on('describe'), { store, items: [{}, {}, {}] });
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(3);
		expect(output[0].json).toMatchObject({ idField: object.idField, dedupeFields: Object.keys(object.key(0)) });
		expect(output[2].pairedItem).toEqual({ item: 2 });
		expect(callsTo(emulator, 'GET', `${object.path}/describe.json`)).toHaveLength(1);
	});
});

describe('Company: batching, record-level failures and input checks', () => {
	const upsertCompanies = (action: string): INodeParameters => ({ resource: 'company', operation: 'upsert', action, fieldsToSend: 'autoMapInputData' });
	const companies = (count: number) => Array.from({ length: count }, (_, i) => ({ externalCompanyId: `EXT-${i}`, company: `Company ${i}` }));

	it('upserts 650 companies in 3 calls; the one Marketo skips becomes that item\'s error', async () => {
		const { emulator, store } = await emptyInstance();
		crmObjectsOf(emulator).standard('company').insert({ externalCompanyId: 'EXT-100', company: 'Already here' });
		const result = await runMarketo(upsertCompanies('createOnly'), { store, items: companies(650), continueOnFail: true });

		const writes = callsTo(emulator, 'POST', '/rest/v1/companies.json');
		expect(writes.map((call) => (call.body as { input: unknown[] }).input.length).sort((a, b) => a - b)).toEqual([50, 300, 300]);
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(650);
		expect(output[100].json).toMatchObject({ code: '1005', error: expect.stringMatching(/^Item 100: Marketo skipped this record \(1005/) });
		expect(output.filter((item) => item.json.status === 'created')).toHaveLength(649);
		output.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		expect(emulator.violations()).toEqual([]);
	});

	it('without Continue On Fail, a skipped company fails the node and names the item', async () => {
		const { store } = await emptyInstance();
		const result = await runMarketo(upsertCompanies('updateOnly'), { store, items: companies(2) });
		expect(result.error?.message).toMatch(/Item 0: Marketo skipped this record \(1004/);
	});

	it('sends fields mapped in the UI with the chosen action', async () => {
		const { emulator, store } = await emptyInstance();
		await runMarketo(
			{
				resource: 'company',
				operation: 'upsert',
				action: 'createOnly',
				fieldsToSend: 'defineBelow',
				fieldValues: { field: [{ name: 'externalCompanyId', value: 'EXT-1' }, { name: 'industry', value: 'Energy' }] },
			},
			{ store },
		);
		expect(callsTo(emulator, 'POST', '/rest/v1/companies.json')[0].body).toEqual({
			action: 'createOnly',
			dedupeBy: 'dedupeFields',
			input: [{ externalCompanyId: 'EXT-1', industry: 'Energy' }],
		});
	});

	it.each([
		[{ action: 'createOrUpdate', dedupeBy: 'idField' }, [{ id: 1 }], /Item 0, field "Dedupe By": "ID Field" works only with Action "Update Only"/],
		[{ action: 'createOrUpdate' }, [{ externalCompanyId: 'EXT-1' }, { company: 'No key' }], /Item 1, field "externalCompanyId": is empty; Marketo matches companies on externalCompanyId/],
		[{ action: 'updateOnly', dedupeBy: 'idField' }, [{ company: 'No id' }], /Item 0, field "id": is empty/],
		[{ action: 'createOrUpdate' }, [{ externalCompanyId: 'EXT-1', address: { city: 'Oslo' } }], /Item 0, field "address": is an object/],
	])('refuses bad input before any call: %p', async (parameters, items, message) => {
		const { emulator, store } = await emptyInstance();
		const result = await runMarketo({ resource: 'company', operation: 'upsert', fieldsToSend: 'autoMapInputData', ...parameters }, { store, items });
		expect(result.error?.message).toMatch(message);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('pools 400 filter values over 2 calls (300 per call)', async () => {
		const { emulator, store } = await emptyInstance();
		for (const company of companies(400)) crmObjectsOf(emulator).standard('company').insert(company);
		const result = await runMarketo(
			{ resource: 'company', operation: 'getMany', filterType: 'externalCompanyId', filterValues: '={{ $json.externalCompanyId }}', returnAll: true, fields: ['company'] },
			{ store, items: companies(400) },
		);
		const output = result.output(MARKETO_NODE);
		expect(output.map((item) => item.json.company)).toEqual(companies(400).map((company) => company.company));
		const queries = callsTo(emulator, 'GET', '/rest/v1/companies.json');
		expect(queries).toHaveLength(2);
		// The filter and id fields are asked for too, so each record can be handed back to its item.
		expect(queries[0].query.fields).toBe('id,company,externalCompanyId');
	});

	it('pages with nextPageToken past 300 matches and honours Limit', async () => {
		const { emulator, store } = await emptyInstance();
		for (let i = 0; i < 650; i++) crmObjectsOf(emulator).standard('company').insert({ externalCompanyId: `EXT-${i}`, company: 'Acme' });
		const parameters = { resource: 'company', operation: 'getMany', filterType: 'company', filterValues: 'Acme' };
		const all = await runMarketo({ ...parameters, returnAll: true }, { store });
		expect(all.output(MARKETO_NODE)).toHaveLength(650);
		expect(callsTo(emulator, 'GET', '/rest/v1/companies.json')).toHaveLength(3);

		emulator.resetCounters();
		const limited = await runMarketo({ ...parameters, returnAll: false, limit: 10 }, { store });
		expect(limited.output(MARKETO_NODE)).toHaveLength(10);
		expect(callsTo(emulator, 'GET', '/rest/v1/companies.json')).toHaveLength(1);
	});

	it('refuses a lookup value holding a comma (Marketo would search its parts); the other items are looked up', async () => {
		const { emulator, store } = await emptyInstance();
		crmObjectsOf(emulator).standard('company').insert({ externalCompanyId: 'EXT-1', company: 'Acme' });
		const parameters = { resource: 'company', operation: 'getMany', filterType: 'company', filterValues: '={{ [$json.company] }}', returnAll: true };
		const result = await runMarketo(parameters, { store, items: [{ company: 'Acme, Inc' }, { company: 'Acme' }], continueOnFail: true });
		const output = result.output(MARKETO_NODE);
		expect(output[0].json.error).toMatch(/Item 0, field "company": "Acme, Inc" contains a comma/);
		expect(output[1].json).toMatchObject({ company: 'Acme', externalCompanyId: 'EXT-1' });
		const queries = callsTo(emulator, 'GET', '/rest/v1/companies.json');
		expect(queries.map((call) => call.query.filterValues)).toEqual(['acme']);
	});

	it('refuses an empty filter before any call', async () => {
		const { emulator, store } = await emptyInstance();
		const result = await runMarketo({ resource: 'company', operation: 'getMany', filterType: 'company', filterValues: ' , ' }, { store });
		expect(result.error?.message).toMatch(/Item 0, field "Filter Values": is empty/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('delete refuses a key field that is not the dedupe key, before any call', async () => {
		const { emulator, store } = await emptyInstance();
		const result = await runMarketo(
			{ resource: 'company', operation: 'delete', deleteBy: 'dedupeFields', keyFields: { field: [{ name: 'company', value: 'Acme' }] } },
			{ store },
		);
		expect(result.error?.message).toMatch(/Item 0, field "Dedupe Field Values": "company" is not a dedupe field of companies \(externalCompanyId\)/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('delete by ID refuses an id that is not a number, before any call', async () => {
		const { emulator, store } = await emptyInstance();
		const result = await runMarketo({ resource: 'company', operation: 'delete', deleteBy: 'idField', recordId: 'abc' }, { store });
		expect(result.error?.message).toMatch(/Item 0, field "Marketo ID": "abc" is not a Marketo id/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});
