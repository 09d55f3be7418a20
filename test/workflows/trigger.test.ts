import { marketoTimestamp } from '../emulator/leads/leadValues';
import { callsTo } from './marketoWorkflow';
import { idsOf, triggerInstance, triggerWorkflow } from './marketoTrigger';

const NEW_LEAD = 12;
const VISIT_WEBPAGE = 1;
const HOUR = 3_600_000;
const ACTIVITIES = '/rest/v1/activities.json';
const PAGING_TOKEN = '/rest/v1/activities/pagingtoken.json';

describe('Marketo Trigger: each activity is delivered once, across polls, restarts and long pauses', () => {
	it('activation starts from now and delivers nothing, not even what happened an hour before', async () => {
		const { emulator, store, log } = await triggerInstance();
		log({ activityTypeId: NEW_LEAD, activityDate: marketoTimestamp(Date.now() - HOUR) });
		const trigger = triggerWorkflow({ event: 'newLead' }, store);

		const activation = await trigger.activate();

		expect(activation.items).toBeNull();
		expect(callsTo(emulator, 'GET', PAGING_TOKEN)).toHaveLength(1);
		expect(callsTo(emulator, 'GET', ACTIVITIES)).toHaveLength(0);
		expect((await trigger.poll()).items).toBeNull();
	});

	it('activities arriving between polls: each poll delivers exactly the new ones, in feed order, from where the last one ended', async () => {
		const { emulator, store, log } = await triggerInstance();
		const trigger = triggerWorkflow({ event: 'newLead' }, store);
		await trigger.activate();

		const first = [log({ activityTypeId: NEW_LEAD, leadId: 1 }), log({ activityTypeId: NEW_LEAD, leadId: 2 })];
		log({ activityTypeId: VISIT_WEBPAGE });
		expect(idsOf((await trigger.poll()).items)).toEqual(first.map((activity) => activity.id));

		expect((await trigger.poll()).items).toBeNull();

		const second = [3, 4, 5].map((leadId) => log({ activityTypeId: NEW_LEAD, leadId }));
		expect(idsOf((await trigger.poll()).items)).toEqual(second.map((activity) => activity.id));
		expect((await trigger.poll()).items).toBeNull();

		// One token for the activation; afterwards every poll goes on with the token the previous page handed out.
		const pages = callsTo(emulator, 'GET', ACTIVITIES);
		expect(callsTo(emulator, 'GET', PAGING_TOKEN)).toHaveLength(1);
		expect(pages).toHaveLength(4);
		expect(pages.map((call) => call.query.activityTypeIds)).toEqual(['12', '12', '12', '12']);
	});

	it('after n8n restarts (a new node instance, the saved static data) it goes on from the last poll that delivered: nothing lost, nothing repeated', async () => {
		const { store, log } = await triggerInstance();
		const before = triggerWorkflow({ event: 'newLead' }, store);
		await before.activate();
		const delivered = log({ activityTypeId: NEW_LEAD, leadId: 1 });
		expect(idsOf((await before.poll()).items)).toEqual([delivered.id]);
		// Nothing new: n8n does not save static data for a poll that emits nothing.
		expect((await before.poll()).saved).toBe(false);

		const whileDown = [log({ activityTypeId: NEW_LEAD, leadId: 2 }), log({ activityTypeId: NEW_LEAD, leadId: 3 })];
		const after = triggerWorkflow({ event: 'newLead' }, store, before.stored);
		const restarted = await after.activate('init');

		expect(idsOf(restarted.items)).toEqual(whileDown.map((activity) => activity.id));
		expect((await after.poll()).items).toBeNull();
	});

	it('a poll started while the previous one still runs (a slow Marketo) is skipped, so nothing is delivered twice', async () => {
		const { emulator, store, log } = await triggerInstance();
		const trigger = triggerWorkflow({ event: 'newLead' }, store);
		await trigger.activate();
		const wanted = [log({ activityTypeId: NEW_LEAD, leadId: 1 }).id];
		emulator.inject({ on: emulator.apiCalls().length + 1, delayMs: 300 });

		const [slow, overlapping] = await Promise.all([trigger.poll(), trigger.poll()]);

		expect(idsOf(slow.items)).toEqual(wanted);
		expect(overlapping.items).toBeNull();
		expect(overlapping.warnings).toEqual([expect.stringContaining('the previous poll is still running')]);
		expect((await trigger.poll()).items).toBeNull();
	});

	it('a long pause with 1,200 new activities: 500 per poll (Max Activities per Poll), the rest in the next polls, none twice', async () => {
		const { emulator, store, log } = await triggerInstance();
		const trigger = triggerWorkflow({ event: 'activity', activityTypeIds: [VISIT_WEBPAGE], options: { maxActivities: 500 } }, store);
		await trigger.activate();
		const all = Array.from({ length: 1200 }, (_, i) => log({ activityTypeId: VISIT_WEBPAGE, leadId: 1 + (i % 5) }).id);

		const polls = [];
		for (let i = 0; i < 4; i++) polls.push(idsOf((await trigger.poll()).items));

		expect(polls.map((ids) => ids.length)).toEqual([500, 500, 200, 0]);
		expect(polls.flat()).toEqual(all);
		// Pages ask for no more than the poll has left, so a poll reads exactly its share.
		expect(callsTo(emulator, 'GET', ACTIVITIES).map((call) => call.query.batchSize)).toEqual(['300', '200', '300', '200', '300', '300']);
	});

	it('Marketo answering empty pages while more follow: the poll goes on through them, at most 20 pages a poll, and the next poll continues', async () => {
		const { emulator, activities, store, log } = await triggerInstance();
		const trigger = triggerWorkflow({ event: 'newLead' }, store);
		await trigger.activate();
		activities.scanLimit = 10;
		const wanted = [log({ activityTypeId: NEW_LEAD, leadId: 1 }).id];
		for (let i = 0; i < 250; i++) log({ activityTypeId: VISIT_WEBPAGE });
		wanted.push(log({ activityTypeId: NEW_LEAD, leadId: 2 }).id);

		const first = await trigger.poll();
		expect(idsOf(first.items)).toEqual([wanted[0]]);
		expect(callsTo(emulator, 'GET', ACTIVITIES)).toHaveLength(20);

		const delivered = idsOf(first.items);
		for (let poll = 0; poll < 3; poll++) delivered.push(...idsOf((await trigger.poll()).items));
		expect(delivered).toEqual(wanted);
		expect(callsTo(emulator, 'GET', ACTIVITIES)).toHaveLength(20 + 6 + 1 + 1);
	});

	it('a poll that fails moves nothing: the next poll delivers the same activities, once', async () => {
		const { emulator, activities, store, log } = await triggerInstance();
		const trigger = triggerWorkflow({ event: 'newLead' }, store);
		await trigger.activate();
		activities.scanLimit = 3;
		const wanted = [1, 2, 3, 4, 5].map((leadId) => log({ activityTypeId: NEW_LEAD, leadId }).id);
		// The poll's second page fails, after its first page was read.
		emulator.inject({ on: emulator.apiCalls().length + 2, respondWithCode: '603' });

		await expect(trigger.poll()).rejects.toThrow(/Access denied/);
		expect(idsOf((await trigger.poll()).items)).toEqual(wanted);
		expect((await trigger.poll()).items).toBeNull();
	});

	it('Marketo refusing the saved token after a long pause: reads again from the last delivered activity, delivering nothing twice, and says so', async () => {
		const { emulator, activities, store, log } = await triggerInstance();
		const trigger = triggerWorkflow({ event: 'newLead' }, store);
		await trigger.activate();
		const delivered = [log({ activityTypeId: NEW_LEAD, leadId: 1 }), log({ activityTypeId: NEW_LEAD, leadId: 2 })];
		expect(idsOf((await trigger.poll()).items)).toEqual(delivered.map((activity) => activity.id));

		activities.expireFeedTokens();
		const later = log({ activityTypeId: NEW_LEAD, leadId: 3, activityDate: marketoTimestamp(Date.now() + 1000) });
		const poll = await trigger.poll();

		expect(idsOf(poll.items)).toEqual([later.id]);
		expect(poll.warnings).toEqual([expect.stringContaining('Marketo refused the saved paging token')]);
		expect(callsTo(emulator, 'GET', PAGING_TOKEN).at(-1)?.query.sinceDatetime).toBe(delivered[1].activityDate);
		expect(callsTo(emulator, 'GET', ACTIVITIES).slice(-2).map((call) => call.errorCode ?? 'ok')).toEqual(['1003', 'ok']);
		expect((await trigger.poll()).items).toBeNull();
	});

	it('a saved token refused twice is a real error: the poll fails with Marketo\'s message and keeps its position', async () => {
		const { emulator, store, log } = await triggerInstance();
		const trigger = triggerWorkflow({ event: 'newLead' }, store);
		await trigger.activate();
		const wanted = log({ activityTypeId: NEW_LEAD, leadId: 1 });
		emulator.inject({ on: (call) => call.path === ACTIVITIES, times: 2, respondWithCode: '1003', message: 'Invalid nextPageToken' });

		await expect(trigger.poll()).rejects.toThrow('Invalid nextPageToken');
		expect(idsOf((await trigger.poll()).items)).toEqual([wanted.id]);
	});
});

