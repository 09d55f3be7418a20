import type { MarketoEmulator } from '../MarketoEmulator';
import { outcome, send, startEmulator, tokenFor } from '../testClient';
import { listsOf } from './ListStore';

async function withMembers(): Promise<{ emulator: MarketoEmulator; call: (method: string, path: string, json?: unknown) => ReturnType<typeof send> }> {
	const emulator = await startEmulator({ seedLeads: 6 });
	const token = await tokenFor(emulator);
	return { emulator, call: (method, path, json) => send(emulator, method, path, { token, ...(json === undefined ? {} : { json }) }) };
}

const ids = (count: number, from = 1) => Array.from({ length: count }, (_, i) => from + i).join(',');

describe('Static list membership (POST, DELETE /rest/v1/lists/{listId}/leads.json, GET …/ismember.json)', () => {
	it('a fresh instance has the demo lists, the first holding the first five leads', async () => {
		const { emulator } = await withMembers();
		expect(listsOf(emulator).all().map((list) => list.name)).toEqual(['Newsletter Subscribers', 'Webinar 2026 Invitees', 'Customer Advisory Board']);
		expect(listsOf(emulator).membersOf(1001).map((lead) => lead.id)).toEqual([1, 2, 3, 4, 5]);
	});

	it('adds by the id query parameter (a comma list) or by a ListOperationRequest body, one status per lead in order', async () => {
		const { emulator, call } = await withMembers();
		const byQuery = await call('POST', '/rest/v1/lists/1002/leads.json?id=6,99,x1');
		expect(byQuery.body.result).toEqual([
			{ id: 6, status: 'added' },
			{ id: 99, status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] },
			{ status: 'skipped', reasons: [{ code: '1001', message: "Invalid value 'x1'. Required of type 'Integer'" }] },
		]);
		const byBody = await call('POST', '/rest/v1/lists/1002/leads.json', { input: [{ id: 1 }, { id: 6 }] });
		expect(byBody.body.result).toEqual([
			{ id: 1, status: 'added' },
			{ id: 6, status: 'added' },
		]);
		expect(listsOf(emulator).membersOf(1002).map((lead) => lead.id)).toEqual([6, 1]);
	});

	it('refuses more than 300 leads (1003), no leads (1002), an unknown list (1013) and a list id that is not a number (1001)', async () => {
		const { call } = await withMembers();
		expect(outcome(await call('POST', `/rest/v1/lists/1002/leads.json?id=${ids(301)}`))).toBe('1003');
		expect(outcome(await call('POST', `/rest/v1/lists/1002/leads.json?id=${ids(300)}`))).toBe('success');
		expect(outcome(await call('DELETE', '/rest/v1/lists/1002/leads.json'))).toBe('1002');
		expect(outcome(await call('GET', '/rest/v1/lists/4242/leads/ismember.json?id=1'))).toBe('1013');
		expect(outcome(await call('GET', '/rest/v1/lists/abc/leads.json'))).toBe('1001');
	});

	it('removes members; a lead not in the list is skipped with 1015', async () => {
		const { emulator, call } = await withMembers();
		const answer = await call('DELETE', '/rest/v1/lists/1001/leads.json?id=2,6');
		expect(answer.body.result).toEqual([
			{ id: 2, status: 'removed' },
			{ id: 6, status: 'skipped', reasons: [{ code: '1015', message: 'Lead not in list' }] },
		]);
		expect(listsOf(emulator).membersOf(1001).map((lead) => lead.id)).toEqual([1, 3, 4, 5]);
	});

	it('answers memberof / notmemberof, and a deleted lead leaves every list', async () => {
		const { emulator, call } = await withMembers();
		emulator.leads.delete(3);
		const answer = await call('GET', '/rest/v1/lists/1001/leads/ismember.json?id=1,3,6');
		expect(answer.body.result).toEqual([
			{ id: 1, status: 'memberof' },
			{ id: 3, status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] },
			{ id: 6, status: 'notmemberof' },
		]);
	});
});

describe('Static list queries (GET /rest/v1/lists.json, GET /rest/v1/lists/{listId}/leads.json)', () => {
	it('pages members by batchSize with a token bound to the list and fields', async () => {
		const { call } = await withMembers();
		const first = await call('GET', '/rest/v1/lists/1001/leads.json?batchSize=2&fields=email');
		expect(first.body.result).toHaveLength(2);
		expect(first.body.result?.[0]).toEqual({ id: 1, email: expect.any(String) });
		const token = encodeURIComponent(String(first.body.nextPageToken));
		const last = await call('GET', `/rest/v1/lists/1001/leads.json?batchSize=2&fields=email&nextPageToken=${token}`);
		expect(last.body.result?.map((lead) => lead.id)).toEqual([3, 4]);
		expect(outcome(await call('GET', `/rest/v1/lists/1001/leads.json?batchSize=2&nextPageToken=${token}`))).toBe('1003');
		expect(outcome(await call('GET', '/rest/v1/lists/1001/leads.json?fields=shoeSize'))).toBe('1006');
		expect(outcome(await call('GET', '/rest/v1/lists/1001/leads.json?batchSize=301'))).toBe('1003');
	});

	it('filters lists by id, name, program and workspace', async () => {
		const { call } = await withMembers();
		const names = async (query: string) => (await call('GET', `/rest/v1/lists.json?${query}`)).body.result?.map((list) => list.name);
		expect(await names('id=1001,1003')).toEqual(['Newsletter Subscribers', 'Customer Advisory Board']);
		expect(await names('programName=Webinar%202026')).toEqual(['Webinar 2026 Invitees']);
		expect(await names('name=Customer%20Advisory%20Board&workspaceName=Default')).toEqual(['Customer Advisory Board']);
		expect(outcome(await call('GET', '/rest/v1/lists.json?id=first'))).toBe('1001');
	});
});
