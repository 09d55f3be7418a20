import { send, startEmulator, tokenFor } from './testClient';

describe('Describe Lead (GET /rest/v1/leads/describe.json and describe2.json)', () => {
	it('describe lists every lead field as a LeadAttribute', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token });
		const fields = answer.body.result ?? [];
		const names = fields.map((f) => (f.rest as { name: string }).name);
		expect(names).toEqual(expect.arrayContaining(['id', 'email', 'firstName', 'lastName', 'company', 'phone', 'title', 'leadScore', 'createdAt', 'updatedAt', 'industryVertical__c']));
		expect(fields.find((f) => (f.rest as { name: string }).name === 'email')).toEqual({
			id: expect.any(Number),
			displayName: 'Email Address',
			dataType: 'email',
			length: 255,
			rest: { name: 'email', readOnly: false },
			soap: { name: 'Email', readOnly: false },
		});
		expect(fields.find((f) => (f.rest as { name: string }).name === 'id')).toMatchObject({ dataType: 'integer', rest: { readOnly: true } });
	});

	it('describe2 lists searchable fields and field details', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', '/rest/v1/leads/describe2.json', { token });
		const [lead] = answer.body.result ?? [];
		expect(lead.name).toBe('API Lead');
		expect(lead.searchableFields).toEqual(expect.arrayContaining([['id'], ['email'], ['externalId__c']]));
		expect(lead.fields).toEqual(
			expect.arrayContaining([
				{ name: 'updatedAt', displayName: 'Updated At', dataType: 'datetime', updateable: false, crmManaged: false },
				{ name: 'industryVertical__c', displayName: 'Industry Vertical', dataType: 'string', length: 255, updateable: true, crmManaged: false },
			]),
		);
	});

	it('the described fields are exactly the fields a lead may hold', async () => {
		const emulator = await startEmulator({ seedLeads: 20 });
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', '/rest/v1/leads/describe2.json', { token });
		const described = new Set((answer.body.result?.[0].fields as Array<{ name: string }>).map((f) => f.name));
		const held = new Set(emulator.leads.all().flatMap((lead) => Object.keys(lead)));
		expect([...held].filter((name) => !described.has(name))).toEqual([]);
		const everyField = [...described].join(',');
		const all = await send(emulator, 'GET', `/rest/v1/lead/1.json?fields=${everyField}`, { token });
		expect(all.body.success).toBe(true);
	});
});
