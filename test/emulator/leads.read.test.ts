import { outcome, send, startEmulator, tokenFor } from './testClient';

const byFilter = (query: Record<string, string>) => `/rest/v1/leads.json?${new URLSearchParams(query)}`;

describe('Get Lead by Id (GET /rest/v1/lead/{leadId}.json)', () => {
	it('answers the lead with the default fields', async () => {
		const emulator = await startEmulator({ seedLeads: 3 });
		const token = await tokenFor(emulator);
		const lead = emulator.leads.get(2);
		const answer = await send(emulator, 'GET', '/rest/v1/lead/2.json', { token });
		expect(answer.body.result).toEqual([
			{ id: 2, firstName: lead?.firstName, lastName: lead?.lastName, email: lead?.email, updatedAt: lead?.updatedAt, createdAt: lead?.createdAt },
		]);
	});

	it('answers only the requested fields (and id), null where a field has no value', async () => {
		const emulator = await startEmulator();
		emulator.leads.insert({ email: 'ada@example.com', company: 'Analytical Engines' });
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', '/rest/v1/lead/1.json?fields=company,title', { token });
		expect(answer.body.result).toEqual([{ id: 1, company: 'Analytical Engines', title: null }]);
	});

	it('an unknown id answers success with an empty result', async () => {
		const emulator = await startEmulator({ seedLeads: 1 });
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', '/rest/v1/lead/999.json', { token });
		expect(answer.body).toMatchObject({ success: true, result: [] });
	});

	it('an unknown field answers 1006 and a non-integer id 1001', async () => {
		const emulator = await startEmulator({ seedLeads: 1 });
		const token = await tokenFor(emulator);
		const unknownField = await send(emulator, 'GET', '/rest/v1/lead/1.json?fields=email,shoeSize', { token });
		expect(unknownField.body.errors).toEqual([{ code: '1006', message: "Field 'shoeSize' not found" }]);
		expect(outcome(await send(emulator, 'GET', '/rest/v1/lead/abc.json', { token }))).toBe('1001');
	});
});

