import type { MarketoEmulator } from './MarketoEmulator';
import { outcome, send, startEmulator, tokenFor } from './testClient';

const LEADS = '/rest/v1/leads.json';
const DELETE = '/rest/v1/leads/delete.json';

async function sync(emulator: MarketoEmulator, request: Record<string, unknown>) {
	return send(emulator, 'POST', LEADS, { token: await tokenFor(emulator), json: request });
}

describe('Sync Leads (POST /rest/v1/leads.json)', () => {
	it('createOrUpdate (the default) creates by email, then updates the same lead', async () => {
		const emulator = await startEmulator();
		const created = await sync(emulator, { input: [{ email: 'ada@example.com', firstName: 'Ada' }] });
		expect(created.body).toMatchObject({ success: true, errors: [], result: [{ id: 1, status: 'created' }] });
		const updated = await sync(emulator, { input: [{ email: 'ADA@example.com', company: 'Analytical Engines' }] });
		expect(updated.body.result).toEqual([{ id: 1, status: 'updated' }]);
		expect(emulator.leads.get(1)).toMatchObject({ firstName: 'Ada', company: 'Analytical Engines' });
		expect(emulator.leads.get(1)?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	});

	it('answers record-level results in input order, one bad record not hiding the good ones', async () => {
		const emulator = await startEmulator();
		emulator.leads.insert({ email: 'taken@example.com' });
		const answer = await sync(emulator, {
			action: 'createOnly',
			input: [
				{ email: 'new1@example.com' },
				{ email: 'taken@example.com' },
				{ firstName: 'NoEmail' },
				{ email: 'new2@example.com', shoeSize: 42 },
				{ email: 'not-an-email' },
				{ email: 'new3@example.com', company: { name: 'nested' } },
				{ email: 'new4@example.com', leadScore: 'high' },
				{ email: 'new5@example.com' },
			],
		});
		expect(answer.body.success).toBe(true);
		expect(answer.body.result).toEqual([
			{ id: 2, status: 'created' },
			{ status: 'skipped', reasons: [{ code: '1005', message: 'Lead already exists' }] },
			{ status: 'skipped', reasons: [{ code: '1003', message: expect.stringContaining("'email'") }] },
			{ status: 'skipped', reasons: [{ code: '1006', message: "Field 'shoeSize' not found" }] },
			{ status: 'skipped', reasons: [{ code: '1003', message: 'Invalid email address' }] },
			{ status: 'skipped', reasons: [{ code: '1003', message: expect.stringContaining('company') }] },
			{ status: 'skipped', reasons: [{ code: '1003', message: expect.stringContaining('leadScore') }] },
			{ id: 3, status: 'created' },
		]);
		expect(emulator.leads.size).toBe(3);
	});

	it('updateOnly skips a lead it cannot find with 1004', async () => {
		const emulator = await startEmulator();
		const answer = await sync(emulator, { action: 'updateOnly', input: [{ email: 'ghost@example.com' }] });
		expect(answer.body.result).toEqual([{ status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] }]);
		expect(emulator.leads.size).toBe(0);
	});

	it('several leads matching the lookup skip the record with 1007', async () => {
		const emulator = await startEmulator();
		emulator.leads.insert({ email: 'twin@example.com', firstName: 'One' });
		emulator.leads.insert({ email: 'twin@example.com', firstName: 'Two' });
		const answer = await sync(emulator, { input: [{ email: 'twin@example.com', firstName: 'Three' }] });
		expect(answer.body.result).toEqual([{ status: 'skipped', reasons: [{ code: '1007', message: 'Multiple lead match lookup criteria' }] }]);
		expect(emulator.leads.all().map((l) => l.firstName)).toEqual(['One', 'Two']);
	});

	it('createDuplicate always creates, and lookupField chooses the dedupe field', async () => {
		const emulator = await startEmulator();
		emulator.leads.insert({ email: 'ada@example.com', externalId__c: 'CRM-1' });
		const duplicate = await sync(emulator, { action: 'createDuplicate', input: [{ email: 'ada@example.com' }] });
		expect(duplicate.body.result).toEqual([{ id: 2, status: 'created' }]);
		const byExternalId = await sync(emulator, { lookupField: 'externalId__c', input: [{ externalId__c: 'crm-1', title: 'Countess' }] });
		expect(byExternalId.body.result).toEqual([{ id: 1, status: 'updated' }]);
		const byId = await sync(emulator, { action: 'updateOnly', lookupField: 'id', input: [{ id: 2, title: 'Analyst' }, { id: 99, title: 'Nobody' }] });
		expect(byId.body.result).toEqual([
			{ id: 2, status: 'updated' },
			{ status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] },
		]);
		expect(emulator.leads.get(2)?.title).toBe('Analyst');
	});

	it('null clears a field', async () => {
		const emulator = await startEmulator();
		emulator.leads.insert({ email: 'ada@example.com', phone: '+1 555 0100' });
		await sync(emulator, { input: [{ email: 'ada@example.com', phone: null }] });
		expect(emulator.leads.get(1)?.phone).toBeNull();
	});

	it('an empty input, more than 300 records, a bad action or lookupField answer 1003 and write nothing', async () => {
		const emulator = await startEmulator();
		const many = Array.from({ length: 301 }, (_, i) => ({ email: `p${i}@example.com` }));
		expect(outcome(await sync(emulator, { input: [] }))).toBe('1003');
		expect(outcome(await sync(emulator, {}))).toBe('1003');
		const tooMany = await sync(emulator, { input: many });
		expect(tooMany.body.errors?.[0]).toMatchObject({ code: '1003', message: expect.stringContaining('300') });
		expect(outcome(await sync(emulator, { action: 'upsert', input: [{ email: 'a@example.com' }] }))).toBe('1003');
		expect(outcome(await sync(emulator, { lookupField: 'firstName', input: [{ firstName: 'Ada' }] }))).toBe('1003');
		expect(outcome(await sync(emulator, { partitionName: 'EMEA', input: [{ email: 'a@example.com' }] }))).toBe('1003');
		expect(emulator.leads.size).toBe(0);
		expect(outcome(await sync(emulator, { input: many.slice(0, 300), partitionName: 'Default' }))).toBe('success');
		expect(emulator.leads.size).toBe(300);
	});
});

