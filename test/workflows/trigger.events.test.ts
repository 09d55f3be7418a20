import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MarketoTrigger } from '../../nodes/MarketoTrigger/MarketoTrigger.node';
import { callsTo, MARKETO_NODE, runMarketo, upsertFromItems } from './marketoWorkflow';
import { idsOf, triggerDropdown, triggerInstance, triggerWorkflow } from './marketoTrigger';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const ACTIVITIES = '/rest/v1/activities.json';

/** Runs the Marketo node (the action node) against the same instance, as another workflow would. */
async function marketo(parameters: INodeParameters, store: Parameters<typeof runMarketo>[1]['store'], items?: IDataObject[]) {
	const run = await runMarketo(parameters, { store, items });
	expect(run.error).toBeUndefined();
	return run.output(MARKETO_NODE);
}

describe('Marketo Trigger events: what happens in Marketo (here through the Marketo node) starts the workflow', () => {
	it('New Lead: a lead created by Create or Update; the update of an existing lead is not one', async () => {
		const { emulator, store } = await triggerInstance(3);
		const trigger = triggerWorkflow({ event: 'newLead' }, store);
		await trigger.activate();
		const existing = emulator.leads.get(1);
		const written = await marketo(upsertFromItems(), store, [
			{ email: 'ada.new@example.com', firstName: 'Ada', lastName: 'Lovelace' },
			{ email: existing?.email, title: 'CMO' },
		]);

		const items = (await trigger.poll()).items ?? [];

		expect(items.map((item) => [item.activityTypeId, item.leadId, item.primaryAttributeValue])).toEqual([[12, written[0].json.id, 'Ada Lovelace']]);
		expect(callsTo(emulator, 'GET', ACTIVITIES).at(-1)?.query.activityTypeIds).toBe('12');
	});

	it('Lead Field Changed: changes of the watched fields only, with old and new value; new leads and unchanged values are not changes', async () => {
		const { emulator, store } = await triggerInstance(3);
		const trigger = triggerWorkflow({ event: 'leadFieldChanged', fields: ['title', 'company'], leadFields: ['email'] }, store);
		await trigger.activate();
		const [one, two, three] = [1, 2, 3].map((id) => ({ ...emulator.leads.get(id) }));
		await marketo(upsertFromItems(), store, [
			{ email: one.email, title: 'Chief Marketing Officer' },
			{ email: two.email, phone: '555-0100' },
			{ email: three.email, company: three.company },
			{ email: 'brand.new@example.com', title: 'Analyst' },
		]);

		const items = (await trigger.poll()).items ?? [];

		expect(callsTo(emulator, 'GET', '/rest/v1/activities/leadchanges.json').at(-1)?.query.fields).toBe('company,title');
		expect(items.map((item) => [item.activityTypeId, item.leadId, item.fields])).toEqual([
			[13, 1, [{ id: expect.any(Number), name: 'title', oldValue: one.title ?? null, newValue: 'Chief Marketing Officer' }]],
		]);
		expect(items[0].lead).toEqual({ id: 1, email: one.email });
	});

	it('Activity: the chosen types, custom activities included (here one the Marketo node records)', async () => {
		const { store, log } = await triggerInstance(3);
		const trigger = triggerWorkflow({ event: 'activity', activityTypeIds: [1, 100001] }, store);
		await trigger.activate();
		const visit = log({ activityTypeId: 1, leadId: 2 });
		log({ activityTypeId: 10, leadId: 2 });
		const [custom] = await marketo({ resource: 'activity', operation: 'addCustom', leadId: '3', activityTypeId: 100001, primaryAttributeValue: 'Booth 12' }, store);

		const items = (await trigger.poll()).items ?? [];

		expect(items.map((item) => [item.id, item.activityTypeId])).toEqual([
			[visit.id, 1],
			[custom.json.id, 100001],
		]);
	});

	it('Activity with 11 types: two walks (Marketo takes 10 types per call), merged in date order, each with its own position', async () => {
		const { emulator, store, log } = await triggerInstance(3);
		const types = [100001, 13, 12, 11, 10, 9, 7, 6, 3, 2, 1];
		const trigger = triggerWorkflow({ event: 'activity', activityTypeIds: types }, store);
		await trigger.activate();
		const now = Date.now();
		const at = (seconds: number) => new Date(now + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const wanted = [
			log({ activityTypeId: 100001, activityDate: at(1), primaryAttributeValue: 'Booth 1' }),
			log({ activityTypeId: 1, activityDate: at(2) }),
			log({ activityTypeId: 100001, activityDate: at(3), primaryAttributeValue: 'Booth 2' }),
		];

		expect(idsOf((await trigger.poll()).items)).toEqual(wanted.map((activity) => activity.id));
		const later = log({ activityTypeId: 12, activityDate: at(4) });
		expect(idsOf((await trigger.poll()).items)).toEqual([later.id]);

		expect(callsTo(emulator, 'GET', '/rest/v1/activities/pagingtoken.json')).toHaveLength(1);
		const sets = callsTo(emulator, 'GET', ACTIVITIES).map((call) => call.query.activityTypeIds);
		expect(sets.sort()).toEqual(['1,2,3,6,7,9,10,11,12,13', '1,2,3,6,7,9,10,11,12,13', '100001', '100001']);
	});

	it('Added to List: leads added to the chosen list only (picked by its Marketo URL); adding a member again is no event', async () => {
		const { store } = await triggerInstance(8);
		const trigger = triggerWorkflow({ event: 'addedToList', listId: { __rl: true, mode: 'url', value: 'https://app-ab12.marketo.com/#ST1001A1' } }, store);
		await trigger.activate();
		const add = (listId: string, leadId: string) => marketo({ resource: 'staticList', operation: 'addLeads', listId: byId(listId), leadId }, store);
		await add('1001', '6');
		await add('1002', '7');
		await add('1001', '1'); // already a member of the demo list
		await add('1001', '8');

		const items = (await trigger.poll()).items ?? [];

		expect(items.map((item) => [item.activityTypeId, item.leadId, item.primaryAttributeValueId, item.primaryAttributeValue])).toEqual([
			[24, 6, 1001, 'Newsletter Subscribers'],
			[24, 8, 1001, 'Newsletter Subscribers'],
		]);
	});

	it("Removed from List: a lead removed from the chosen list (no longer a member, so Marketo's listId filter could not be used)", async () => {
		const { emulator, store } = await triggerInstance(8);
		const trigger = triggerWorkflow({ event: 'removedFromList', listId: byId('1001') }, store);
		await trigger.activate();
		await marketo({ resource: 'staticList', operation: 'removeLeads', listId: byId('1001'), leadId: '2' }, store);

		const items = (await trigger.poll()).items ?? [];

		expect(items.map((item) => [item.activityTypeId, item.leadId, item.primaryAttributeValueId])).toEqual([[25, 2, 1001]]);
		expect(callsTo(emulator, 'GET', ACTIVITIES).every((call) => call.query.listId === undefined)).toBe(true);
	});

	it('Deleted Lead: leads deleted through the API, from Get Deleted Leads; no lead lookup (nothing is left to look up)', async () => {
		const { emulator, store } = await triggerInstance(6);
		const trigger = triggerWorkflow({ event: 'deletedLead', leadFields: ['email'] }, store);
		await trigger.activate();
		await marketo({ resource: 'lead', operation: 'delete', leadId: '5' }, store);

		const items = (await trigger.poll()).items ?? [];

		expect(items.map((item) => [item.activityTypeId, item.leadId])).toEqual([[37, 5]]);
		expect(callsTo(emulator, 'GET', '/rest/v1/activities/deletedleads.json').length).toBeGreaterThan(0);
		expect(callsTo(emulator, 'GET', '/rest/v1/leads.json')).toHaveLength(0);
	});

	it('changing what the trigger watches: a walk that stays goes on where it was, a new one starts from the change', async () => {
		// Only Date is faked: the change happens "seconds later" without waiting (activity dates are whole seconds).
		jest.useFakeTimers({ doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
		try {
			const { store, log } = await triggerInstance(3);
			const types = [1, 2, 3, 6, 7, 9, 10, 11, 12, 13, 100001];
			const before = triggerWorkflow({ event: 'activity', activityTypeIds: types }, store);
			await before.activate();
			const visit = log({ activityTypeId: 1 });
			log({ activityTypeId: 100001, primaryAttributeValue: 'Booth 1' });
			jest.setSystemTime(Date.now() + 5000);

			// Type 104 joins the second set of 10: the first set's walk is unchanged, the second is new.
			const after = triggerWorkflow({ event: 'activity', activityTypeIds: [...types, 104] }, store, before.stored);
			expect(idsOf((await after.activate('update')).items)).toEqual([visit.id]);
			const status = log({ activityTypeId: 104 });
			expect(idsOf((await after.poll()).items)).toEqual([status.id]);
		} finally {
			jest.useRealTimers();
		}
	});
});

describe('Marketo Trigger settings: a bad one stops activation, names the field, and sends nothing', () => {
	it.each([
		['no activity type', { event: 'activity', activityTypeIds: [] }, 'Field "Activity Types" is empty; choose at least one activity type'],
		['an activity type that is not an id', { event: 'activity', activityTypeIds: '=1,abc' }, 'Field "Activity Types" has "abc", which is not a Marketo ID'],
		['no field to watch', { event: 'leadFieldChanged', fields: [] }, 'Field "Fields to Watch" is empty; choose at least one lead field'],
		['no list', { event: 'addedToList', listId: { __rl: true, mode: 'list', value: '' } }, 'Field "Static List" is empty; choose the list to watch'],
		['a list id that is not one', { event: 'removedFromList', listId: byId('12x') }, 'Field "Static List" has "12x", which is not a Marketo ID'],
		['a poll size of 0', { event: 'newLead', options: { maxActivities: 0 } }, 'Field "Max Activities per Poll" is 0; enter a whole number from 1 to 6000'],
	])('%s', async (_case, parameters, message) => {
		const { emulator, store } = await triggerInstance(1);
		const trigger = triggerWorkflow(parameters as INodeParameters, store);

		await expect(trigger.activate()).rejects.toThrow(message);
		await expect(trigger.manual()).rejects.toThrow(message);
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});

describe('Marketo Trigger in the editor', () => {
	it('is a polling trigger with the Marketo credential and no input', () => {
		const { description } = new MarketoTrigger();
		expect(description).toMatchObject({ name: 'marketoTrigger', polling: true, group: ['trigger'], inputs: [], credentials: [{ name: 'marketoApi', required: true }] });
	});

	it('its dropdowns come from Marketo: activity types (list and custom ones included) and lead fields', async () => {
		const { store } = await triggerInstance(1);
		const types = (await triggerDropdown('getActivityTypes', store)).map((option) => option.value);
		expect(types).toEqual(expect.arrayContaining([12, 24, 25, 100001]));
		const fields = (await triggerDropdown('getLeadFields', store)).map((option) => option.value);
		expect(fields).toEqual(expect.arrayContaining(['email', 'title', 'company']));
	});
});
