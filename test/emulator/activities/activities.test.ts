import { outcome, send, startEmulator, tokenFor } from '../testClient';
import { activitiesOf } from './ActivityStore';
import { feedTokenSince } from './feedToken';

const at = (iso: string) => Date.parse(iso);
const query = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params)}`;
const since = (iso: string) => feedTokenSince(at(iso));

async function instance(seedLeads = 0) {
	const emulator = await startEmulator({ seedLeads });
	const activities = activitiesOf(emulator);
	activities.clear();
	return { emulator, activities, token: await tokenFor(emulator) };
}

describe('Get Paging Token (GET /rest/v1/activities/pagingtoken.json)', () => {
	it('turns a datetime into a padded base32 token; a missing datetime is 1002, a bad one 1001', async () => {
		const { emulator, token } = await instance();
		const answer = await send(emulator, 'GET', '/rest/v1/activities/pagingtoken.json?sinceDatetime=2025-03-01T00:00:00Z', { token });
		expect(answer.body.success).toBe(true);
		expect(answer.body.nextPageToken).toMatch(/^[A-Z2-7]+=*$/);
		expect(outcome(await send(emulator, 'GET', '/rest/v1/activities/pagingtoken.json', { token }))).toBe('1002');
		expect(outcome(await send(emulator, 'GET', '/rest/v1/activities/pagingtoken.json?sinceDatetime=yesterday', { token }))).toBe('1001');
	});
});

describe('Get Lead Activities (GET /rest/v1/activities.json)', () => {
	it('pages from the token by batchSize; moreResult says when to stop and every page hands out a token', async () => {
		const { emulator, activities, token } = await instance(2);
		activities.record({ leadId: 1, activityTypeId: 1, activityDate: '2025-02-28T23:59:59Z' });
		for (let i = 0; i < 7; i++) activities.record({ leadId: 1 + (i % 2), activityTypeId: 1, activityDate: `2025-03-0${1 + i}T10:00:00Z` });
		activities.record({ leadId: 1, activityTypeId: 10, activityDate: '2025-03-02T10:00:00Z' });

		const pages = [];
		let nextPageToken = since('2025-03-01T00:00:00Z');
		for (;;) {
			const answer = await send(emulator, 'GET', query('/rest/v1/activities.json', { nextPageToken, activityTypeIds: '1', batchSize: '3' }), { token });
			pages.push(answer.body);
			nextPageToken = String(answer.body.nextPageToken);
			if (!answer.body.moreResult) break;
		}
		expect(pages.map((page) => page.result?.length)).toEqual([3, 3, 1]);
		expect(pages.map((page) => page.moreResult)).toEqual([true, true, false]);
		expect(pages.flatMap((page) => page.result ?? []).map((activity) => activity.activityDate)).toEqual(
			Array.from({ length: 7 }, (_, i) => `2025-03-0${1 + i}T10:00:00Z`),
		);

		// The last token is where the next poll starts: nothing new yet, then what happened since.
		const idle = await send(emulator, 'GET', query('/rest/v1/activities.json', { nextPageToken, activityTypeIds: '1' }), { token });
		expect(idle.body).toMatchObject({ result: [], moreResult: false });
		activities.record({ leadId: 2, activityTypeId: 1, activityDate: '2025-03-09T10:00:00Z' });
		const later = await send(emulator, 'GET', query('/rest/v1/activities.json', { nextPageToken, activityTypeIds: '1' }), { token });
		expect(later.body.result?.map((activity) => activity.activityDate)).toEqual(['2025-03-09T10:00:00Z']);
	});

	it('filters by lead ids, static list and primary asset', async () => {
		const { emulator, activities, token } = await instance(6);
		for (const leadId of [1, 2, 3, 6]) activities.record({ leadId, activityTypeId: 10, primaryAttributeValueId: 2000 + leadId, activityDate: '2025-03-02T10:00:00Z' });
		const read = async (params: Record<string, string>) => {
			const answer = await send(emulator, 'GET', query('/rest/v1/activities.json', { nextPageToken: since('2025-03-01T00:00:00Z'), activityTypeIds: '10', ...params }), { token });
			return answer.body.result?.map((activity) => activity.leadId);
		};
		expect(await read({ leadIds: '2,3' })).toEqual([2, 3]);
		expect(await read({ listId: '1001' })).toEqual([1, 2, 3]); // the demo list holds leads 1–5
		expect(await read({ assetIds: '2006' })).toEqual([6]);
	});

	it('refuses what Marketo refuses: 11 activity types, 31 lead ids, no type, an unknown type or list, assets with two types, a foreign token', async () => {
		const { emulator, token } = await instance(1);
		const nextPageToken = since('2025-03-01T00:00:00Z');
		const call = async (params: Record<string, string>) =>
			outcome(await send(emulator, 'GET', query('/rest/v1/activities.json', { nextPageToken, ...params }), { token }));
		const ids = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1)).join(',');
		expect(await call({ activityTypeIds: '1,2,6,10,11,12,13,37,104,100001' })).toBe('success');
		expect(await call({ activityTypeIds: '1,2,6,10,11,12,13,37,104,100001,1' })).toBe('1003');
		expect(await call({ activityTypeIds: '1', leadIds: ids(30) })).toBe('success');
		expect(await call({ activityTypeIds: '1', leadIds: ids(31) })).toBe('1003');
		expect(await call({})).toBe('1002');
		expect(await call({ activityTypeIds: '100002' })).toBe('1003'); // a draft custom type is not listed
		expect(await call({ activityTypeIds: '1', listId: '4242' })).toBe('1013');
		expect(await call({ activityTypeIds: '1,10', assetIds: '2001' })).toBe('1003');
		expect(outcome(await send(emulator, 'GET', '/rest/v1/activities.json?activityTypeIds=1&nextPageToken=NOTATOKEN', { token }))).toBe('1003');
		expect(outcome(await send(emulator, 'GET', '/rest/v1/activities.json?activityTypeIds=1', { token }))).toBe('1002');
	});
});

describe('Get Lead Changes and Get Deleted Leads', () => {
	it('lead changes: new leads and changes of the watched fields only, with those fields', async () => {
		const { emulator, activities, token } = await instance(2);
		activities.record({ leadId: 2, activityTypeId: 12, activityDate: '2025-03-01T09:00:00Z' });
		activities.recordLeadChange(1, at('2025-03-01T10:00:00Z'), [
			{ name: 'title', oldValue: 'Analyst', newValue: 'CMO' },
			{ name: 'company', oldValue: 'Old Co', newValue: 'New Co' },
		]);
		activities.recordLeadChange(1, at('2025-03-01T11:00:00Z'), [{ name: 'phone', newValue: '555-0100' }]);
		const answer = await send(emulator, 'GET', query('/rest/v1/activities/leadchanges.json', { nextPageToken: since('2025-03-01T00:00:00Z'), fields: 'title' }), { token });
		expect(answer.body.result?.map((change) => [change.activityTypeId, change.fields])).toEqual([
			[12, []],
			[13, [{ id: 7, name: 'title', oldValue: 'Analyst', newValue: 'CMO' }]],
		]);
		expect(outcome(await send(emulator, 'GET', query('/rest/v1/activities/leadchanges.json', { nextPageToken: since('2025-03-01T00:00:00Z') }), { token }))).toBe('1002');
		expect(outcome(await send(emulator, 'GET', query('/rest/v1/activities/leadchanges.json', { nextPageToken: since('2025-03-01T00:00:00Z'), fields: 'shoeSize' }), { token }))).toBe('1006');
	});

	it('deleted leads: the Delete Lead activities since the token; a fresh instance has three', async () => {
		const emulator = await startEmulator({ seedLeads: 3 });
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', query('/rest/v1/activities/deletedleads.json', { nextPageToken: since('2024-01-01T00:00:00Z') }), { token });
		expect(answer.body.result?.map((deleted) => [deleted.leadId, deleted.activityTypeId])).toEqual([
			[90001, 37],
			[90002, 37],
			[90003, 37],
		]);
	});
});

describe('activity types', () => {
	it('Get Activity Types lists standard and approved custom types; Get Custom Activity Types shows each custom type with its status', async () => {
		const { emulator, token } = await instance();
		const types = await send(emulator, 'GET', '/rest/v1/activities/types.json', { token });
		const ids = types.body.result?.map((type) => type.id);
		expect(ids).toEqual(expect.arrayContaining([1, 12, 13, 37, 100001]));
		expect(ids).not.toContain(100002);
		const custom = await send(emulator, 'GET', '/rest/v1/activities/external/types.json', { token });
		expect(custom.body.result?.map((type) => [type.id, type.status])).toEqual([
			[100001, 'approved'],
			[100002, 'draft'],
		]);
	});
});

describe('Add Custom Activities (POST /rest/v1/activities/external.json)', () => {
	const good = { leadId: 1, activityTypeId: 100001, activityDate: '2025-03-05T10:00:00Z', primaryAttributeValue: 'Booth 12' };

	it('adds good records and skips bad ones with their reason under `errors` (as real instances answer), in input order; added ones join the feed', async () => {
		const { emulator, activities, token } = await instance(2);
		const input = [
			{ ...good, attributes: [{ name: 'Event Name', value: 'Berlin' }] },
			{ ...good, leadId: 999 },
			{ ...good, activityTypeId: 100002 },
			{ ...good, primaryAttributeValue: '' },
			{ ...good, activityDate: 'soon' },
			{ ...good, attributes: [{ name: 'Shoe Size', value: 44 }] },
			{ ...good, leadId: 2, attributes: [{ apiName: 'minutesAtBooth', value: 12 }] },
		];
		const answer = await send(emulator, 'POST', '/rest/v1/activities/external.json', { token, json: { input } });
		expect(answer.body.result?.map((result) => [result.status, (result.errors as Array<{ code: string }> | undefined)?.[0]?.code])).toEqual([
			['added', undefined],
			['skipped', '1004'],
			['skipped', '1003'],
			['skipped', '1002'],
			['skipped', '1001'],
			['skipped', '1006'],
			['added', undefined],
		]);
		expect(answer.body.result?.filter((result) => 'reasons' in result)).toEqual([]);
		expect(activities.all().map((activity) => [activity.leadId, activity.attributes])).toEqual([
			[1, [{ name: 'Event Name', apiName: 'eventName', value: 'Berlin' }]],
			[2, [{ name: 'Minutes at Booth', apiName: 'minutesAtBooth', value: 12 }]],
		]);
	});

	it('takes at most 300 records per call (1003)', async () => {
		const { emulator, token } = await instance(1);
		const input = Array.from({ length: 301 }, () => good);
		expect(outcome(await send(emulator, 'POST', '/rest/v1/activities/external.json', { token, json: { input } }))).toBe('1003');
		expect(outcome(await send(emulator, 'POST', '/rest/v1/activities/external.json', { token, json: { input: input.slice(1) } }))).toBe('success');
	});
});

describe('the activity log records what happens, so feeds (and triggers) see it', () => {
	const leadChanges = async (emulator: Awaited<ReturnType<typeof instance>>['emulator'], token: string, nextPageToken: string) =>
		(await send(emulator, 'GET', query('/rest/v1/activities/leadchanges.json', { nextPageToken, fields: 'title,company' }), { token })).body.result ?? [];

	it('a lead created, changed (one Change Data Value per changed field) and deleted through the API', async () => {
		const { emulator, activities, token } = await instance(1);
		const start = feedTokenSince(Date.now() - 1000);
		const sync = (input: unknown[]) => send(emulator, 'POST', '/rest/v1/leads.json', { token, json: { action: 'createOrUpdate', input } });
		const created = (await sync([{ email: 'new.lead@example.com', firstName: 'Nia', lastName: 'Okafor', title: 'Analyst' }])).body.result?.[0];
		await sync([{ email: 'new.lead@example.com', title: 'Director', company: 'Contoso', firstName: 'Nia' }]);
		await send(emulator, 'POST', '/rest/v1/leads/delete.json', { token, json: { input: [{ id: created?.id }] } });

		expect(activities.all().map((activity) => [activity.activityTypeId, activity.leadId, activity.primaryAttributeValue])).toEqual([
			[12, created?.id, 'Nia Okafor'],
			[13, created?.id, 'title'],
			[13, created?.id, 'company'],
			[37, created?.id, 'Nia Okafor'],
		]);
		expect((await leadChanges(emulator, token, start)).map((change) => change.fields)).toEqual([
			[],
			[{ id: 7, name: 'title', oldValue: 'Analyst', newValue: 'Director' }],
			[{ id: expect.any(Number), name: 'company', oldValue: null, newValue: 'Contoso' }],
		]);
		const deleted = await send(emulator, 'GET', query('/rest/v1/activities/deletedleads.json', { nextPageToken: start }), { token });
		expect(deleted.body.result?.map((activity) => activity.leadId)).toEqual([created?.id]);
	});

	it('a lead added to and removed from a static list: Add to List (24) and Remove from List (25), the list as primary attribute; no change, no activity', async () => {
		const { emulator, activities, token } = await instance(7);
		const members = (method: string, leadId: number) => send(emulator, method, '/rest/v1/lists/1001/leads.json', { token, json: { input: [{ id: leadId }] } });
		await members('POST', 6);
		await members('POST', 1); // already a member of the demo list
		await members('DELETE', 6);
		await members('DELETE', 7); // not a member

		expect(activities.all().map((activity) => [activity.activityTypeId, activity.leadId, activity.primaryAttributeValueId, activity.primaryAttributeValue])).toEqual([
			[24, 6, 1001, 'Newsletter Subscribers'],
			[25, 6, 1001, 'Newsletter Subscribers'],
		]);
	});
});

describe('paging tokens', () => {
	it('Get Paging Token counts whole seconds, as activity dates do', async () => {
		const { emulator, activities, token } = await instance(1);
		const recorded = activities.record({ leadId: 1, activityTypeId: 1, activityDate: '2025-03-01T10:00:00Z' });
		const answer = await send(emulator, 'GET', '/rest/v1/activities/pagingtoken.json?sinceDatetime=2025-03-01T10:00:00.700Z', { token });
		const page = await send(emulator, 'GET', query('/rest/v1/activities.json', { nextPageToken: String(answer.body.nextPageToken), activityTypeIds: '1' }), { token });
		expect(page.body.result?.map((activity) => activity.id)).toEqual([recorded.id]);
	});

	it('a token issued before Marketo stopped honouring old ones is refused (1003); a new token for the same date works', async () => {
		const { emulator, activities, token } = await instance(1);
		activities.record({ leadId: 1, activityTypeId: 1, activityDate: '2025-03-02T10:00:00Z' });
		const old = since('2025-03-01T00:00:00Z');
		activities.expireFeedTokens();
		const read = async (nextPageToken: string) => outcome(await send(emulator, 'GET', query('/rest/v1/activities.json', { nextPageToken, activityTypeIds: '1' }), { token }));
		expect(await read(old)).toBe('1003');
		const fresh = await send(emulator, 'GET', '/rest/v1/activities/pagingtoken.json?sinceDatetime=2025-03-01T00:00:00Z', { token });
		expect(await read(String(fresh.body.nextPageToken))).toBe('success');
	});

	it('a page examines a slice of the log (scanLimit): a filtered page may be empty while more follow, and its token still moves on', async () => {
		const { emulator, activities, token } = await instance(1);
		activities.scanLimit = 4;
		for (let i = 0; i < 6; i++) activities.record({ leadId: 1, activityTypeId: 1, activityDate: `2025-03-01T10:00:0${i}Z` });
		const wanted = activities.record({ leadId: 1, activityTypeId: 10, activityDate: '2025-03-01T10:00:07Z' });
		const pages = [];
		let nextPageToken = since('2025-03-01T00:00:00Z');
		for (;;) {
			const answer = await send(emulator, 'GET', query('/rest/v1/activities.json', { nextPageToken, activityTypeIds: '10' }), { token });
			pages.push(answer.body);
			nextPageToken = String(answer.body.nextPageToken);
			if (!answer.body.moreResult) break;
		}
		expect(pages.map((page) => [page.result?.map((activity) => activity.id), page.moreResult])).toEqual([
			[[], true],
			[[wanted.id], false],
		]);
	});
});
