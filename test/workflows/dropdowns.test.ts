import { callsTo, credentialStore, dropdown, startEmulator } from './marketoWorkflow';

describe('dropdowns', () => {
	it('lists lead fields from describe, writable ones without read-only fields, cached so reopening spends no call', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		const fields = await dropdown('getLeadFields', store);
		expect(fields.map((option) => option.value)).toEqual(expect.arrayContaining(['email', 'firstName', 'industryVertical__c']));
		expect(fields.find((option) => option.value === 'email')?.name).toMatch(/\(email\)$/);

		const writable = await dropdown('getWritableLeadFields', store);
		const writableNames = writable.map((option) => option.value);
		expect(writableNames).toContain('email');
		expect(writableNames).not.toContain('createdAt');
		expect(writableNames.length).toBeLessThan(fields.length);

		await dropdown('getLeadFields', store);
		expect(callsTo(emulator, 'GET', '/rest/v1/leads/describe.json')).toHaveLength(1);
	});

	it('offers the searchable fields (describe2) as filter types, without compound keys', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		const filterTypes = (await dropdown('getLeadFilterTypes', store)).map((option) => option.value);
		expect(filterTypes).toEqual(expect.arrayContaining(['email', 'id']));
		expect(callsTo(emulator, 'GET', '/rest/v1/leads/describe2.json')).toHaveLength(1);
	});

	it('lists the lead partitions for Create or Update and Push', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		expect(await dropdown('getLeadPartitions', store)).toEqual([expect.objectContaining({ name: 'Default', value: 'Default' })]);
		await dropdown('getLeadPartitions', store);
		expect(callsTo(emulator, 'GET', '/rest/v1/leads/partitions.json')).toHaveLength(1);
	});

	it('shows a Marketo refusal as an n8n error with the code', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		emulator.inject({ on: 1, respondWithCode: '603', message: 'Access denied' });
		await expect(dropdown('getLeadFields', store)).rejects.toThrow(/603.*Access denied/);
	});
});
