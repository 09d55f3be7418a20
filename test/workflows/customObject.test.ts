import { crmObjectsOf } from '../emulator/crmObjects/crmObjects';
import { callsTo, credentialStore, dropdown, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

async function instance() {
	const emulator = await startEmulator();
	return { emulator, store: credentialStore(emulator) };
}

describe('Custom Object', () => {
	it('offers the instance\'s custom object types from the list-types endpoint, cached so reopening spends no call', async () => {
		const { emulator, store } = await instance();
		const types = await dropdown('getCustomObjectTypes', store);
		expect(types).toEqual([
			{ name: 'Car (car_c)', value: 'car_c' },
			{ name: 'Subscription (subscription_c)', value: 'subscription_c' },
		]);
		await dropdown('getCustomObjectTypes', store);
		expect(callsTo(emulator, 'GET', '/rest/v1/customobjects.json')).toHaveLength(1);
	});

	it('lists the chosen type\'s searchable, writable and dedupe fields from its describe', async () => {
		const { emulator, store } = await instance();
		const parameters = { resource: 'customObject', customObjectName: 'car_c' };
		const values = async (method: string) => (await dropdown(method, store, parameters)).map((option) => option.value);
		expect(await values('getObjectFilterTypes')).toEqual(['leadId', 'marketoGUID', 'vin']);
		expect(await values('getObjectDedupeFields')).toEqual(['vin']);
		const writable = await values('getWritableObjectFields');
		expect(writable).toEqual(expect.arrayContaining(['vin', 'make', 'year', 'marketoGUID']));
		expect(writable).not.toContain('createdAt');
		expect(await values('getObjectFields')).toContain('createdAt');
		expect(callsTo(emulator, 'GET', '/rest/v1/customobjects/car_c/describe.json')).toHaveLength(1);
	});

	it('lists nothing (and calls nothing) until a type is chosen', async () => {
		const { emulator, store } = await instance();
		expect(await dropdown('getObjectFilterTypes', store, { resource: 'customObject', customObjectName: '' })).toEqual([]);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('standard objects\' dropdowns come from their own describe, compound keys left out of the filter types', async () => {
		const { store } = await instance();
		const roles = await dropdown('getObjectFilterTypes', store, { resource: 'opportunityRole' });
		expect(roles.map((option) => option.value)).toEqual(['externalOpportunityId', 'leadId', 'marketoGUID']);
		const companies = await dropdown('getObjectFilterTypes', store, { resource: 'company' });
		expect(companies).toContainEqual({ name: 'External Company Id (externalCompanyId)', value: 'externalCompanyId' });
	});

	it('List Types returns every type for each item from one call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'customObject', operation: 'listTypes' }, { store, items: [{}, {}] });
		const output = result.output(MARKETO_NODE);
		expect(output.map((item) => [item.json.name, item.pairedItem])).toEqual([
			['car_c', { item: 0 }],
			['subscription_c', { item: 0 }],
			['car_c', { item: 1 }],
			['subscription_c', { item: 1 }],
		]);
		expect(callsTo(emulator, 'GET', '/rest/v1/customobjects.json')).toHaveLength(1);
	});

	it('Get Many without fields asks for Marketo\'s default (id, dedupe fields, dates) read from the type\'s describe', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'customObject', operation: 'getMany', customObjectName: 'car_c', filterType: 'vin', filterValues: 'DEMO-VIN-1', returnAll: true },
			{ store },
		);
		expect(result.output(MARKETO_NODE).map((item) => Object.keys(item.json).sort())).toEqual([['createdAt', 'marketoGUID', 'updatedAt', 'vin']]);
		expect(callsTo(emulator, 'GET', '/rest/v1/customobjects/car_c.json')[0].query.fields).toBe('marketoGUID,vin,updatedAt,createdAt');
		expect(callsTo(emulator, 'GET', '/rest/v1/customobjects/car_c/describe.json')).toHaveLength(1);
	});

	it('items may name different types: each type gets its own call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'customObject', operation: 'upsert', customObjectName: '={{ $json.type }}', fieldsToSend: 'defineBelow', fieldValues: { field: [{ name: '={{ $json.key }}', value: '={{ $json.value }}' }] } },
			{ store, items: [{ type: 'car_c', key: 'vin', value: 'V-1' }, { type: 'subscription_c', key: 'subscriptionId', value: 'S-1' }, { type: 'car_c', key: 'vin', value: 'V-2' }] },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.status)).toEqual(['created', 'created', 'created']);
		expect(callsTo(emulator, 'POST', '/rest/v1/customobjects/car_c.json')).toHaveLength(1);
		expect(callsTo(emulator, 'POST', '/rest/v1/customobjects/subscription_c.json')).toHaveLength(1);
		expect(crmObjectsOf(emulator).custom('car_c')?.size).toBe(4);
	});

	it('refuses a type name that is not an API name before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'customObject', operation: 'describe', customObjectName: '../leads' }, { store });
		expect(result.error?.message).toMatch(/Item 0, field "Custom Object Type": "..\/leads" is not a custom object API name/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('a type the instance does not have is that item\'s error, with Marketo\'s code', async () => {
		const { store } = await instance();
		const result = await runMarketo(
			{ resource: 'customObject', operation: 'describe', customObjectName: '={{ $json.type }}' },
			{ store, items: [{ type: 'car_c' }, { type: 'boat_c' }], continueOnFail: true },
		);
		const output = result.output(MARKETO_NODE);
		expect(output[0].json.apiName).toBe('car_c');
		expect(output[1].json).toMatchObject({ code: '1003', error: expect.stringMatching(/boat_c/) });
	});
});
