import type { INodeParameters } from 'n8n-workflow';

import { parseCsvRecords } from '../../nodes/Marketo/helpers/csv';
import { demoExportIds, exportsOf } from '../emulator/bulk/exportJobs';
import { listsOf } from '../emulator/lists/ListStore';
import { callsTo, credentialStore, dropdown, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const LEADS = '/bulk/v1/leads/export';
/** Status checks a few tenths of a second apart: the emulator moves a job on by one step per check. */
const FAST = { maxWaitMinutes: 1, firstCheckSeconds: 0.1, maxCheckSeconds: 0.2 };

async function instance(seedLeads = 60) {
	const emulator = await startEmulator({ seedLeads });
	return { emulator, store: credentialStore(emulator), jobs: exportsOf(emulator) };
}

const extractLeads = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'bulkExtract',
	operation: 'extract',
	exportObject: 'leads',
	exportFields: ['id', 'email', 'firstName'],
	exportFilter: 'createdAt',
	startAt: '2024-01-01T00:00:00Z',
	endAt: '2024-01-31T23:59:59Z',
	waitOptions: FAST,
	...parameters,
});

const createdIn = (emulator: Awaited<ReturnType<typeof instance>>['emulator'], from: string, to: string) =>
	emulator.leads.all().filter((lead) => lead.createdAt >= from && lead.createdAt <= to);

