import { callsTo, credentialStore, leadItems, MARKETO_NODE, runMarketo, startEmulator, upsertFromItems } from './marketoWorkflow';

async function withLeads(count: number) {
	const emulator = await startEmulator();
	const store = credentialStore(emulator);
	await runMarketo(upsertFromItems(), { store, items: leadItems(count) });
	emulator.resetCounters();
	return { emulator, store, ids: emulator.leads.all().map((lead) => lead.id) };
}

describe('Lead → Merge', () => {
	it('merges losers into the winner, one call per item; the losers are gone', async () => {
		const { emulator, store, ids } = await withLeads(4);
		const result = await runMarketo(
			{ resource: 'lead', operation: 'merge', leadId: String(ids[0]), losingLeadIds: `${ids[1]}, ${ids[2]}`, mergeInCRM: false },
			{ store },
		);
		expect(result.output(MARKETO_NODE)[0].json).toEqual({ id: ids[0], mergedLeadIds: [ids[1], ids[2]], status: 'merged' });
		const [call] = callsTo(emulator, 'POST', `/rest/v1/leads/${ids[0]}/merge.json`);
		expect(call.query).toEqual({ leadIds: `${ids[1]},${ids[2]}`, mergeInCRM: 'false' });
		expect(emulator.leads.size).toBe(2);
	});

	it('refuses a winner listed among the losers before any call', async () => {
		const { emulator, store, ids } = await withLeads(2);
		const result = await runMarketo({ resource: 'lead', operation: 'merge', leadId: String(ids[0]), losingLeadIds: String(ids[0]) }, { store });
		expect(result.error?.message).toMatch(/Item 0, field "Losing Lead IDs": contains the winning lead/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});

describe('Lead → Associate Web Activity', () => {
	it('sends the Munchkin cookie in the query string', async () => {
		const { emulator, store, ids } = await withLeads(1);
		const cookie = 'id:123-ABC-456&token:_mch-example.com-1700000000000-12345';
		const result = await runMarketo({ resource: 'lead', operation: 'associate', leadId: String(ids[0]), cookie }, { store });
		expect(result.output(MARKETO_NODE)[0].json.status).toBe('associated');
		expect(callsTo(emulator, 'POST', `/rest/v1/leads/${ids[0]}/associate.json`)[0].query.cookie).toBe(cookie);
	});

	it('names a value that is not a Munchkin cookie', async () => {
		const { store, ids } = await withLeads(1);
		const result = await runMarketo({ resource: 'lead', operation: 'associate', leadId: String(ids[0]), cookie: 'abc' }, { store });
		expect(result.error?.message).toMatch(/Item 0, field "Munchkin Cookie": "abc" is not a _mkto_trk value/);
	});
});

describe('Lead → Push', () => {
	it('pushes 350 leads into a program in 2 calls, each item with its id', async () => {
		const { emulator, store } = await withLeads(0);
		const result = await runMarketo(
			{ resource: 'lead', operation: 'push', programName: 'Webinar 2026', fieldsToSend: 'autoMapInputData', options: { source: 'n8n' } },
			{ store, items: leadItems(350) },
		);
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(350);
		expect(output.every((item) => typeof item.json.id === 'number')).toBe(true);
		const calls = callsTo(emulator, 'POST', '/rest/v1/leads/push.json');
		expect(calls).toHaveLength(2);
		expect(calls[0].body).toMatchObject({ programName: 'Webinar 2026', source: 'n8n' });
	});

	it('a record Marketo answers with reasons and no status is that item\'s error, with Marketo\'s code; the others go through', async () => {
		const { store } = await withLeads(0);
		const result = await runMarketo(
			{ resource: 'lead', operation: 'push', programName: 'Webinar 2026', fieldsToSend: 'autoMapInputData' },
			{ store, items: [{ email: 'a@example.com' }, { email: 'b@example.com', notAField: 'x' }], continueOnFail: true },
		);
		const output = result.output(MARKETO_NODE);
		expect(output[0].json).toMatchObject({ status: 'created' });
		expect(output[1].json).toEqual({ error: expect.stringMatching(/^Item 1: Marketo gave no status for this record \(1006 /), code: '1006' });
	});
});

describe('Lead → Submit Form', () => {
	it('submits one form per item with visitor data', async () => {
		const { emulator, store } = await withLeads(0);
		const result = await runMarketo(
			{
				resource: 'lead',
				operation: 'submitForm',
				formId: '1029',
				fieldsToSend: 'autoMapInputData',
				options: { pageURL: 'https://example.com/demo', queryString: 'utm_source=n8n' },
			},
			{ store, items: leadItems(2) },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.status)).toEqual(['created', 'created']);
		const calls = callsTo(emulator, 'POST', '/rest/v1/leads/submitForm.json');
		expect(calls).toHaveLength(2);
		expect(calls[0].body).toEqual({
			formId: 1029,
			input: [{ leadFormFields: leadItems(1)[0], visitorData: { pageURL: 'https://example.com/demo', queryString: 'utm_source=n8n' } }],
		});
	});

	it('turns a field Marketo does not know into that item\'s error', async () => {
		const { store } = await withLeads(0);
		const result = await runMarketo(
			{ resource: 'lead', operation: 'submitForm', formId: '1029', fieldsToSend: 'autoMapInputData' },
			{ store, items: [{ email: 'a@example.com' }, { email: 'b@example.com', notAField: 'x' }], continueOnFail: true },
		);
		const output = result.output(MARKETO_NODE);
		expect(output[0].json.status).toBe('created');
		expect(output[1].json.error).toMatch(/Item 1: Marketo skipped this record \(1006/);
	});
});

describe('Lead → Describe and Get Partitions', () => {
	it('describes every field once per run, marking the searchable ones', async () => {
		const { emulator, store } = await withLeads(0);
		const result = await runMarketo({ resource: 'lead', operation: 'describe' }, { store });
		const fields = result.output(MARKETO_NODE).map((item) => item.json);
		expect(fields.find((field) => field.name === 'email')).toMatchObject({ searchable: true, dataType: 'email' });
		expect(fields.find((field) => field.name === 'firstName')?.searchable).toBe(false);
		expect(callsTo(emulator, 'GET', '/rest/v1/leads/describe2.json')).toHaveLength(1);
	});

	it('lists partitions', async () => {
		const { store } = await withLeads(0);
		const result = await runMarketo({ resource: 'lead', operation: 'getPartitions' }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ id: 1, name: 'Default' });
	});
});

describe('Lead → Change Program Status', () => {
	it('sets 350 leads\' status in 2 calls; an unknown lead is that item\'s error', async () => {
		const { emulator, store, ids } = await withLeads(349);
		const items = [...ids, 999999].map((id) => ({ id }));
		const result = await runMarketo(
			{
				resource: 'lead',
				operation: 'changeProgramStatus',
				leadId: '={{ $json.id }}',
				programId: { __rl: true, mode: 'url', value: 'https://app-ab12.marketo.com/#PG1001A1' },
				statusName: 'Registered',
			},
			{ store, items, continueOnFail: true },
		);
		const output = result.output(MARKETO_NODE);
		expect(output.slice(0, 349).every((item) => item.json.status === 'updated')).toBe(true);
		expect(output[349].json.error).toMatch(/Item 349: Marketo skipped this record \(1004/);
		const calls = callsTo(emulator, 'POST', '/rest/v1/leads/programs/1001/status.json');
		expect(calls.map((call) => (call.body as { input: unknown[] }).input.length)).toEqual([300, 50]);
		expect(calls[0].body).toMatchObject({ status: 'Registered' });
	});

	it('names a program URL it cannot read before any call', async () => {
		const { emulator, store, ids } = await withLeads(1);
		const result = await runMarketo(
			{
				resource: 'lead',
				operation: 'changeProgramStatus',
				leadId: String(ids[0]),
				programId: { __rl: true, mode: 'url', value: '={{ "https://example.com/" }}' },
				statusName: 'Registered',
			},
			{ store },
		);
		expect(result.error?.message).toMatch(/Item 0, field "Program"/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});

describe('Lead → memberships', () => {
	it('lists the programs, static lists and smart campaigns a lead belongs to, paged', async () => {
		const { emulator, store, ids } = await withLeads(1);
		await runMarketo(
			{
				resource: 'lead',
				operation: 'changeProgramStatus',
				leadId: String(ids[0]),
				programId: { __rl: true, mode: 'id', value: '1001' },
				statusName: 'Registered',
			},
			{ store },
		);
		const programs = await runMarketo({ resource: 'lead', operation: 'getProgramMemberships', leadId: String(ids[0]), returnAll: true }, { store });
		expect(programs.output(MARKETO_NODE).map((item) => item.json)).toEqual([
			expect.objectContaining({ leadId: ids[0], id: 1001, progressionStatus: 'Registered' }),
		]);
		const lists = await runMarketo({ resource: 'lead', operation: 'getListMemberships', leadId: String(ids[0]), returnAll: true }, { store });
		expect(lists.error).toBeUndefined();
		const campaigns = await runMarketo({ resource: 'lead', operation: 'getSmartCampaignMemberships', leadId: '1', returnAll: true }, { store });
		expect(campaigns.error).toBeUndefined();
		expect(callsTo(emulator, 'GET', `/rest/v1/leads/${ids[0]}/programMembership.json`)).toHaveLength(1);
	});

	it('a lead Marketo does not know is that item\'s error', async () => {
		const { store } = await withLeads(0);
		const result = await runMarketo({ resource: 'lead', operation: 'getListMemberships', leadId: '424242', returnAll: true }, { store, continueOnFail: true });
		expect(result.output(MARKETO_NODE)[0].json.error).toMatch(/1004/);
	});
});
