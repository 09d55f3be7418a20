import type { INodeParameters } from 'n8n-workflow';

import { listsOf } from '../emulator/lists/ListStore';
import { searchList } from './listSearch';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const NEWSLETTER = 1001;
const WEBINAR = 1002;

async function withLeads(count: number) {
	const emulator = await startEmulator();
	const ids = Array.from({ length: count }, (_, i) => emulator.leads.insert({ email: `member${i}@example.com`, firstName: `First${i}` }).id);
	return { emulator, store: credentialStore(emulator), lists: listsOf(emulator), ids };
}

const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

const membership = (operation: string, listId: INodeParameters[string] = byId(WEBINAR)): INodeParameters => ({
	resource: 'staticList',
	operation,
	listId,
	leadId: '={{ $json.id }}',
});

describe('Static List → Add Leads', () => {
	it('adds 700 leads (items) to a list in 3 calls, each item paired, a lead that does not exist is that item\'s error', async () => {
		const { emulator, store, lists, ids } = await withLeads(699);
		const items = [...ids.slice(0, 400), 987654, ...ids.slice(400)].map((id) => ({ id }));

		const result = await runMarketo(membership('addLeads'), { store, items, continueOnFail: true });

		const calls = callsTo(emulator, 'POST', `/rest/v1/lists/${WEBINAR}/leads.json`);
		expect(calls.map((call) => call.query.id.split(',').length)).toEqual([300, 300, 100]);
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(700);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(output[0].json).toEqual({ listId: WEBINAR, leadId: ids[0], status: 'added' });
		expect(output[400].json).toEqual({ error: expect.stringMatching(/^Item 400: Marketo skipped this record \(1004 Lead not found\)/), code: '1004' });
		expect(output[401].json).toMatchObject({ leadId: ids[400], status: 'added' });
		expect(lists.membersOf(WEBINAR)).toHaveLength(699);
	});

	it('stops on the item whose lead Marketo skipped when Continue On Fail is off', async () => {
		const { store } = await withLeads(2);
		const result = await runMarketo(membership('addLeads'), { store, items: [{ id: 1 }, { id: 55 }] });
		expect(result.error?.message).toMatch(/Item 1: Marketo skipped this record \(1004 Lead not found\)/);
	});

	it('sends a lead named by several items once; each of those items gets the answer', async () => {
		const { emulator, store } = await withLeads(2);
		const result = await runMarketo(membership('addLeads'), { store, items: [{ id: 1 }, { id: 2 }, { id: 1 }] });
		expect(callsTo(emulator, 'POST', `/rest/v1/lists/${WEBINAR}/leads.json`).map((call) => call.query.id)).toEqual(['1,2']);
		expect(result.output(MARKETO_NODE).map((item) => [item.pairedItem, item.json.leadId])).toEqual([
			[{ item: 0 }, 1],
			[{ item: 1 }, 2],
			[{ item: 2 }, 1],
		]);
	});

	it('pools by list: items for two lists make one call per list', async () => {
		const { emulator, store, lists } = await withLeads(4);
		const items = [1, 2, 3, 4].map((id) => ({ id, list: id % 2 ? NEWSLETTER : WEBINAR }));
		await runMarketo(membership('addLeads', { __rl: true, mode: 'id', value: '={{ $json.list }}' }), { store, items });
		expect(callsTo(emulator, 'POST', `/rest/v1/lists/${NEWSLETTER}/leads.json`)).toHaveLength(1);
		expect(callsTo(emulator, 'POST', `/rest/v1/lists/${WEBINAR}/leads.json`)).toHaveLength(1);
		expect(lists.membersOf(WEBINAR).map((lead) => lead.id)).toEqual([2, 4]);
	});

	it('repeats a call whose answer was lost: adding a member twice is harmless', async () => {
		const { emulator, store, lists } = await withLeads(2);
		emulator.inject({ on: 1, drop: 'afterExecuting' });
		const result = await runMarketo(membership('addLeads'), { store, items: [{ id: 1 }, { id: 2 }] });
		expect(result.output(MARKETO_NODE).map((item) => item.json.status)).toEqual(['added', 'added']);
		expect(callsTo(emulator, 'POST', `/rest/v1/lists/${WEBINAR}/leads.json`)).toHaveLength(2);
		expect(lists.membersOf(WEBINAR)).toHaveLength(2);
	});

	it('names a lead ID that is not a number before any call', async () => {
		const { emulator, store } = await withLeads(1);
		const result = await runMarketo(membership('addLeads'), { store, items: [{ id: 1 }, { id: 'abc' }] });
		expect(result.error?.message).toMatch(/Item 1, field "Lead ID": "abc" is not a Marketo id/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('fails every item when the list does not exist (1013)', async () => {
		const { store } = await withLeads(2);
		const result = await runMarketo(membership('addLeads', byId(4242)), { store, items: [{ id: 1 }, { id: 2 }], continueOnFail: true });
		expect(result.output(MARKETO_NODE).map((item) => item.json.code)).toEqual(['1013', '1013']);
	});
});

describe('Static List → Remove Leads', () => {
	it('removes members with DELETE and the ids once, as the id query parameter; a lead not in the list is that item\'s error', async () => {
		const { emulator, store, lists } = await withLeads(3);
		lists.addMember(WEBINAR, 1);
		lists.addMember(WEBINAR, 2);
		const result = await runMarketo(membership('removeLeads'), { store, items: [{ id: 1 }, { id: 3 }, { id: 2 }], continueOnFail: true });

		const [call] = callsTo(emulator, 'DELETE', `/rest/v1/lists/${WEBINAR}/leads.json`);
		expect(call.query.id).toBe('1,3,2');
		expect(call.body).toBeUndefined();
		expect(result.output(MARKETO_NODE).map((item) => item.json.status ?? item.json.code)).toEqual(['removed', '1015', 'removed']);
		expect(lists.membersOf(WEBINAR)).toEqual([]);
	});
});

describe('Static List → Is Member', () => {
	it('answers isMember per item in one call; a lead Marketo does not know is that item\'s error', async () => {
		const { emulator, store, lists } = await withLeads(2);
		lists.addMember(WEBINAR, 2);
		const result = await runMarketo(membership('isMember'), { store, items: [{ id: 1 }, { id: 2 }, { id: 77 }], continueOnFail: true });

		expect(callsTo(emulator, 'GET', `/rest/v1/lists/${WEBINAR}/leads/ismember.json`).map((call) => call.query.id)).toEqual(['1,2,77']);
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([
			{ listId: WEBINAR, leadId: 1, status: 'notmemberof', isMember: false },
			{ listId: WEBINAR, leadId: 2, status: 'memberof', isMember: true },
			{ error: expect.stringMatching(/Item 2: Marketo skipped this record \(1004/), code: '1004' },
		]);
	});
});

describe('Static List → Get Members', () => {
	it('pages through 650 members 300 at a time with the chosen fields', async () => {
		const { emulator, store, lists, ids } = await withLeads(650);
		ids.forEach((id) => lists.addMember(WEBINAR, id));
		const result = await runMarketo(
			{ resource: 'staticList', operation: 'getMembers', listId: byId(WEBINAR), returnAll: true, fields: ['email', 'firstName'] },
			{ store },
		);
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(650);
		expect(output[649].json).toEqual({ id: ids[649], email: 'member649@example.com', firstName: 'First649' });
		const calls = callsTo(emulator, 'GET', `/rest/v1/lists/${WEBINAR}/leads.json`);
		expect(calls).toHaveLength(3);
		expect(calls[0].query).toMatchObject({ fields: 'email,firstName', batchSize: '300' });
		expect(calls[1].query.nextPageToken).toBeDefined();
	});

	it('asks for no more than the limit', async () => {
		const { emulator, store, lists, ids } = await withLeads(30);
		ids.forEach((id) => lists.addMember(WEBINAR, id));
		const result = await runMarketo({ resource: 'staticList', operation: 'getMembers', listId: byId(WEBINAR), limit: 10 }, { store });
		expect(result.output(MARKETO_NODE)).toHaveLength(10);
		expect(callsTo(emulator, 'GET', `/rest/v1/lists/${WEBINAR}/leads.json`).map((call) => call.query.batchSize)).toEqual(['10']);
	});
});

describe('Static List → Get and Get Many', () => {
	it('gets lists for many items in one call; an unknown id names the item and field', async () => {
		const { emulator, store } = await withLeads(0);
		const items = [{ list: NEWSLETTER }, { list: WEBINAR }, { list: NEWSLETTER }, { list: 4242 }];
		const result = await runMarketo(
			{ resource: 'staticList', operation: 'get', listId: { __rl: true, mode: 'id', value: '={{ $json.list }}' } },
			{ store, items, continueOnFail: true },
		);
		expect(callsTo(emulator, 'GET', '/rest/v1/lists.json').map((call) => call.query.id)).toEqual(['1001,1002,4242']);
		const output = result.output(MARKETO_NODE).map((item) => item.json);
		expect(output.slice(0, 3).map((list) => list.name)).toEqual(['Newsletter Subscribers', 'Webinar 2026 Invitees', 'Newsletter Subscribers']);
		expect(output[3].error).toBe('Item 3, field "Static List": no static list with id 4242 exists in Marketo');
	});

	it('filters by program name and pages with Return All', async () => {
		const { emulator, store, lists } = await withLeads(0);
		for (let i = 0; i < 320; i++) lists.create({ name: `Import ${i}`, programName: 'Imports' });
		const result = await runMarketo({ resource: 'staticList', operation: 'getMany', returnAll: true, filters: { programName: 'Imports, Webinar 2026' } }, { store });
		expect(result.output(MARKETO_NODE)).toHaveLength(321);
		const calls = callsTo(emulator, 'GET', '/rest/v1/lists.json');
		expect(calls).toHaveLength(2);
		expect(calls[0].query).toMatchObject({ programName: 'Imports,Webinar 2026', batchSize: '300' });
	});
});

describe('Static List locator', () => {
	it.each([
		['the classic UI', 'https://app-ab12.marketo.com/#ST1002A1'],
		['the Experience Cloud UI', 'https://experience.adobe.com/#/@acme/so:123-ABC-456/marketo-engage/classic/ST1002A1ZN19'],
	])('takes a list URL from %s', async (_ui, url) => {
		const { emulator, store } = await withLeads(0);
		const result = await runMarketo({ resource: 'staticList', operation: 'get', listId: { __rl: true, mode: 'url', value: url } }, { store });
		expect(result.output(MARKETO_NODE)[0].json.id).toBe(WEBINAR);
		expect(callsTo(emulator, 'GET', '/rest/v1/lists.json')[0].query.id).toBe('1002');
	});

	it('names a URL that is not a static list before any call (n8n itself refuses a typed one)', async () => {
		const { emulator, store } = await withLeads(0);
		const url = 'https://app-ab12.marketo.com/#SC2001A1';
		const fromItem = await runMarketo(
			{ resource: 'staticList', operation: 'get', listId: { __rl: true, mode: 'url', value: '={{ $json.url }}' } },
			{ store, items: [{ url }] },
		);
		expect(fromItem.error?.message).toBe(`Item 0, field "Static List": "${url}" is not a Marketo static list URL (…/#ST1021A1)`);

		const typed = await runMarketo({ resource: 'staticList', operation: 'get', listId: { __rl: true, mode: 'url', value: url } }, { store });
		expect(typed.error?.message).toMatch(/workflow has issues/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('searches lists by part of their name, and hands on Marketo\'s paging token', async () => {
		const { store, lists } = await withLeads(0);
		const found = await searchList('searchStaticLists', store, 'webinar');
		expect(found.results).toEqual([{ name: 'Webinar 2026 Invitees (Webinar 2026)', value: String(WEBINAR) }]);

		for (let i = 0; i < 310; i++) lists.create({ name: `Import ${i}` });
		const first = await searchList('searchStaticLists', store);
		expect(first.results).toHaveLength(300);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await searchList('searchStaticLists', store, undefined, first.paginationToken as string);
		expect(second.results.map((list) => list.name)).toContain('Import 309');
		expect(second.paginationToken).toBeUndefined();
	});
});
