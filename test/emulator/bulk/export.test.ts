import { createHash } from 'node:crypto';

import { parseCsvRecords } from '../../../nodes/Marketo/helpers/csv';
import { listsOf } from '../lists/ListStore';
import { outcome, send, startEmulator, tokenFor, type Answer, type CallOptions } from '../testClient';
import { exportsOf } from './exportJobs';

async function instance(seedLeads = 40) {
	const emulator = await startEmulator({ seedLeads });
	const token = await tokenFor(emulator);
	const call = async (method: string, path: string, options: CallOptions = {}) => await send(emulator, method, path, { token, ...options });
	return { emulator, call };
}

type Instance = Awaited<ReturnType<typeof instance>>;

const LEADS = '/bulk/v1/leads/export';
const firstResult = (answer: Answer) => answer.body.result?.[0] as Record<string, unknown>;
const january = { startAt: '2024-01-01T00:00:00Z', endAt: '2024-01-31T23:59:59Z' };

async function createLeadJob(at: Instance, filter: Record<string, unknown> = { createdAt: january }, fields = ['id', 'email']) {
	const answer = await at.call('POST', `${LEADS}/create.json`, { json: { fields, filter, format: 'CSV' } });
	expect(outcome(answer)).toBe('success');
	return String(firstResult(answer).exportId);
}

async function records(text: string): Promise<Array<Record<string, string>>> {
	const rows: Array<Record<string, string>> = [];
	for await (const row of parseCsvRecords(text)) rows.push(row);
	return rows;
}

const status = async (at: Instance, id: string) => firstResult(await at.call('GET', `${LEADS}/${id}/status.json`));