describe('Bulk Extract', () => {
	it('creates, queues and waits for the job, then outputs one item per lead of the file', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(extractLeads(), { store });
		expect(result.error).toBeUndefined();
		const expected = createdIn(emulator, '2024-01-01T00:00:00Z', '2024-01-31T23:59:59Z');
		expect(expected.length).toBeGreaterThan(50);
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual(expected.map((lead) => ({ id: String(lead.id), email: lead.email, firstName: lead.firstName })));
		expect(callsTo(emulator, 'POST', `${LEADS}/create.json`).map((call) => call.body)).toEqual([
			{ fields: ['id', 'email', 'firstName'], format: 'CSV', filter: { createdAt: { startAt: '2024-01-01T00:00:00Z', endAt: '2024-01-31T23:59:59Z' } } },
		]);
	});

	it('splits a range longer than 31 days into consecutive jobs and outputs their records in order, none twice', async () => {
		const { emulator, store } = await instance(400);
		const result = await runMarketo(extractLeads({ startAt: '2024-01-08T00:00:00Z', endAt: '2024-04-30T00:00:00Z' }), { store });
		expect(result.error).toBeUndefined();
		const windows = callsTo(emulator, 'POST', `${LEADS}/create.json`).map((call) => (call.body as { filter: { createdAt: unknown } }).filter.createdAt);
		expect(windows).toEqual([
			{ startAt: '2024-01-08T00:00:00Z', endAt: '2024-02-07T23:59:59Z' },
			{ startAt: '2024-02-08T00:00:00Z', endAt: '2024-03-09T23:59:59Z' },
			{ startAt: '2024-03-10T00:00:00Z', endAt: '2024-04-09T23:59:59Z' },
			{ startAt: '2024-04-10T00:00:00Z', endAt: '2024-04-30T00:00:00Z' },
		]);
		const ids = result.output(MARKETO_NODE).map((item) => Number(item.json.id));
		expect(ids).toEqual(createdIn(emulator, '2024-01-08T00:00:00Z', '2024-04-30T00:00:00Z').map((lead) => lead.id));
		// Two of ours at a time in Marketo's queue, never more.
		expect(Math.max(...emulator.apiCalls().map((_, index, calls) => queuedAfter(calls.slice(0, index + 1))))).toBeLessThanOrEqual(2);
	});

	it('fails the item with Marketo\'s reason when the queue is full (1029), without retrying, and sends nothing more', async () => {
		const { emulator, store, jobs } = await instance();
		jobs.limits.maxQueued = 0;
		const result = await runMarketo(extractLeads(), { store, continueOnFail: true });
		const [item] = result.output(MARKETO_NODE);
		expect(item.json.code).toBe('1029');
		expect(String(item.json.error)).toMatch(/export queue is full.*Too many jobs \(0\) in queue/);
		expect(callsTo(emulator, 'POST', `${LEADS}/${jobs.all().at(-1)?.exportId}/enqueue.json`)).toHaveLength(1);
		expect(callsTo(emulator, 'GET', `${LEADS}/${jobs.all().at(-1)?.exportId}/status.json`)).toHaveLength(0);
	});

	it('a 1029 for the next job, queued early while ours runs, only postpones it until ours is done: no spinning', async () => {
		const { emulator, store, jobs } = await instance(400);
		jobs.limits.maxQueued = 1;
		const result = await runMarketo(extractLeads({ startAt: '2024-01-08T00:00:00Z', endAt: '2024-02-20T00:00:00Z' }), { store });
		expect(result.error).toBeUndefined();
		expect(result.output(MARKETO_NODE).map((item) => Number(item.json.id))).toEqual(createdIn(emulator, '2024-01-08T00:00:00Z', '2024-02-20T00:00:00Z').map((lead) => lead.id));
		const [first, second] = jobs.all().slice(-2);
		expect(callsTo(emulator, 'POST', `${LEADS}/${first.exportId}/enqueue.json`)).toHaveLength(1);
		expect(callsTo(emulator, 'POST', `${LEADS}/${second.exportId}/enqueue.json`).map((call) => call.errorCode)).toEqual(['1029', undefined]);
	});

	it('says when the daily export quota is what is full (1029 on create), and that it resets at midnight Central', async () => {
		const { store, jobs } = await instance();
		jobs.limits.dailyQuotaBytes = 0;
		const result = await runMarketo(extractLeads(), { store });
		expect(result.error?.message).toMatch(/daily export quota is spent.*00:00 US Central.*Export daily quota 0MB exceeded/);
		expect(result.error?.description).toMatch(/500 MB of export files a day/);
	});

	it('without waiting outputs the queued job; Download File later waits for it and outputs its records', async () => {
		const { emulator, store, jobs } = await instance();
		const queued = await runMarketo(extractLeads({ waitForCompletion: false }), { store });
		const [job] = queued.output(MARKETO_NODE).map((item) => item.json);
		expect(job).toMatchObject({ status: 'Queued', window: { startAt: '2024-01-01T00:00:00Z', endAt: '2024-01-31T23:59:59Z' } });
		expect(callsTo(emulator, 'GET', `${LEADS}/${String(job.exportId)}/status.json`)).toHaveLength(0);

		const downloaded = await runMarketo(
			{ resource: 'bulkExtract', operation: 'download', exportObject: 'leads', exportId: '={{ $json.exportId }}', waitOptions: FAST },
			{ store, items: [{ exportId: job.exportId }] },
		);
		expect(downloaded.output(MARKETO_NODE)).toHaveLength(createdIn(emulator, '2024-01-01T00:00:00Z', '2024-01-31T23:59:59Z').length);
		expect(jobs.all().find((candidate) => candidate.exportId === job.exportId)?.status).toBe('Completed');
	});

	it('a download that breaks off mid-file is resumed where it stopped (Range), no record lost or read twice', async () => {
		const { emulator, store, jobs } = await instance();
		jobs.breakNextDownloadAfter = 1_000;
		const result = await runMarketo(extractLeads(), { store });
		expect(result.error).toBeUndefined();
		const ids = result.output(MARKETO_NODE).map((item) => Number(item.json.id));
		expect(ids).toEqual(createdIn(emulator, '2024-01-01T00:00:00Z', '2024-01-31T23:59:59Z').map((lead) => lead.id));
		const downloads = emulator.apiCalls().filter((call) => call.path.endsWith('/file.json'));
		expect(downloads.map((call) => call.httpStatus)).toEqual([undefined, 206]);
	});

	it('refuses, before any call, a range that needs more jobs than Marketo queues when not waiting', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(extractLeads({ waitForCompletion: false, startAt: '2023-01-01T00:00:00Z', endAt: '2024-01-31T00:00:00Z' }), { store });
		expect(result.error?.message).toMatch(/Item 0, field "To": the range needs 13 jobs of 31 days, but Marketo queues at most 10/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('a Failed job fails the item with Marketo\'s message; a cancelled one says so; later jobs of the range are cancelled', async () => {
		const { store, jobs } = await instance(400);
		jobs.failNextWith = 'Export failed: internal error';
		const failed = await runMarketo(extractLeads({ startAt: '2024-01-08T00:00:00Z', endAt: '2024-03-30T00:00:00Z' }), { store, continueOnFail: true });
		expect(failed.output(MARKETO_NODE)[0].json.error).toMatch(/export job .* failed: Export failed: internal error\. Marketo keeps no partial file/);
		expect(jobs.all().filter((job) => job.status === 'Queued' || job.status === 'Processing')).toEqual([]);

		const { store: otherStore, jobs: otherJobs, emulator } = await instance();
		const queued = await runMarketo(extractLeads({ waitForCompletion: false }), { store: otherStore });
		const exportId = String(queued.output(MARKETO_NODE)[0].json.exportId);
		otherJobs.cancel('leads', exportId);
		const download = await runMarketo({ resource: 'bulkExtract', operation: 'download', exportObject: 'leads', exportId, waitOptions: FAST }, { store: otherStore });
		expect(download.error?.message).toMatch(/was cancelled before it finished/);
		expect(callsTo(emulator, 'GET', `${LEADS}/${exportId}/file.json`)).toHaveLength(0);
	});

	it('Download File of a job created but never queued fails at once instead of waiting for a job Marketo will never run', async () => {
		const { emulator, store } = await instance();
		const exportId = demoExportIds('leads').created;
		const download = await runMarketo({ resource: 'bulkExtract', operation: 'download', exportObject: 'leads', exportId }, { store });
		expect(download.error?.message).toMatch(/created but never queued, so Marketo will not run it/);
		expect(callsTo(emulator, 'GET', `${LEADS}/${exportId}/status.json`)).toHaveLength(1);
	});

	it('outputs the file as binary data (CSV), one item per job, with the job\'s details', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(extractLeads({ output: 'binary', binaryPropertyName: 'file' }), { store });
		const [item] = result.output(MARKETO_NODE);
		expect(item.json).toMatchObject({ status: 'Completed', numberOfRecords: createdIn(emulator, '2024-01-01T00:00:00Z', '2024-01-31T23:59:59Z').length });
		const binary = item.binary?.file;
		expect(binary).toMatchObject({ mimeType: 'text/csv', fileName: expect.stringMatching(/^marketo-leads-2024-01-01_2024-01-31-.*\.csv$/) });
		const text = Buffer.from(String(binary?.data), 'base64').toString();
		expect(text.split('\n')[0]).toBe('id,email,firstName');
	});

	it('exports a static list\'s members, activities of chosen types, program members and custom objects', async () => {
		const { emulator, store } = await instance();
		const lists = listsOf(emulator);
		const list = lists.create({ name: 'VIPs' });
		[2, 4].forEach((id) => lists.addMember(list.id, id));
		const members = await runMarketo(extractLeads({ exportFilter: 'staticList', listId: { mode: 'id', value: String(list.id) }, exportFields: ['id'] }), { store });
		expect(members.output(MARKETO_NODE).map((item) => item.json)).toEqual([{ id: '2' }, { id: '4' }]);

		const activities = await runMarketo(
			{ resource: 'bulkExtract', operation: 'extract', exportObject: 'activities', startAt: '2024-01-01T00:00:00Z', endAt: '2024-01-31T00:00:00Z', activityFilters: { activityTypeIds: [12] }, waitOptions: FAST },
			{ store },
		);
		const activity = activities.output(MARKETO_NODE)[0].json;
		expect(Object.keys(activity)).toEqual(['marketoGUID', 'leadId', 'activityDate', 'activityTypeId', 'campaignId', 'primaryAttributeValueId', 'primaryAttributeValue', 'attributes']);
		expect(activities.output(MARKETO_NODE).every((item) => item.json.activityTypeId === '12')).toBe(true);

		const program = await runMarketo(
			{ resource: 'bulkExtract', operation: 'extract', exportObject: 'programMembers', programId: { mode: 'id', value: '1001' }, exportFields: ['leadId', 'statusName'], memberFilters: { statusNames: 'Registered' }, waitOptions: FAST },
			{ store },
		);
		expect(program.output(MARKETO_NODE).map((item) => item.json)).toEqual([{ leadId: '2', statusName: 'Registered' }, { leadId: '3', statusName: 'Registered' }]);
		expect(callsTo(emulator, 'POST', '/bulk/v1/program/members/export/create.json')[0].body).toEqual({
			fields: ['leadId', 'statusName'],
			format: 'CSV',
			filter: { programId: 1001, statusNames: ['Registered'] },
		});

		const cars = await runMarketo(
			{ resource: 'bulkExtract', operation: 'extract', exportObject: 'customObject', customObjectName: 'car_c', exportFields: ['vin', 'make'], startAt: '2024-01-01T00:00:00Z', endAt: '2024-01-31T00:00:00Z', waitOptions: FAST },
			{ store },
		);
		expect(cars.error).toBeUndefined();
		expect(cars.output(MARKETO_NODE).length).toBeGreaterThan(0);
		expect(callsTo(emulator, 'POST', '/bulk/v1/customobjects/car_c/export/create.json')).not.toHaveLength(0);
	});

	it('Get Status, Cancel and Get Many Jobs act on jobs created elsewhere', async () => {
		const { emulator, store, jobs } = await instance();
		const queued = await runMarketo(extractLeads({ waitForCompletion: false }), { store });
		const exportId = String(queued.output(MARKETO_NODE)[0].json.exportId);
		const status = await runMarketo({ resource: 'bulkExtract', operation: 'getStatus', exportObject: 'leads', exportId }, { store });
		expect(status.output(MARKETO_NODE)[0].json).toMatchObject({ exportId, status: 'Processing' });
		const cancelled = await runMarketo({ resource: 'bulkExtract', operation: 'cancel', exportObject: 'leads', exportId }, { store });
		expect(cancelled.output(MARKETO_NODE)[0].json).toMatchObject({ exportId, status: 'Cancelled' });
		const many = await runMarketo({ resource: 'bulkExtract', operation: 'getMany', exportObject: 'leads', statuses: ['cancelled', 'completed'] }, { store });
		expect(many.output(MARKETO_NODE).map((item) => [item.json.exportId, item.json.status])).toEqual([
			['0e5c7a10-0000-4000-8000-000000001001', 'Completed'],
			[exportId, 'Cancelled'],
		]);
		// Filtered here: the official file's `status` parameter admits no value.
		expect(callsTo(emulator, 'GET', '/bulk/v1/leads/export.json').map((call) => call.query)).toEqual([{ batchSize: '300' }]);
		expect(jobs.all().find((job) => job.exportId === exportId)?.status).toBe('Cancelled');
	});

	it('names bad input before any call: no fields, a bad range, a custom object type that is not one', async () => {
		const { emulator, store } = await instance();
		expect((await runMarketo(extractLeads({ exportFields: [] }), { store })).error?.message).toMatch(/field "Field Names or IDs": is empty/);
		expect((await runMarketo(extractLeads({ endAt: '2023-01-01T00:00:00Z' }), { store })).error?.message).toMatch(/field "To": is before From/);
		expect((await runMarketo(extractLeads({ startAt: 'someday' }), { store })).error?.message).toMatch(/field "From": "someday" is not a date/);
		const custom = await runMarketo({ ...extractLeads(), exportObject: 'customObject', customObjectName: 'car c' }, { store });
		expect(custom.error?.message).toMatch(/"car c" is not a custom object API name/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('offers the export fields of the chosen object from its describe', async () => {
		const { store } = await instance();
		const values = async (parameters: INodeParameters) =>
			(await dropdown('getBulkExportFields', store, { resource: 'bulkExtract', operation: 'extract', ...parameters })).map((option) => option.value);
		expect(await values({ exportObject: 'leads' })).toEqual(expect.arrayContaining(['email', 'createdAt', 'industryVertical__c']));
		expect(await values({ exportObject: 'activities' })).toContain('primaryAttributeValue');
		expect(await values({ exportObject: 'programMembers' })).toEqual(expect.arrayContaining(['statusName', 'registrationCode', 'email']));
		expect(await values({ exportObject: 'customObject', customObjectName: 'car_c' })).toEqual(expect.arrayContaining(['vin', 'make']));
	});

	it('the file\'s CSV survives quotes, commas and line breaks inside values', async () => {
		const { emulator, store } = await instance(0);
		emulator.leads.insert({ email: 'q@example.com', firstName: 'Ann "The Hammer", Jr.', lastName: 'Line\nBreak', createdAt: '2024-01-02T00:00:00Z' });
		const result = await runMarketo(extractLeads({ exportFields: ['email', 'firstName', 'lastName'] }), { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([{ email: 'q@example.com', firstName: 'Ann "The Hammer", Jr.', lastName: 'Line\nBreak' }]);
		const file = exportsOf(emulator).all().find((job) => job.file?.records === 1)?.file?.bytes.toString() ?? '';
		const parsed: Array<Record<string, string>> = [];
		for await (const row of parseCsvRecords(file)) parsed.push(row);
		expect(parsed).toHaveLength(1);
	});
});

/** How many export jobs were Queued or Processing after these calls (enqueues minus finished ones). */
function queuedAfter(calls: ReturnType<Awaited<ReturnType<typeof instance>>['emulator']['apiCalls']>): number {
	const enqueued = calls.filter((call) => call.path.endsWith('/enqueue.json') && call.errorCode === undefined).length;
	const downloaded = calls.filter((call) => call.path.endsWith('/file.json')).length;
	return enqueued - downloaded;
}