describe('Marketo Trigger: "Fetch Test Event" (manual mode)', () => {
	it('shows the latest matching activities, looking back 10 minutes, then an hour, and leaves the active trigger where it was', async () => {
		const { emulator, store, log } = await triggerInstance();
		const trigger = triggerWorkflow({ event: 'newLead' }, store);
		await trigger.activate();
		const stored = structuredClone(trigger.stored);
		log({ activityTypeId: NEW_LEAD, leadId: 1, activityDate: marketoTimestamp(Date.now() - 3 * HOUR) });
		const recent = Array.from({ length: 12 }, (_, i) => log({ activityTypeId: NEW_LEAD, leadId: 2, activityDate: marketoTimestamp(Date.now() - 30 * 60_000 + i * 1000) }));
		log({ activityTypeId: VISIT_WEBPAGE, activityDate: marketoTimestamp(Date.now() - 60_000) });
		const tokensBefore = callsTo(emulator, 'GET', PAGING_TOKEN).length;

		const test = await trigger.manual();

		expect(idsOf(test.items)).toEqual(recent.slice(-10).map((activity) => activity.id));
		expect(callsTo(emulator, 'GET', PAGING_TOKEN)).toHaveLength(tokensBefore + 2);
		expect(trigger.stored).toEqual(stored);
		// Those activities happened before activation: the active trigger does not deliver them.
		expect((await trigger.poll()).items).toBeNull();
	});

	it('looks back further (a day, a week, 30 days) until it finds one; works before any activation and saves nothing', async () => {
		const { emulator, store, log } = await triggerInstance();
		const old = log({ activityTypeId: NEW_LEAD, activityDate: marketoTimestamp(Date.now() - 3 * 24 * HOUR) });
		const trigger = triggerWorkflow({ event: 'newLead' }, store);

		expect(idsOf((await trigger.manual()).items)).toEqual([old.id]);
		expect(callsTo(emulator, 'GET', PAGING_TOKEN)).toHaveLength(4);
		expect(trigger.stored).toEqual({});
	});

	it('on a busy instance still shows the newest: 1,000 activities earlier in the hour do not crowd out the last minutes', async () => {
		const { store, log } = await triggerInstance();
		for (let i = 0; i < 1_000; i++) log({ activityTypeId: NEW_LEAD, leadId: 1, activityDate: marketoTimestamp(Date.now() - 50 * 60_000 + i * 100) });
		const newest = Array.from({ length: 12 }, (_, i) => log({ activityTypeId: NEW_LEAD, leadId: 2, activityDate: marketoTimestamp(Date.now() - 120_000 + i * 1000) }));

		const test = await triggerWorkflow({ event: 'newLead' }, store).manual();

		expect(idsOf(test.items)).toEqual(newest.slice(-10).map((activity) => activity.id));
	});

	it('with nothing in 30 days it says so, and how to get a test event', async () => {
		const { store } = await triggerInstance();
		await expect(triggerWorkflow({ event: 'deletedLead' }, store).manual()).rejects.toThrow('No "Deleted Lead" activity in Marketo in the last 30 days');
	});
});

