import { callsTo, credentialStore, leadItems, MARKETO_NODE, runMarketo, startEmulator, upsertFromItems } from './marketoWorkflow';

async function seeded(count: number) {
	const emulator = await startEmulator();
	const store = credentialStore(emulator);
	await runMarketo(upsertFromItems(), { store, items: leadItems(count) });
	emulator.resetCounters();
	return { emulator, store };
}

describe('Lead → Get and Get Many', () => {
	it('gets 600 leads by id in 2 calls, each paired with its item', async () => {
		const { emulator, store } = await seeded(600);
		const ids = emulator.leads.all().map((lead) => lead.id);
		const result = await runMarketo(
			{ resource: 'lead', operation: 'get', leadId: '={{ $json.id }}', fields: ['email', 'firstName'] },
			{ store, items: ids.map((id) => ({ id })) },
		);
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(600);
		output.forEach((item, index) => {
			expect(item.json.id).toBe(ids[index]);
			expect(item.pairedItem).toEqual({ item: index });
		});
		expect(callsTo(emulator, 'GET', '/rest/v1/leads.json')).toHaveLength(2);
	});

	it('names the item whose lead does not exist, or whose id is not an id', async () => {
		const { store } = await seeded(1);
		const missing = await runMarketo({ resource: 'lead', operation: 'get', leadId: '999999' }, { store });
		expect(missing.error?.message).toMatch(/Item 0, field "Lead ID": no lead with id 999999 exists/);
		const notAnId = await runMarketo({ resource: 'lead', operation: 'get', leadId: 'abc' }, { store });
		expect(notAnId.error?.message).toMatch(/Item 0, field "Lead ID": "abc" is not a Marketo id/);
	});

	it('pools the filter values of all items, 300 per call, and hands each lead back to its item', async () => {
		const { emulator, store } = await seeded(400);
		const items = leadItems(400).map((lead) => ({ email: lead.email.toUpperCase() }));
		const result = await runMarketo(
			{ resource: 'lead', operation: 'getMany', filterType: 'email', filterValues: '={{ $json.email }}', returnAll: true },
			{ store, items },
		);
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(400);
		output.forEach((item, index) => {
			expect(item.json.email).toBe(`lead${index}@example.com`);
			expect(item.pairedItem).toEqual({ item: index });
		});
		expect(callsTo(emulator, 'GET', '/rest/v1/leads.json')).toHaveLength(2);
	});

	it('pages with nextPageToken when one value matches more than a page, and honours Limit', async () => {
		const { emulator, store } = await seeded(0);
		for (let i = 0; i < 650; i++) emulator.leads.insert({ email: `p${i}@example.com`, industryVertical__c: 'Retail' });
		const all = await runMarketo(
			{ resource: 'lead', operation: 'getMany', filterType: 'industryVertical__c', filterValues: 'Retail', returnAll: true },
			{ store },
		);
		expect(all.output(MARKETO_NODE)).toHaveLength(650);
		expect(callsTo(emulator, 'GET', '/rest/v1/leads.json')).toHaveLength(3);

		emulator.resetCounters();
		const limited = await runMarketo(
			{ resource: 'lead', operation: 'getMany', filterType: 'industryVertical__c', filterValues: 'Retail', returnAll: false, limit: 10 },
			{ store },
		);
		expect(limited.output(MARKETO_NODE)).toHaveLength(10);
		expect(callsTo(emulator, 'GET', '/rest/v1/leads.json')).toHaveLength(1);
	});

	it('refuses empty filter values before any call', async () => {
		const { emulator, store } = await seeded(0);
		const result = await runMarketo({ resource: 'lead', operation: 'getMany', filterType: 'email', filterValues: ' , ' }, { store });
		expect(result.error?.message).toMatch(/Item 0, field "Filter Values": is empty/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('sends a long value list as POST _method=GET instead of a URI over 8 KB', async () => {
		const { emulator, store } = await seeded(300);
		const items = leadItems(300).map((lead) => ({ email: `${'x'.repeat(20)}.${lead.email}` }));
		const result = await runMarketo(
			{ resource: 'lead', operation: 'getMany', filterType: 'email', filterValues: '={{ $json.email }}', returnAll: true },
			{ store, items },
		);
		expect(result.error).toBeUndefined();
		const [call] = callsTo(emulator, 'GET', '/rest/v1/leads.json');
		expect(call.method).toBe('POST');
		expect(call.query._method).toBe('GET');
		expect(emulator.violations()).toEqual([]);
	});
});

describe('Lead → Delete', () => {
	it('deletes in batches of 300 and reports a lead that was not there as that item\'s error', async () => {
		const { emulator, store } = await seeded(301);
		const ids = emulator.leads.all().map((lead) => lead.id);
		const result = await runMarketo(
			{ resource: 'lead', operation: 'delete', leadId: '={{ $json.id }}' },
			{ store, items: [...ids, 999999].map((id) => ({ id })), continueOnFail: true },
		);
		const output = result.output(MARKETO_NODE);
		expect(output.slice(0, 301).every((item) => item.json.status === 'deleted')).toBe(true);
		expect(output[301].json.error).toMatch(/Item 301: Marketo skipped this record \(1004/);
		expect(callsTo(emulator, 'POST', '/rest/v1/leads/delete.json')).toHaveLength(2);
		expect(emulator.leads.size).toBe(0);
	});
});

describe('Usage → Get Daily Usage', () => {
	it('returns one row per API user for today, in one call', async () => {
		const { emulator, store } = await seeded(10);
		const result = await runMarketo({ resource: 'usage', operation: 'getDailyUsage' }, { store });
		const [row] = result.output(MARKETO_NODE);
		expect(row.json).toMatchObject({ userId: expect.stringContaining('@'), count: expect.any(Number) });
		expect(row.json.count).toBeGreaterThanOrEqual(1);
		expect(callsTo(emulator, 'GET', '/rest/v1/stats/usage.json')).toHaveLength(1);
	});
});
