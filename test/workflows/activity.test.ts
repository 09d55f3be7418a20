import type { INodeParameters } from 'n8n-workflow';

import { activitiesOf } from '../emulator/activities/ActivityStore';
import { marketoTimestamp } from '../emulator/leads/leadValues';
import { callsTo, credentialStore, dropdown, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const SINCE = '2025-03-01T00:00:00.000Z';
const MINUTE = 60_000;
const after = (minutes: number) => marketoTimestamp(Date.parse(SINCE) + minutes * MINUTE);

/** An emulator whose activity log holds only what the test records, and `leads` leads. */
async function instance(leads = 0) {
	const emulator = await startEmulator({ seedLeads: leads });
	const activities = activitiesOf(emulator);
	activities.clear();
	return { emulator, activities, store: credentialStore(emulator) };
}

const getMany = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'activity',
	operation: 'getMany',
	activityTypeIds: [1],
	sinceDatetime: SINCE,
	returnAll: true,
	...parameters,
});

describe('Activity → Get Many', () => {
	it('reads the activities since a date across 3 pages: none missed, no duplicates, in date order', async () => {
		const { emulator, activities, store } = await instance(3);
		activities.record({ leadId: 1, activityTypeId: 1, activityDate: after(-1) });
		const expected = Array.from({ length: 750 }, (_, i) => activities.record({ leadId: 1 + (i % 3), activityTypeId: 1, activityDate: after(i) }).id);
		activities.record({ leadId: 1, activityTypeId: 10, activityDate: after(5) });

		const result = await runMarketo(getMany(), { store });

		expect(callsTo(emulator, 'GET', '/rest/v1/activities/pagingtoken.json').map((call) => call.query.sinceDatetime)).toEqual([SINCE]);
		const pages = callsTo(emulator, 'GET', '/rest/v1/activities.json');
		expect(pages).toHaveLength(3);
		expect(new Set(pages.map((call) => call.query.nextPageToken)).size).toBe(3);
		expect(result.output(MARKETO_NODE).map((item) => item.json.id)).toEqual(expected);
	});

	it('stops reading at the limit', async () => {
		const { emulator, activities, store } = await instance(1);
		for (let i = 0; i < 700; i++) activities.record({ leadId: 1, activityTypeId: 1, activityDate: after(i) });
		const result = await runMarketo(getMany({ returnAll: false, limit: 250 }), { store });
		expect(callsTo(emulator, 'GET', '/rest/v1/activities.json')).toHaveLength(1);
		expect(result.output(MARKETO_NODE).map((item) => item.json.activityDate)).toEqual(Array.from({ length: 250 }, (_, i) => after(i)));
	});

	it('60 items with lead ids make 2 activity calls (30 leads each); each item gets its own lead\'s activities', async () => {
		const { emulator, activities, store } = await instance(60);
		for (let round = 0; round < 2; round++) {
			for (let leadId = 1; leadId <= 60; leadId++) activities.record({ leadId, activityTypeId: 1, activityDate: after(round * 100 + leadId) });
		}
		const items = Array.from({ length: 60 }, (_, i) => ({ id: 60 - i }));

		const result = await runMarketo(getMany({ leadIds: '={{ $json.id }}' }), { store, items });

		expect(callsTo(emulator, 'GET', '/rest/v1/activities/pagingtoken.json')).toHaveLength(1);
		expect(callsTo(emulator, 'GET', '/rest/v1/activities.json').map((call) => call.query.leadIds.split(',').length)).toEqual([30, 30]);
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(120);
		for (const [index, item] of items.entries()) {
			const mine = output.filter((entry) => (entry.pairedItem as { item: number }).item === index);
			expect(mine.map((entry) => [entry.json.leadId, entry.json.activityDate])).toEqual([
				[item.id, after(item.id)],
				[item.id, after(100 + item.id)],
			]);
		}
	});

	it('an item whose 31 lead ids take two calls gets its earliest activities up to its limit, whichever call has them', async () => {
		const { emulator, activities, store } = await instance(31);
		for (let leadId = 1; leadId <= 30; leadId++) activities.record({ leadId, activityTypeId: 1, activityDate: after(100 + leadId) });
		for (let i = 0; i < 3; i++) activities.record({ leadId: 31, activityTypeId: 1, activityDate: after(i) });
		const leadIds = Array.from({ length: 31 }, (_, i) => i + 1).join(',');

		const result = await runMarketo(getMany({ leadIds, returnAll: false, limit: 5 }), { store });

		expect(callsTo(emulator, 'GET', '/rest/v1/activities.json')).toHaveLength(2);
		expect(result.output(MARKETO_NODE).map((item) => item.json.leadId)).toEqual([31, 31, 31, 1, 2]);
	});

	it('a refused call fails only the items whose leads it carried', async () => {
		const { emulator, activities, store } = await instance(60);
		for (let leadId = 1; leadId <= 60; leadId++) activities.record({ leadId, activityTypeId: 1, activityDate: after(leadId) });
		emulator.inject({ on: (call) => call.path === '/rest/v1/activities.json' && call.query.leadIds?.split(',')[0] === '31', respondWithCode: '1003' });
		const items = Array.from({ length: 60 }, (_, i) => ({ id: i + 1 }));

		const result = await runMarketo(getMany({ leadIds: '={{ $json.id }}' }), { store, items, continueOnFail: true });

		const output = result.output(MARKETO_NODE);
		expect(output.slice(0, 30).map((item) => item.json.leadId)).toEqual(items.slice(0, 30).map((item) => item.id));
		expect(output.slice(30).map((item) => item.json.code)).toEqual(Array(30).fill('1003'));
	});

	it('reads more than 10 activity types in passes of 10 and merges them by date', async () => {
		const { emulator, activities, store } = await instance(1);
		const types = [1, 2, 3, 6, 7, 9, 10, 11, 12, 13, 37, 104];
		types.forEach((activityTypeId, i) => activities.record({ leadId: 1, activityTypeId, activityDate: after(types.length - i) }));

		const result = await runMarketo(getMany({ activityTypeIds: types }), { store });

		expect(callsTo(emulator, 'GET', '/rest/v1/activities.json').map((call) => call.query.activityTypeIds.split(',').length)).toEqual([10, 2]);
		expect(result.output(MARKETO_NODE).map((item) => item.json.activityTypeId)).toEqual([...types].reverse());
	});

	it('passes the static list and primary asset filters', async () => {
		const { emulator, activities, store } = await instance(7);
		for (const leadId of [1, 6, 7]) activities.record({ leadId, activityTypeId: 10, primaryAttributeValueId: 2001, activityDate: after(leadId) });
		activities.record({ leadId: 2, activityTypeId: 10, primaryAttributeValueId: 2002, activityDate: after(9) });

		const result = await runMarketo(getMany({ activityTypeIds: [10], options: { listId: '1001', assetIds: '2001' } }), { store });

		expect(callsTo(emulator, 'GET', '/rest/v1/activities.json')[0].query).toMatchObject({ listId: '1001', assetIds: '2001' });
		expect(result.output(MARKETO_NODE).map((item) => item.json.leadId)).toEqual([1]); // list 1001 holds leads 1–5
	});

	it('names bad input before any call: a lead ID that is not one, an empty start, assets with two types', async () => {
		const { emulator, store } = await instance(1);
		const badLead = await runMarketo(getMany({ leadIds: '={{ $json.id }}' }), { store, items: [{ id: 1 }, { id: 'abc' }] });
		expect(badLead.error?.message).toMatch(/Item 1, field "Lead IDs": "abc" is not a Marketo id/);
		const noStart = await runMarketo(getMany({ sinceDatetime: '={{ $json.since }}' }), { store, items: [{ since: SINCE }, { since: '' }] });
		expect(noStart.error?.message).toMatch(/Item 1, field "Since": is empty/);
		const assets = await runMarketo(getMany({ activityTypeIds: [1, 10], options: { assetIds: '5' } }), { store });
		expect(assets.error?.message).toMatch(/Item 0, field "Primary Asset IDs": works with exactly one activity type/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});

describe('Activity → Get Lead Changes, Get Deleted Leads, Get Types', () => {
	it('returns the changes of the watched fields with old and new values, for the items\' leads', async () => {
		const { emulator, activities, store } = await instance(3);
		activities.recordLeadChange(1, Date.parse(after(1)), [{ name: 'title', oldValue: 'Analyst', newValue: 'CMO' }]);
		activities.recordLeadChange(2, Date.parse(after(2)), [{ name: 'title', oldValue: 'Intern', newValue: 'Engineer' }]);
		activities.recordLeadChange(1, Date.parse(after(3)), [{ name: 'phone', newValue: '555-0100' }]);

		const result = await runMarketo(
			{ resource: 'activity', operation: 'getLeadChanges', fields: ['title'], sinceDatetime: SINCE, leadIds: '1', returnAll: true },
			{ store },
		);

		expect(callsTo(emulator, 'GET', '/rest/v1/activities/leadchanges.json')[0].query).toMatchObject({ fields: 'title', leadIds: '1' });
		expect(result.output(MARKETO_NODE).map((item) => item.json.fields)).toEqual([[{ id: 7, name: 'title', oldValue: 'Analyst', newValue: 'CMO' }]]);
	});

	it('names an empty field list before any call', async () => {
		const { emulator, store } = await instance(1);
		const parameters = { resource: 'activity', operation: 'getLeadChanges', fields: '={{ $json.fields }}', sinceDatetime: SINCE, returnAll: true };
		const result = await runMarketo(parameters, { store, items: [{ fields: ['title'] }, { fields: [] }] });
		expect(result.error?.message).toMatch(/Item 1, field "Fields to Watch Names or IDs": is empty/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('lists the leads deleted since a date', async () => {
		const { activities, store } = await instance(0);
		activities.recordDeletedLead(501, Date.parse(after(-10)), 'Before');
		activities.recordDeletedLead(502, Date.parse(after(10)), 'Ada Lovelace');
		activities.recordDeletedLead(503, Date.parse(after(20)), 'Grace Hopper');
		const result = await runMarketo({ resource: 'activity', operation: 'getDeletedLeads', sinceDatetime: SINCE, returnAll: true }, { store });
		expect(result.output(MARKETO_NODE).map((item) => [item.json.leadId, item.json.primaryAttributeValue])).toEqual([
			[502, 'Ada Lovelace'],
			[503, 'Grace Hopper'],
		]);
	});

	it('lists the activity types once per day: a second run spends no call', async () => {
		const { emulator, store } = await instance(0);
		const first = await runMarketo({ resource: 'activity', operation: 'getTypes' }, { store });
		await runMarketo({ resource: 'activity', operation: 'getTypes' }, { store });
		expect(first.output(MARKETO_NODE).map((item) => item.json.name)).toEqual(expect.arrayContaining(['Visit Webpage', 'Visited Trade Show Booth']));
		expect(callsTo(emulator, 'GET', '/rest/v1/activities/types.json')).toHaveLength(1);
	});
});

describe('Activity → Add Custom Activity', () => {
	const addCustom: INodeParameters = {
		resource: 'activity',
		operation: 'addCustom',
		leadId: '={{ $json.id }}',
		activityTypeId: 100001,
		primaryAttributeValue: '={{ "Booth " + $json.booth }}',
		activityDate: '2025-03-05T10:00:00Z',
		attributes: { attribute: [{ name: 'Event Name', value: 'Marketing Nation Berlin' }] },
	};

	it('adds 350 custom activities in 2 calls; a lead Marketo does not know is that item\'s error', async () => {
		const { emulator, activities, store } = await instance(349);
		const items = Array.from({ length: 350 }, (_, i) => ({ id: i === 200 ? 9999 : i + 1 - (i > 200 ? 1 : 0), booth: i }));

		const result = await runMarketo(addCustom, { store, items, continueOnFail: true });

		const calls = callsTo(emulator, 'POST', '/rest/v1/activities/external.json');
		expect(calls.map((call) => (call.body as { input: unknown[] }).input.length)).toEqual([300, 50]);
		expect((calls[0].body as { input: unknown[] }).input[0]).toEqual({
			leadId: 1,
			activityTypeId: 100001,
			primaryAttributeValue: 'Booth 0',
			activityDate: '2025-03-05T10:00:00.000Z',
			attributes: [{ name: 'Event Name', value: 'Marketing Nation Berlin' }],
		});
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(350);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(output[200].json).toEqual({ error: expect.stringMatching(/^Item 200: Marketo skipped this record \(1004 Lead not found\)/), code: '1004' });
		expect(output[201].json).toMatchObject({ leadId: 201, primaryAttributeValue: 'Booth 201', status: 'added', id: expect.any(Number) });
		expect(activities.all()).toHaveLength(349);
	});

	it('does not repeat a call whose answer was lost: the activities might be recorded twice', async () => {
		const { emulator, store } = await instance(1);
		emulator.inject({ on: 1, drop: 'afterExecuting' });
		const result = await runMarketo(addCustom, { store, items: [{ id: 1, booth: 1 }], continueOnFail: true });
		expect(callsTo(emulator, 'POST', '/rest/v1/activities/external.json')).toHaveLength(1);
		expect(result.output(MARKETO_NODE)[0].json.error).toBeDefined();
	});

	it('names an empty primary attribute value before any call', async () => {
		const { emulator, store } = await instance(1);
		const result = await runMarketo({ ...addCustom, primaryAttributeValue: '={{ $json.booth }}' }, { store, items: [{ id: 1, booth: 'A' }, { id: 1, booth: '' }] });
		expect(result.error?.message).toMatch(/Item 1, field "Primary Attribute Value": is empty/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});

describe('activity dropdowns', () => {
	it('offers every activity type, the approved custom types, and the chosen custom type\'s attributes', async () => {
		const { store } = await instance(0);
		const types = await dropdown('getActivityTypes', store);
		expect(types).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Visited Trade Show Booth (100001)', value: 100001 })]));
		expect((await dropdown('getCustomActivityTypes', store)).map((option) => option.value)).toEqual([100001]);
		const attributes = await dropdown('getCustomActivityAttributes', store, { resource: 'activity', operation: 'addCustom', activityTypeId: 100001 });
		expect(attributes.map((option) => option.value)).toEqual(['Event Name', 'Minutes at Booth']);
	});
});