describe('Marketo Trigger: Include Lead Fields', () => {
	it('looks the leads of a poll up together: 650 leads are 3 lookups (300 per call), each activity gets its lead', async () => {
		const { emulator, store, log } = await triggerInstance(650);
		const trigger = triggerWorkflow({ event: 'newLead', leadFields: ['email', 'company'] }, store);
		await trigger.activate();
		for (let leadId = 1; leadId <= 650; leadId++) log({ activityTypeId: NEW_LEAD, leadId });
		log({ activityTypeId: NEW_LEAD, leadId: 7 });

		const items = (await trigger.poll()).items ?? [];

		const lookups = callsTo(emulator, 'GET', '/rest/v1/leads.json');
		expect(lookups.map((call) => call.query.filterValues.split(',').length)).toEqual([300, 300, 50]);
		expect(lookups.every((call) => call.query.filterType === 'id' && call.query.fields.split(',').sort().join() === 'company,email,id')).toBe(true);
		expect(items).toHaveLength(651);
		for (const item of items) {
			const lead = emulator.leads.get(Number(item.leadId));
			expect(item.lead).toEqual({ id: lead?.id, email: lead?.email ?? null, company: lead?.company ?? null });
		}
	});

	it('one lookup per poll however many activities a lead has; a lead deleted since gets null; a poll with nothing new looks nothing up', async () => {
		const { emulator, store, log } = await triggerInstance(3);
		const trigger = triggerWorkflow({ event: 'activity', activityTypeIds: [VISIT_WEBPAGE], leadFields: ['email'] }, store);
		await trigger.activate();
		for (let i = 0; i < 5; i++) log({ activityTypeId: VISIT_WEBPAGE, leadId: 2 });
		log({ activityTypeId: VISIT_WEBPAGE, leadId: 3 });
		emulator.leads.delete(3);

		const items = (await trigger.poll()).items ?? [];
		expect((await trigger.poll()).items).toBeNull();

		expect(callsTo(emulator, 'GET', '/rest/v1/leads.json')).toHaveLength(1);
		expect(items.map((item) => item.lead)).toEqual([...Array(5).fill({ id: 2, email: emulator.leads.get(2)?.email }), null]);
	});
});