describe('bulk extract jobs (emulator)', () => {
	it('a job goes Created → Queued → Processing → Completed, one step per status check, then serves its CSV', async () => {
		const at = await instance();
		const id = await createLeadJob(at);
		expect((await status(at, id)).status).toBe('Created');
		expect(firstResult(await at.call('POST', `${LEADS}/${id}/enqueue.json`)).status).toBe('Queued');
		expect((await status(at, id)).status).toBe('Processing');
		const done = await status(at, id);
		expect(done).toMatchObject({ status: 'Completed', format: 'CSV' });

		const file = await at.call('GET', `${LEADS}/${id}/file.json`);
		expect(file.status).toBe(200);
		expect(file.contentType).toMatch(/^text\/csv/);
		const rows = await records(file.text);
		const inJanuary = at.emulator.leads.all().filter((lead) => lead.createdAt <= january.endAt);
		expect(rows).toEqual(inJanuary.map((lead) => ({ id: String(lead.id), email: String(lead.email) })));
		expect(done).toMatchObject({ numberOfRecords: inJanuary.length, fileSize: Buffer.byteLength(file.text) });
		expect(done.fileChecksum).toBe(`sha256:${createHash('sha256').update(file.text).digest('hex')}`);
	});

	it('serves part of the file for a Range header (206 with Content-Range), as Marketo does', async () => {
		const at = await instance();
		const id = await createLeadJob(at);
		await at.call('POST', `${LEADS}/${id}/enqueue.json`);
		await status(at, id);
		await status(at, id);
		const whole = (await at.call('GET', `${LEADS}/${id}/file.json`)).text;
		const tail = await at.call('GET', `${LEADS}/${id}/file.json`, { headers: { Range: 'bytes=10-' } });
		expect(tail.status).toBe(206);
		expect(tail.text).toBe(whole.slice(10));
		const beyond = await at.call('GET', `${LEADS}/${id}/file.json`, { headers: { Range: `bytes=${whole.length + 5}-` } });
		expect(beyond.status).toBe(416);
	});

	it('runs at most 2 jobs at once; the others wait Queued, in order', async () => {
		const at = await instance();
		const ids = [await createLeadJob(at), await createLeadJob(at), await createLeadJob(at)];
		for (const id of ids) await at.call('POST', `${LEADS}/${id}/enqueue.json`);
		const statuses = () => ids.map((id) => exportsOf(at.emulator).all().find((job) => job.exportId === id)?.status);
		await status(at, ids[0]);
		expect(statuses()).toEqual(['Processing', 'Processing', 'Queued']);
		await status(at, ids[0]);
		expect(statuses()).toEqual(['Completed', 'Completed', 'Processing']);
	});

	it('queues at most 10 jobs (processing ones included); the 11th enqueue is 1029 and stays Created', async () => {
		const at = await instance();
		const ids: string[] = [];
		for (let i = 0; i < 11; i++) ids.push(await createLeadJob(at));
		for (const id of ids.slice(0, 10)) expect(outcome(await at.call('POST', `${LEADS}/${id}/enqueue.json`))).toBe('success');
		const refused = await at.call('POST', `${LEADS}/${ids[10]}/enqueue.json`);
		expect(refused.body.errors).toEqual([{ code: '1029', message: 'Too many jobs (10) in queue' }]);
		expect(exportsOf(at.emulator).all().find((job) => job.exportId === ids[10])?.status).toBe('Created');
	});

	it('the queue is shared by every kind: an activity job counts against the leads jobs', async () => {
		const at = await instance();
		exportsOf(at.emulator).limits.maxQueued = 1;
		await at.call('POST', `${LEADS}/${await createLeadJob(at)}/enqueue.json`);
		const activity = await at.call('POST', '/bulk/v1/activities/export/create.json', { json: { fields: ['leadId'], filter: { createdAt: january } } });
		const refused = await at.call('POST', `/bulk/v1/activities/export/${String(firstResult(activity).exportId)}/enqueue.json`);
		expect(outcome(refused)).toBe('1029');
	});

	it('after 500 MB of files in a (US Central) day, create and enqueue answer 1029 "Export daily quota exceeded"', async () => {
		const at = await instance();
		const jobs = exportsOf(at.emulator);
		const id = await createLeadJob(at);
		jobs.limits.dailyQuotaBytes = jobs.exportedToday() + 1;
		await at.call('POST', `${LEADS}/${id}/enqueue.json`);
		await status(at, id);
		await status(at, id);
		const create = await at.call('POST', `${LEADS}/create.json`, { json: { fields: ['id'], filter: { createdAt: january } } });
		expect(create.body.errors?.[0]).toEqual({ code: '1029', message: expect.stringMatching(/^Export daily quota \d+MB exceeded$/) });
	});

	it('checks filters as Marketo does: one filter type for leads, ranges of at most 31 days, fields known', async () => {
		const at = await instance();
		const create = async (json: unknown) => outcome(await at.call('POST', `${LEADS}/create.json`, { json }));
		const range = (days: number) => ({ startAt: '2024-01-01T00:00:00Z', endAt: new Date(Date.parse('2024-01-01T00:00:00Z') + days * 86_400_000).toISOString() });
		expect(await create({ fields: ['id'], filter: { createdAt: range(31) } })).toBe('success');
		expect(await create({ fields: ['id'], filter: { createdAt: range(31.01) } })).toBe('1003');
		expect(await create({ fields: ['id'], filter: { createdAt: range(1), staticListId: 1001 } })).toBe('1003');
		expect(await create({ fields: ['id'], filter: {} })).toBe('1003');
		expect(await create({ fields: ['nope'], filter: { createdAt: range(1) } })).toBe('1006');
		expect(await create({ fields: [], filter: { createdAt: range(1) } })).toBe('1002');
		expect(outcome(await at.call('POST', '/bulk/v1/activities/export/create.json', { json: { fields: ['leadId'], filter: { activityTypeIds: [1] } } }))).toBe('1002');
		expect(outcome(await at.call('POST', '/bulk/v1/activities/export/create.json', { json: { fields: ['leadId'], filter: { createdAt: range(2), activityTypeIds: [37] } } }))).toBe('1003');
		expect(outcome(await at.call('POST', '/bulk/v1/program/members/export/create.json', { json: { fields: ['leadId'], filter: { programId: 1001, programIds: [1001] } } }))).toBe('1003');
	});

	it('a static list filter exports the list members; program members carry their lead fields', async () => {
		const at = await instance();
		const lists = listsOf(at.emulator);
		const list = lists.create({ name: 'Export me' });
		[3, 7].forEach((leadId) => lists.addMember(list.id, leadId));
		const id = await createLeadJob(at, { staticListName: 'Export me' }, ['id']);
		await at.call('POST', `${LEADS}/${id}/enqueue.json`);
		await status(at, id);
		await status(at, id);
		expect(await records((await at.call('GET', `${LEADS}/${id}/file.json`)).text)).toEqual([{ id: '3' }, { id: '7' }]);

		const members = await at.call('POST', '/bulk/v1/program/members/export/create.json', { json: { fields: ['leadId', 'email', 'statusName'], filter: { programId: 1001 } } });
		const memberJob = String(firstResult(members).exportId);
		const memberPath = `/bulk/v1/program/members/export/${memberJob}`;
		await at.call('POST', `${memberPath}/enqueue.json`);
		await at.call('GET', `${memberPath}/status.json`);
		await at.call('GET', `${memberPath}/status.json`);
		const rows = await records((await at.call('GET', `${memberPath}/file.json`)).text);
		expect(rows[0]).toEqual({ leadId: '1', email: String(at.emulator.leads.get(1)?.email), statusName: 'Invited' });
	});

	it('a job may fail or be cancelled; neither has a file', async () => {
		const at = await instance();
		const jobs = exportsOf(at.emulator);
		jobs.failNextWith = 'Export failed: internal error';
		const failing = await createLeadJob(at);
		await at.call('POST', `${LEADS}/${failing}/enqueue.json`);
		await status(at, failing);
		expect(await status(at, failing)).toMatchObject({ status: 'Failed', errorMsg: 'Export failed: internal error' });
		expect(outcome(await at.call('GET', `${LEADS}/${failing}/file.json`))).toBe('1003');

		const cancelled = await createLeadJob(at);
		await at.call('POST', `${LEADS}/${cancelled}/enqueue.json`);
		expect(firstResult(await at.call('POST', `${LEADS}/${cancelled}/cancel.json`)).status).toBe('Cancelled');
		expect(outcome(await at.call('POST', `${LEADS}/${cancelled}/cancel.json`))).toBe('1003');
		expect(outcome(await at.call('GET', `${LEADS}/${cancelled}/file.json`))).toBe('1003');
	});

	it('lists the jobs of the last 7 days by kind, filtered by status (lower case, a comma list), paged by token', async () => {
		const at = await instance();
		for (let i = 0; i < 3; i++) await createLeadJob(at);
		const created = await at.call('GET', '/bulk/v1/leads/export.json?status=created&batchSize=2');
		expect(created.body.result?.map((job) => job.status)).toEqual(['Created', 'Created']);
		const rest = await at.call('GET', `/bulk/v1/leads/export.json?status=created&batchSize=2&nextPageToken=${created.body.nextPageToken}`);
		expect(rest.body.result).toHaveLength(2); // 3 new ones and the fresh instance's demo Created job
		expect(rest.body.nextPageToken).toBeUndefined();
		const both = await at.call('GET', '/bulk/v1/leads/export.json?status=created,completed');
		expect(new Set(both.body.result?.map((job) => job.status))).toEqual(new Set(['Created', 'Completed']));
		expect(outcome(await at.call('GET', '/bulk/v1/leads/export.json?status=Done'))).toBe('1003');
		const activities = await at.call('GET', '/bulk/v1/activities/export.json');
		expect(activities.body.result?.every((job) => !(job.exportId as string).includes(created.body.result?.[0]?.exportId as string))).toBe(true);
	});

	it('writes 100,000 leads quickly: the instance can be seeded for load tests', async () => {
		const at = await instance(100_000);
		const id = await createLeadJob(at, { createdAt: { startAt: '2024-01-01T00:00:00Z', endAt: '2024-01-31T23:59:59Z' } }, ['id', 'email', 'firstName', 'lastName']);
		await at.call('POST', `${LEADS}/${id}/enqueue.json`);
		await status(at, id);
		expect((await status(at, id)).status).toBe('Completed');
		expect(at.emulator.leads.size).toBe(100_000);
	});
});
