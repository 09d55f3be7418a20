import { importsOf } from '../emulator/bulk/importJobs';
import { leadImport } from '../emulator/bulk/importRows';
import { listsOf } from '../emulator/lists/ListStore';
import { programsOf } from '../emulator/programs/ProgramStore';
import { crmObjectsOf } from '../emulator/crmObjects/crmObjects';
import { importFiles, jsonOf, QUICK_CHECKS, uploadsTo } from './bulkImportWorkflow';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const LEADS_UPLOAD = '/bulk/v1/leads.json';
const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

async function instance(seedLeads = 3) {
	const emulator = await startEmulator({ seedLeads });
	return { emulator, store: credentialStore(emulator) };
}

const importItems = (parameters: Record<string, unknown> = {}) => ({
	resource: 'bulkImport',
	operation: 'import',
	objectKind: 'leads',
	source: 'items',
	fieldsToSend: 'autoMapInputData',
	...QUICK_CHECKS,
	...parameters,
});

describe('Bulk Import → Import from input items', () => {
	it("turns the items into one CSV (every field any item has is a column), waits, and outputs the batch's status, then its failed and warned rows", async () => {
		const { emulator, store } = await instance();
		const known = String(emulator.leads.get(1)?.email);
		const items = [
			{ email: known, firstName: 'Renamed' },
			{ email: 'new@example.com', leadScore: 12, unsubscribed: false },
			{ email: 'not-an-email', firstName: 'Bad' },
			{ email: 'colour@example.com', favouriteColour: 'teal' },
		];
		const result = await runMarketo(importItems(), { store, items });

		const [upload] = await uploadsTo(emulator, LEADS_UPLOAD);
		expect(upload.call.query).toEqual({ format: 'csv', lookupField: 'email' });
		expect(upload.fileName).toBe('n8n-import.csv');
		expect(upload.rows).toEqual([
			{ email: known, firstName: 'Renamed', leadScore: '', unsubscribed: '', favouriteColour: '' },
			{ email: 'new@example.com', firstName: '', leadScore: '12', unsubscribed: 'false', favouriteColour: '' },
			{ email: 'not-an-email', firstName: 'Bad', leadScore: '', unsubscribed: '', favouriteColour: '' },
			{ email: 'colour@example.com', firstName: '', leadScore: '', unsubscribed: '', favouriteColour: 'teal' },
		]);
		expect(jsonOf(result.output(MARKETO_NODE))).toEqual([
			{
				batchId: 1001,
				importId: '1001',
				status: 'Complete',
				numOfLeadsProcessed: 3,
				numOfRowsFailed: 1,
				numOfRowsWithWarning: 1,
				message: 'Import completed with errors, 3 records imported (3 members), 1 failed records (1 records failed)',
				part: 1,
				parts: 1,
				firstRow: 1,
				rowsSent: 4,
			},
			{
				batchId: 1001,
				problem: 'failure',
				reason: 'Invalid email address',
				row: { email: 'not-an-email', firstName: 'Bad', leadScore: '', unsubscribed: '', favouriteColour: '' },
			},
			{
				batchId: 1001,
				problem: 'warning',
				reason: "Field 'favouriteColour' not found; its value was not imported",
				row: { email: 'colour@example.com', firstName: '', leadScore: '', unsubscribed: '', favouriteColour: 'teal' },
			},
		]);
		// All output belongs to the first item: the items went in one import.
		expect(result.output(MARKETO_NODE).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(emulator.leads.get(1)?.firstName).toBe('Renamed');
		expect(emulator.leads.matching('email', ['new@example.com'])[0]).toMatchObject({ leadScore: 12, unsubscribed: false });
	});

	it('maps chosen fields per item; lookup field, partition and static list travel as query parameters', async () => {
		const { emulator, store } = await instance();
		await runMarketo(
			importItems({
				fieldsToSend: 'defineBelow',
				fieldValues: { field: [{ name: 'externalId__c', value: '={{ $json.crmId }}' }, { name: 'title', value: '={{ $json.role }}' }] },
				leadOptions: { lookupField: 'externalId__c', partitionName: 'Default', listId: '1002' },
				outputRowProblems: false,
			}),
			{ store, items: [{ crmId: 'CRM-A', role: 'CTO', ignored: 'x' }, { crmId: 'CRM-B', role: 'CFO' }] },
		);

		const [upload] = await uploadsTo(emulator, LEADS_UPLOAD);
		expect(upload.call.query).toEqual({ format: 'csv', lookupField: 'externalId__c', partitionName: 'Default', listId: '1002' });
		expect(upload.rows).toEqual([
			{ externalId__c: 'CRM-A', title: 'CTO' },
			{ externalId__c: 'CRM-B', title: 'CFO' },
		]);
		expect(listsOf(emulator).membersOf(1002).map((lead) => lead.externalId__c)).toEqual(['CRM-A', 'CRM-B']);
	});

	it('imports program members into the chosen program with the chosen status', async () => {
		const { emulator, store } = await instance(0);
		const result = await runMarketo(
			importItems({ objectKind: 'programMembers', programId: byId(1001), statusName: 'Registered' }),
			{ store, items: [{ email: 'ana@example.com', firstName: 'Ana', registrationCode: 'R-1' }, { email: 'bo@example.com', registrationCode: 'R-2' }] },
		);

		expect(callsTo(emulator, 'POST', '/bulk/v1/program/1001/members/import.json')[0].query).toEqual({ format: 'csv', programMemberStatus: 'Registered' });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ status: 'Complete', numOfLeadsProcessed: 2 });
		expect(programsOf(emulator).membersOf(1001).map((member) => [member.statusName, member.registrationCode])).toEqual([
			['Registered', 'R-1'],
			['Registered', 'R-2'],
		]);
	});

	it('imports custom object records; their job status is read under the type', async () => {
		const { emulator, store } = await instance(0);
		const result = await runMarketo(importItems({ objectKind: 'customObject', customObjectName: 'car_c' }), { store, items: [{ vin: 'VIN-9', make: 'Saab', year: 1999 }] });

		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ batchId: 1001, objectApiName: 'car_c', status: 'Complete', numOfObjectsProcessed: 1 });
		expect(callsTo(emulator, 'GET', '/bulk/v1/customobjects/car_c/import/1001/status.json').length).toBeGreaterThanOrEqual(2);
		expect(crmObjectsOf(emulator).custom('car_c')?.findByKey({ vin: 'VIN-9' })[0]).toMatchObject({ make: 'Saab', year: 1999 });
	});

	it('items with different targets become separate imports, each output on its first item', async () => {
		const { emulator, store } = await instance(0);
		const result = await runMarketo(importItems({ waitForCompletion: false, leadOptions: { listId: '={{ $json.list }}' } }), {
			store,
			items: [
				{ email: 'a@example.com', list: '1001' },
				{ email: 'b@example.com', list: '1002' },
				{ email: 'c@example.com', list: '1001' },
			],
		});
		const uploads = await uploadsTo(emulator, LEADS_UPLOAD);
		expect(uploads.map((upload) => [upload.call.query.listId, upload.rows.map((row) => row.email)])).toEqual([
			['1001', ['a@example.com', 'c@example.com']],
			['1002', ['b@example.com']],
		]);
		expect(result.output(MARKETO_NODE).map((item) => [item.pairedItem, item.json.batchId, item.json.status])).toEqual([
			[{ item: 0 }, 1001, 'Queued'],
			[{ item: 1 }, 1002, 'Queued'],
		]);
	});
});

