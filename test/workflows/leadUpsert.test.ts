import { callsTo, credentialStore, leadItems, MARKETO_NODE, runMarketo, startEmulator, upsertFromItems } from './marketoWorkflow';

describe('Lead → Create or Update, in a real workflow against the emulator', () => {
	it('writes 1,000 items in 4 calls, each output item paired with its input and carrying its id and status', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		const result = await runMarketo(upsertFromItems(), { store, items: leadItems(1000) });

		expect(result.error).toBeUndefined();
		const writes = callsTo(emulator, 'POST', '/rest/v1/leads.json');
		expect(writes.map((call) => (call.body as { input: unknown[] }).input.length).sort()).toEqual([100, 300, 300, 300]);
		expect(emulator.apiCalls()).toHaveLength(4);
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(1000);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.status).toBe('created');
			expect(emulator.leads.get(item.json.id as number)?.email).toBe(`lead${index}@example.com`);
		});
		expect(emulator.violations()).toEqual([]);
	});

	it('updates what exists and creates the rest on a second run', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		await runMarketo(upsertFromItems(), { store, items: leadItems(3) });
		const result = await runMarketo(upsertFromItems(), { store, items: leadItems(5) });
		expect(result.output(MARKETO_NODE).map((item) => item.json.status)).toEqual(['updated', 'updated', 'updated', 'created', 'created']);
		expect(emulator.leads.size).toBe(5);
	});

	it('turns a record Marketo skips into that item\'s error and lets the others through with Continue On Fail', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		await runMarketo(upsertFromItems(), { store, items: leadItems(1) });
		const result = await runMarketo(upsertFromItems('createOnly'), { store, items: leadItems(3), continueOnFail: true });

		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(3);
		expect(output[0].json.error).toMatch(/Item 0: Marketo skipped this record \(1005/);
		expect(output[0].json.code).toBe('1005');
		expect(output.slice(1).map((item) => item.json.status)).toEqual(['created', 'created']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('without Continue On Fail, a skipped record fails the node and names the item', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		const result = await runMarketo(upsertFromItems('updateOnly'), { store, items: leadItems(2) });
		expect(result.error?.message).toMatch(/Item 0: Marketo skipped this record \(1004 Lead not found\)/);
	});

	it.each([
		[{ email: 'a@example.com', address: { city: 'Paris' } }, /Item 1, field "address": is an object/],
		[{ email: 'not-an-email' }, /Item 1, field "email": "not-an-email" is not a valid email address/],
		[{ firstName: 'No Email' }, /Item 1, field "email": is empty; Marketo matches leads on the lookup field "email"/],
		[{ email: 'a@example.com', tags: ['x'] }, /Item 1, field "tags": is a list/],
	])('refuses bad input before any call: %p', async (bad, message) => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		const result = await runMarketo(upsertFromItems(), { store, items: [{ email: 'ok@example.com' }, bad] });
		expect(result.error?.message).toMatch(message);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('with Continue On Fail, bad input fails only its own item', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		const result = await runMarketo(upsertFromItems(), {
			store,
			items: [{ email: 'ok@example.com' }, { email: 'bad' }],
			continueOnFail: true,
		});
		const output = result.output(MARKETO_NODE);
		expect(output[0].json.status).toBe('created');
		expect(output[1].json.error).toMatch(/Item 1, field "email"/);
		expect(callsTo(emulator, 'POST', '/rest/v1/leads.json')).toHaveLength(1);
	});

	it('sends fields mapped in the UI, with lookup field and action', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		const result = await runMarketo(
			{
				resource: 'lead',
				operation: 'upsert',
				action: 'createOrUpdate',
				fieldsToSend: 'defineBelow',
				fieldValues: {
					field: [
						{ name: 'email', value: '={{ $json.mail }}' },
						{ name: 'company', value: 'Acme' },
					],
				},
				options: { lookupField: 'email' },
			},
			{ store, items: [{ mail: 'ui@example.com' }] },
		);
		expect(result.output(MARKETO_NODE)[0].json.status).toBe('created');
		expect(callsTo(emulator, 'POST', '/rest/v1/leads.json')[0].body).toEqual({
			action: 'createOrUpdate',
			lookupField: 'email',
			input: [{ email: 'ui@example.com', company: 'Acme' }],
		});
	});
});