describe('Get Leads by Filter Type (GET /rest/v1/leads.json)', () => {
	it('matches string values case-insensitively and answers the default fields', async () => {
		const emulator = await startEmulator();
		emulator.leads.insert({ email: 'Ada.Lovelace@Example.com', firstName: 'Ada' });
		emulator.leads.insert({ email: 'grace@example.com', firstName: 'Grace' });
		emulator.leads.insert({ email: 'alan@example.com', firstName: 'Alan' });
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', byFilter({ filterType: 'email', filterValues: 'ada.lovelace@example.com,ALAN@example.com' }), { token });
		expect(answer.body).toMatchObject({ success: true, moreResult: false });
		expect(answer.body.nextPageToken).toBeUndefined();
		expect(answer.body.result?.map((l) => l.firstName)).toEqual(['Ada', 'Alan']);
		expect(Object.keys(answer.body.result?.[0] ?? {}).sort()).toEqual(['createdAt', 'email', 'firstName', 'id', 'lastName', 'updatedAt']);
	});

	it('filters on id numerically and on searchable custom fields', async () => {
		const emulator = await startEmulator({ seedLeads: 10 });
		const token = await tokenFor(emulator);
		const ids = await send(emulator, 'GET', byFilter({ filterType: 'id', filterValues: '3,007,42' }), { token });
		expect(ids.body.result?.map((l) => l.id)).toEqual([3, 7]);
		const retail = emulator.leads.all().filter((l) => l.industryVertical__c === 'Retail');
		const custom = await send(emulator, 'GET', byFilter({ filterType: 'industryVertical__c', filterValues: 'retail' }), { token });
		expect(custom.body.result?.map((l) => l.id)).toEqual(retail.map((l) => l.id));
		expect(retail.length).toBeGreaterThan(0);
	});

	it('pages across 3 pages with an opaque nextPageToken', async () => {
		const emulator = await startEmulator();
		for (let i = 1; i <= 7; i++) emulator.leads.insert({ email: `p${i}@example.com`, industryVertical__c: 'Energy' });
		emulator.leads.insert({ email: 'other@example.com', industryVertical__c: 'Retail' });
		const token = await tokenFor(emulator);
		const query = { filterType: 'industryVertical__c', filterValues: 'Energy', batchSize: '3', fields: 'email' };

		const pages = [];
		let nextPageToken: string | undefined;
		do {
			const answer = await send(emulator, 'GET', byFilter({ ...query, ...(nextPageToken ? { nextPageToken } : {}) }), { token });
			expect(answer.body.success).toBe(true);
			pages.push(answer.body);
			nextPageToken = answer.body.nextPageToken;
		} while (nextPageToken !== undefined && pages.length < 5);

		expect(pages.map((p) => p.result?.length)).toEqual([3, 3, 1]);
		expect(pages.map((p) => p.moreResult)).toEqual([true, true, false]);
		expect(pages.flatMap((p) => p.result ?? []).map((l) => l.email)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `p${i}@example.com`));
		expect(pages[0].nextPageToken).toMatch(/^[A-Z2-7]{40,}=*$/);
	});

	it('a page token replayed with another filter answers 1003', async () => {
		const emulator = await startEmulator({ seedLeads: 5 });
		const token = await tokenFor(emulator);
		const first = await send(emulator, 'GET', byFilter({ filterType: 'id', filterValues: '1,2,3', batchSize: '2' }), { token });
		const nextPageToken = String(first.body.nextPageToken);
		const replay = await send(emulator, 'GET', byFilter({ filterType: 'id', filterValues: '4,5', nextPageToken }), { token });
		expect(replay.body.errors).toEqual([{ code: '1003', message: 'Invalid nextPageToken' }]);
		const garbage = await send(emulator, 'GET', byFilter({ filterType: 'id', filterValues: '1,2,3', nextPageToken: 'abc' }), { token });
		expect(outcome(garbage)).toBe('1003');
	});

	it('more than 300 filterValues, or a batchSize over 300, answers 1003', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const values = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1)).join(',');
		expect(outcome(await send(emulator, 'GET', byFilter({ filterType: 'id', filterValues: values(300) }), { token }))).toBe('success');
		const tooMany = await send(emulator, 'GET', byFilter({ filterType: 'id', filterValues: values(301) }), { token });
		expect(tooMany.body.errors?.[0]).toMatchObject({ code: '1003', message: expect.stringContaining('300') });
		expect(outcome(await send(emulator, 'GET', byFilter({ filterType: 'id', filterValues: '1', batchSize: '300' }), { token }))).toBe('success');
		const bigBatch = await send(emulator, 'GET', byFilter({ filterType: 'id', filterValues: '1', batchSize: '301' }), { token });
		expect(bigBatch.body.errors?.[0]).toMatchObject({ code: '1003', message: expect.stringContaining('batchSize') });
	});

	it('an unknown or unsearchable filterType answers 1003 Invalid filterType; missing parameters 1002', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const unknown = await send(emulator, 'GET', byFilter({ filterType: 'shoeSize', filterValues: '42' }), { token });
		expect(unknown.body.errors?.[0]).toMatchObject({ code: '1003', message: expect.stringContaining('Invalid filterType') });
		expect(outcome(await send(emulator, 'GET', byFilter({ filterType: 'firstName', filterValues: 'Ada' }), { token }))).toBe('1003');
		expect(outcome(await send(emulator, 'GET', byFilter({ filterValues: 'a@example.com' }), { token }))).toBe('1002');
		expect(outcome(await send(emulator, 'GET', byFilter({ filterType: 'email' }), { token }))).toBe('1002');
		expect(outcome(await send(emulator, 'GET', byFilter({ filterType: 'id', filterValues: 'one' }), { token }))).toBe('1001');
	});
});