describe('Push Lead (POST /rest/v1/leads/push.json)', () => {
	it('answers a record it could not push with its reasons and no status, as Adobe\'s example of a real answer does', async () => {
		const emulator = await startEmulator();
		const answer = await send(emulator, 'POST', '/rest/v1/leads/push.json', {
			token: await tokenFor(emulator),
			json: { programName: 'Webinar 2026', input: [{ email: 'pushed@example.com' }, { email: 'x@example.com', notAField: 1 }] },
		});
		expect(answer.body.result).toEqual([{ id: 1, status: 'created' }, { reasons: [expect.objectContaining({ code: '1006' })] }]);
	});
});

describe('Delete Leads (POST /rest/v1/leads/delete.json)', () => {
	it('deletes known ids and skips unknown ones with 1004, in input order', async () => {
		const emulator = await startEmulator({ seedLeads: 3 });
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'POST', DELETE, { token, json: { input: [{ id: 2 }, { id: 42 }, { id: 3 }] } });
		expect(answer.body.result).toEqual([
			{ id: 2, status: 'deleted' },
			{ id: 42, status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] },
			{ id: 3, status: 'deleted' },
		]);
		expect(emulator.leads.all().map((l) => l.id)).toEqual([1]);
	});

	it('takes ids from the query when the body is empty', async () => {
		const emulator = await startEmulator({ seedLeads: 3 });
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'POST', `${DELETE}?id=1,3`, { token });
		expect(answer.body.result).toEqual([
			{ id: 1, status: 'deleted' },
			{ id: 3, status: 'deleted' },
		]);
	});

	it('more than 300 ids answer 1003 and delete nothing', async () => {
		const emulator = await startEmulator({ seedLeads: 5 });
		const token = await tokenFor(emulator);
		const input = Array.from({ length: 301 }, (_, i) => ({ id: i + 1 }));
		expect(outcome(await send(emulator, 'POST', DELETE, { token, json: { input } }))).toBe('1003');
		expect(emulator.leads.size).toBe(5);
	});
});

describe('the LeadStore used directly by tests', () => {
	it('refuses fields the instance does not describe', () => {
		return startEmulator().then((emulator) => {
			expect(() => emulator.leads.insert({ shoeSize: 42 })).toThrow(/shoeSize/);
			expect(() => emulator.leads.insert({ email: 'nope' })).toThrow(/Invalid email/);
		});
	});

	it('seedLeads creates the same believable people every time, with unique emails', async () => {
		const a = await startEmulator({ seedLeads: 50 });
		const b = await startEmulator({ seedLeads: 50 });
		const strip = (emulator: MarketoEmulator) => emulator.leads.all();
		expect(strip(a)).toEqual(strip(b));
		expect(new Set(a.leads.all().map((l) => l.email)).size).toBe(50);
		expect(a.leads.get(1)).toMatchObject({ firstName: expect.any(String), company: expect.any(String), email: expect.stringMatching(/@/) });
	});
});