describe('Bulk Import: bad input stops the node before any call', () => {
	it.each([
		['an object value', [{ email: 'a@example.com', address: { city: 'Oslo' } }], {}, /^Item 0, field "address": is an object; Marketo fields take text/],
		['an item without the lookup field', [{ email: 'a@example.com' }, { firstName: 'NoEmail' }], {}, /^Item 1, field "email": is empty; Marketo finds existing leads by the lookup field "email"/],
		['a program member without email', [{ firstName: 'NoEmail' }], { objectKind: 'programMembers', programId: byId(1001), statusName: 'Registered' }, /^Item 0, field "email": is empty/],
		['a custom object type that is no API name', [{ vin: 'X' }], { objectKind: 'customObject', customObjectName: 'car c' }, /^Item 0, field "Custom Object Type": "car c" is not a custom object API name/],
		['a program member status left empty', [{ email: 'a@example.com' }], { objectKind: 'programMembers', programId: byId(1001), statusName: '={{ "" }}' }, /^Item 0, field "Program Member Status": is empty/],
		['a static list id that is none', [{ email: 'a@example.com' }], { leadOptions: { listId: 'abc' } }, /^Item 0, field "Static List ID": "abc" is not a Marketo id/],
	])('%s', async (_case, items, parameters, message) => {
		const { emulator, store } = await instance(0);
		const result = await runMarketo(importItems(parameters), { store, items });
		expect(result.error?.message).toMatch(message);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it.each([
		['no binary data', [], /field "Input Binary Field": the item has no binary property "data" \(it has no binary data\)/],
		['a file whose header lacks the lookup field', [{ fileName: 'leads.csv', text: 'firstName\nAna\n' }], /"leads.csv": the header has no column "email"; Marketo finds existing leads by the lookup field "email"/],
		['a quote never closed', [{ fileName: 'leads.csv', text: 'email,firstName\na@example.com,"Ana\n' }], /"leads.csv": The CSV ends inside a quoted field \(a closing quote is missing\) \(reading row 1 under the header\)/],
		['a row longer than the header', [{ fileName: 'leads.csv', text: 'email\na@example.com,extra\n' }], /"leads.csv": row 1 has 2 fields, but the header names 1/],
		['a header and nothing else', [{ fileName: 'leads.csv', text: 'email\n' }], /"leads.csv": there are no rows under the header/],
		['an empty file', [{ fileName: 'leads.csv', text: '' }], /"leads.csv": the file is empty/],
	])('a binary file: %s', async (_case, files, message) => {
		const { emulator, store } = await instance(0);
		const result = files.length > 0 ? await importFiles({}, files, store) : await runMarketo(importItems({ source: 'binary' }), { store });
		expect(result.error?.message).toMatch(message);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('with Continue On Fail, the bad file is its item\'s error and the good one is imported', async () => {
		const { emulator, store } = await instance(0);
		const result = await importFiles({ waitForCompletion: false }, [{ fileName: 'bad.csv', text: 'firstName\nAna\n' }, { fileName: 'good.csv', text: 'email\ngood@example.com\n' }], store, true);
		expect(result.output(MARKETO_NODE).map((item) => [item.pairedItem, item.json.error ?? item.json.status])).toEqual([
			[{ item: 0 }, expect.stringContaining('"bad.csv": the header has no column "email"')],
			[{ item: 1 }, 'Queued'],
		]);
		expect((await uploadsTo(emulator, LEADS_UPLOAD)).map((upload) => upload.fileName)).toEqual(['good.csv']);
	});
});

describe('Bulk Import → Import from a binary file', () => {
	it('sends each item\'s file as its own import; TSV and SSV files are sent as CSV', async () => {
		const { emulator, store } = await instance(0);
		const result = await importFiles({ fileFormat: 'tsv', ...QUICK_CHECKS }, [
			{ fileName: 'first.tsv', text: 'email\tcompany\none@example.com\t"Comma, Inc"\n', mimeType: 'text/tab-separated-values' },
			{ fileName: 'second.tsv', text: 'email\tcompany\ntwo@example.com\tTabs Ltd\n', mimeType: 'text/tab-separated-values' },
		], store);

		const uploads = await uploadsTo(emulator, LEADS_UPLOAD);
		expect(uploads.map((upload) => [upload.fileName, upload.call.query.format, upload.rows])).toEqual([
			['first.csv', 'csv', [{ email: 'one@example.com', company: 'Comma, Inc' }]],
			['second.csv', 'csv', [{ email: 'two@example.com', company: 'Tabs Ltd' }]],
		]);
		expect(result.output(MARKETO_NODE).map((item) => [item.pairedItem, item.json.status, item.json.numOfLeadsProcessed])).toEqual([
			[{ item: 0 }, 'Complete', 1],
			[{ item: 1 }, 'Complete', 1],
		]);
		expect(emulator.leads.matching('email', ['one@example.com'])[0]?.company).toBe('Comma, Inc');
	});

	it('a file over 10 MB is split on row boundaries into files of at most 10 MB, each with the header: one upload and one batch each', async () => {
		const { emulator, store } = await instance(0);
		const notes = 'n'.repeat(1_000);
		const rowCount = 25_000;
		const lines = Array.from({ length: rowCount }, (_, i) => `person${i}@example.com,"Note, ${i}",${notes}`);
		const text = `email,title,notes\n${lines.join('\n')}\n`;
		expect(Buffer.byteLength(text)).toBeGreaterThan(25_000_000);

		const result = await importFiles({ waitForCompletion: false }, [{ fileName: 'big.csv', text }], store);

		const uploads = await uploadsTo(emulator, LEADS_UPLOAD);
		expect(uploads).toHaveLength(3);
		expect(uploads.map((upload) => upload.fileName)).toEqual(['big-part1.csv', 'big-part2.csv', 'big-part3.csv']);
		for (const upload of uploads) expect(upload.call.bodyBytes).toBeLessThanOrEqual(10 * 1024 * 1024);
		expect(uploads.flatMap((upload) => upload.rows.map((row) => row.email))).toEqual(Array.from({ length: rowCount }, (_, i) => `person${i}@example.com`));
		expect(uploads[1].rows[0]).toEqual({ email: `person${uploads[0].rows.length}@example.com`, title: `Note, ${uploads[0].rows.length}`, notes });
		const firstSizes = uploads.map((upload) => upload.rows.length);
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([
			expect.objectContaining({ batchId: 1001, status: 'Queued', part: 1, parts: 3, firstRow: 1, rowsSent: firstSizes[0] }),
			expect.objectContaining({ batchId: 1002, status: 'Queued', part: 2, parts: 3, firstRow: firstSizes[0] + 1, rowsSent: firstSizes[1] }),
			expect.objectContaining({ batchId: 1003, status: 'Queued', part: 3, parts: 3, firstRow: firstSizes[0] + firstSizes[1] + 1, rowsSent: firstSizes[2] }),
		]);
	}, 60_000);
});

describe('Bulk Import: Marketo\'s queue, failed jobs and lost answers', () => {
	const fillQueue = (emulator: Parameters<typeof importsOf>[0]) => {
		for (let i = 0; i < 10; i++) {
			importsOf(emulator).submit({ kind: 'leads', target: {}, header: ['email'], rows: [[`queued${i}@example.com`]], run: leadImport(emulator, {}) });
		}
	};

	it('a full queue (1016, answered before the file is taken) is waited out: the file is sent again when there is room', async () => {
		const { emulator, store } = await instance(0);
		fillQueue(emulator);
		const result = await runMarketo(importItems({ waitForCompletion: false }), { store, items: [{ email: 'late@example.com' }] });

		expect(callsTo(emulator, 'POST', LEADS_UPLOAD).map((call) => call.errorCode ?? 'accepted')).toEqual(['1016', 'accepted']);
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ batchId: 1011, status: 'Queued' });
	});

	it('a queue that stays full past Max Wait fails the run, saying the file was not sent', async () => {
		const { emulator, store } = await instance(0);
		emulator.inject({ on: (call) => call.path === LEADS_UPLOAD, times: 1_000, respondWithCode: '1016', message: 'Too many imports' });
		const result = await runMarketo(importItems({ waitOptions: { firstCheckSeconds: 0.1, maxWaitMinutes: 0.005 } }), { store, items: [{ email: 'a@example.com' }] });
		expect(result.error?.message).toMatch(/^The import file \(rows 1–1\) was not sent: Marketo's import queue stayed full \(error 1016 "Too many imports": at most 10 import jobs per instance\) for 1 s\.$/);
		expect(callsTo(emulator, 'POST', LEADS_UPLOAD).length).toBeGreaterThanOrEqual(2);
	});

	it('a batch still running after Max Wait fails the run, giving its batch id to check later', async () => {
		const { emulator, store } = await instance(0);
		importsOf(emulator).stalled = true;
		const result = await runMarketo(importItems({ waitOptions: { firstCheckSeconds: 0.1, maxWaitMinutes: 0.005 } }), { store, items: [{ email: 'a@example.com' }] });
		expect(result.error?.message).toBe('The import file (rows 1–1), batch 1001, was still "Queued" after 1 s of waiting. It goes on in Marketo: check it later with Bulk Import → Get Status, batch ID 1001.');
	});

	it('a batch Marketo reports Failed is the error of the run, with its message and batch id', async () => {
		const { store } = await instance(0);
		const result = await runMarketo(importItems({ objectKind: 'customObject', customObjectName: 'car_c' }), { store, items: [{ make: 'Volvo' }, { make: 'Kia' }] });
		expect(result.error?.message).toBe("Marketo could not import the import file (rows 1–2), batch 1001: Import failed: the file has no column 'vin' (a dedupe field).");
	});

	it('an upload whose answer is lost is not sent again: the error says so, and names the batches already queued', async () => {
		const { emulator, store } = await instance(0);
		// The second file's answer is lost after Marketo has queued it.
		emulator.inject({ on: (call) => call.path === LEADS_UPLOAD && callsTo(emulator, 'POST', LEADS_UPLOAD).length === 2, drop: 'afterExecuting' });
		const notes = 'n'.repeat(1_000);
		const text = `email,notes\n${Array.from({ length: 15_000 }, (_, i) => `p${i}@example.com,${notes}`).join('\n')}\n`;
		const result = await importFiles({ waitForCompletion: false }, [{ fileName: 'big.csv', text }], store, true);

		expect(callsTo(emulator, 'POST', LEADS_UPLOAD)).toHaveLength(2);
		const error = String(result.output(MARKETO_NODE)[0].json.error);
		expect(error).toMatch(/^Part 2 of 2 \(rows [\d,]+–15,000\): the connection to Marketo failed after the file was sent, so Marketo may or may not have queued it\. It was not sent again/);
		expect(error).toContain('Already in Marketo from this run: batch 1001 (part 1, rows 1–');
		expect(importsOf(emulator).unfinished().map((job) => job.batchId)).toEqual([1001, 1002]);
	}, 60_000);
});

describe('Bulk Import → Get Status, Get Failures, Get Warnings', () => {
	it('an import not waited for gives its batch id; Get Status follows it to Complete; Get Failures and Get Warnings give the rows', async () => {
		const { emulator, store } = await instance(0);
		const started = await runMarketo(importItems({ waitForCompletion: false }), { store, items: [{ email: 'ok@example.com' }, { email: 'bad' }, { email: 'w@example.com', shoeSize: 44 }] });
		const batchId = String(started.output(MARKETO_NODE)[0].json.batchId);
		expect(started.output(MARKETO_NODE)[0].json).toMatchObject({ batchId: 1001, status: 'Queued' });

		const status = async () => (await runMarketo({ resource: 'bulkImport', operation: 'getStatus', objectKind: 'leads', batchId }, { store })).output(MARKETO_NODE)[0].json;
		expect((await status()).status).toBe('Importing');
		expect(await status()).toEqual({
			batchId: 1001,
			importId: '1001',
			status: 'Complete',
			numOfLeadsProcessed: 2,
			numOfRowsFailed: 1,
			numOfRowsWithWarning: 1,
			message: 'Import completed with errors, 2 records imported (2 members), 1 failed records (1 records failed)',
		});
		const failures = await runMarketo({ resource: 'bulkImport', operation: 'getFailures', objectKind: 'leads', batchId }, { store });
		expect(jsonOf(failures.output(MARKETO_NODE))).toEqual([{ batchId: 1001, problem: 'failure', reason: 'Invalid email address', row: { email: 'bad', shoeSize: '' } }]);
		const warnings = await runMarketo({ resource: 'bulkImport', operation: 'getWarnings', objectKind: 'leads', batchId: '1001' }, { store });
		expect(jsonOf(warnings.output(MARKETO_NODE))).toEqual([
			{ batchId: 1001, problem: 'warning', reason: "Field 'shoeSize' not found; its value was not imported", row: { email: 'w@example.com', shoeSize: '44' } },
		]);
		expect(callsTo(emulator, 'GET', '/bulk/v1/leads/batch/1001/failures.json')).toHaveLength(1);
	});

	it('a batch id that is none is the item\'s error before any call; one Marketo does not know is its error from Marketo', async () => {
		const { emulator, store } = await instance(0);
		const bad = await runMarketo({ resource: 'bulkImport', operation: 'getStatus', objectKind: 'leads', batchId: 'latest' }, { store });
		expect(bad.error?.message).toBe('Item 0, field "Batch ID": "latest" is not a Marketo id (a positive whole number)');
		expect(emulator.apiCalls()).toHaveLength(0);
		const unknown = await runMarketo({ resource: 'bulkImport', operation: 'getStatus', objectKind: 'programMembers', batchId: '4242' }, { store, continueOnFail: true });
		expect(unknown.output(MARKETO_NODE)[0].json).toMatchObject({ code: '1003', error: expect.stringContaining("Import batch '4242' not found") });
	});
});
