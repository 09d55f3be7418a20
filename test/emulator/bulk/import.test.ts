import { parseCsvRecords } from '../../../nodes/Marketo/helpers/csv';
import { crmObjectsOf } from '../crmObjects/crmObjects';
import { listsOf } from '../lists/ListStore';
import { programsOf } from '../programs/ProgramStore';
import { BULK_IMPORT_LIMITS } from '../rules';
import { outcome, send, startEmulator, tokenFor, type Answer } from '../testClient';
import { importsOf } from './importJobs';
import { importUpload } from './importUploads';

async function instance(seedLeads = 3) {
	const emulator = await startEmulator({ seedLeads });
	return { emulator, token: await tokenFor(emulator) };
}

type Instance = Awaited<ReturnType<typeof instance>>;

const upload = async ({ emulator, token }: Instance, path: string, file: string, fileName?: string) =>
	await send(emulator, 'POST', path, { token, ...importUpload(file, fileName) });

const get = async ({ emulator, token }: Instance, path: string) => await send(emulator, 'GET', path, { token });

const batchOf = (answer: Answer) => Number(answer.body.result?.[0]?.batchId);

async function records(answer: Answer): Promise<Array<Record<string, string>>> {
	const rows: Array<Record<string, string>> = [];
	for await (const row of parseCsvRecords(answer.text)) rows.push(row);
	return rows;
}

/** Reads the status until the job is final; the emulator moves one step per bulk import call. */
async function statusesUntilDone(at: Instance, statusPath: string): Promise<Array<Record<string, unknown>>> {
	const seen: Array<Record<string, unknown>> = [];
	for (let check = 0; check < 20; check++) {
		const status = (await get(at, statusPath)).body.result?.[0] as Record<string, unknown>;
		seen.push(status);
		if (status.status === 'Complete' || status.status === 'Failed') return seen;
	}
	throw new Error('the job never finished');
}

describe('Bulk lead import (POST /bulk/v1/leads.json, multipart)', () => {
	it('a CSV is Queued, then Importing, then Complete: rows update leads found by email and create the others', async () => {
		const at = await instance();
		const known = at.emulator.leads.get(1)?.email as string;
		const answer = await upload(at, '/bulk/v1/leads.json?format=csv', `email,firstName,leadScore\n${known},Renamed,7\nnew.one@example.com,New,12\nnew.two@example.com,Two,\n`);

		expect(answer.body.result).toEqual([{ batchId: 1001, importId: '1001', status: 'Queued', numOfLeadsProcessed: 0, numOfRowsFailed: 0, numOfRowsWithWarning: 0 }]);
		const statuses = await statusesUntilDone(at, '/bulk/v1/leads/batch/1001.json');
		expect(statuses.map((status) => status.status)).toEqual(['Importing', 'Complete']);
		expect(statuses[1]).toEqual({
			batchId: 1001,
			importId: '1001',
			status: 'Complete',
			numOfLeadsProcessed: 3,
			numOfRowsFailed: 0,
			numOfRowsWithWarning: 0,
			message: 'Import succeeded, 3 records imported (3 members)',
		});
		expect(at.emulator.leads.get(1)).toMatchObject({ firstName: 'Renamed', leadScore: 7 });
		expect(at.emulator.leads.matching('email', ['new.one@example.com', 'new.two@example.com']).map((lead) => [lead.id, lead.firstName, lead.leadScore])).toEqual([
			[4, 'New', 12],
			// A blank cell sets nothing.
			[5, 'Two', undefined],
		]);
	});

	it('rows Marketo cannot import are failures; rows imported with a problem are warnings; each file repeats the row with the reason', async () => {
		const at = await instance(0);
		const file = [
			'email,firstName,leadScore,favouriteColour',
			'good@example.com,Good,1,',
			'not-an-email,Bad,2,',
			',Nameless,3,',
			'score@example.com,Score,high,',
			'colour@example.com,"Colour, with comma",4,teal',
			`long@example.com,${'x'.repeat(300)},5,`,
		].join('\r\n');
		const batchId = batchOf(await upload(at, '/bulk/v1/leads.json?format=csv', file));
		const [, done] = await statusesUntilDone(at, `/bulk/v1/leads/batch/${batchId}.json`);

		expect(done).toMatchObject({ status: 'Complete', numOfLeadsProcessed: 3, numOfRowsFailed: 3, numOfRowsWithWarning: 2 });
		expect(done.message).toBe('Import completed with errors, 3 records imported (3 members), 3 failed records (3 records failed)');
		const failures = await get(at, `/bulk/v1/leads/batch/${batchId}/failures.json`);
		expect(failures.contentType).toMatch(/^text\/csv/);
		expect(await records(failures)).toEqual([
			{ email: 'not-an-email', firstName: 'Bad', leadScore: '2', favouriteColour: '', 'Import Failure Reason': 'Invalid email address' },
			{ email: '', firstName: 'Nameless', leadScore: '3', favouriteColour: '', 'Import Failure Reason': "Value for lookup field 'email' is missing" },
			{ email: 'score@example.com', firstName: 'Score', leadScore: 'high', favouriteColour: '', 'Import Failure Reason': "Invalid value 'high' for integer field 'leadScore'" },
		]);
		expect((await records(await get(at, `/bulk/v1/leads/batch/${batchId}/warnings.json`))).map((row) => [row.email, row['Import Warning Reason']])).toEqual([
			['colour@example.com', "Field 'favouriteColour' not found; its value was not imported"],
			['long@example.com', "Value for field 'firstName' was cut to 255 characters"],
		]);
		expect(at.emulator.leads.all().map((lead) => lead.email)).toEqual(['good@example.com', 'colour@example.com', 'long@example.com']);
	});

	it('lookupField id only updates (Marketo assigns ids); listId adds the imported leads to the list; TSV and SSV read like CSV', async () => {
		const at = await instance();
		const byId = batchOf(await upload(at, '/bulk/v1/leads.json?format=tsv&lookupField=id&listId=1003', 'id\ttitle\n2\tCTO\n99\tCEO\n', 'leads.tsv'));
		const bySemicolon = batchOf(await upload(at, '/bulk/v1/leads.json?format=ssv&partitionName=Default', 'email;company\nssv@example.com;"Semi; Colon Ltd"\n', 'leads.ssv'));
		importsOf(at.emulator).drain();

		expect(at.emulator.leads.get(2)?.title).toBe('CTO');
		expect((await records(await get(at, `/bulk/v1/leads/batch/${byId}/failures.json`))).map((row) => row['Import Failure Reason'])).toEqual(["Lead '99' not found"]);
		expect(listsOf(at.emulator).membersOf(1003).map((lead) => lead.id)).toEqual([2]);
		expect(at.emulator.leads.matching('email', ['ssv@example.com'])[0]?.company).toBe('Semi; Colon Ltd');
		expect((await get(at, `/bulk/v1/leads/batch/${bySemicolon}.json`)).body.result?.[0]).toMatchObject({ status: 'Complete', numOfLeadsProcessed: 1 });
	});

	it('a file without its lookup field column fails as a whole', async () => {
		const at = await instance();
		const batchId = batchOf(await upload(at, '/bulk/v1/leads.json?format=csv&lookupField=externalId__c', 'email,firstName\na@example.com,A\n'));
		const [, done] = await statusesUntilDone(at, `/bulk/v1/leads/batch/${batchId}.json`);
		expect(done).toMatchObject({ status: 'Failed', numOfLeadsProcessed: 0, message: "Import failed: the file has no column 'externalId__c' (the lookup field)" });
		expect(at.emulator.leads.size).toBe(3);
	});

	it('refuses what it cannot queue, before anything is imported', async () => {
		const at = await instance();
		const csv = 'email\nx@example.com\n';
		const refusals = [
			await upload(at, '/bulk/v1/leads.json', csv),
			await upload(at, '/bulk/v1/leads.json?format=xls', csv),
			await upload(at, '/bulk/v1/leads.json?format=csv&lookupField=firstName', csv),
			await upload(at, '/bulk/v1/leads.json?format=csv&partitionName=Europe', csv),
			await upload(at, '/bulk/v1/leads.json?format=csv&listId=4242', csv),
			await upload(at, '/bulk/v1/leads.json?format=csv', ''),
			await send(at.emulator, 'POST', '/bulk/v1/leads.json?format=csv', { token: at.token, json: { input: [{ email: 'x@example.com' }] } }),
		];
		expect(refusals.map(outcome)).toEqual(['1002', '1003', '1003', '1003', '1013', '1003', '612']);
		expect(importsOf(at.emulator).unfinished()).toEqual([]);
	});
});

describe('Bulk import limits', () => {
	it('10 jobs may wait in the queue, 2 of them importing; the 11th upload is refused with 1016 until the queue has room', async () => {
		const at = await instance(0);
		const csv = (i: number) => `email\nqueued${i}@example.com\n`;
		const answers: Answer[] = [];
		for (let i = 0; i < 11; i++) answers.push(await upload(at, '/bulk/v1/leads.json?format=csv', csv(i)));
		expect(answers.map(outcome)).toEqual([...Array(10).fill('success'), '1016']);
		expect(answers[10].body.errors).toEqual([{ code: '1016', message: 'Too many imports' }]);

		const statuses = () => importsOf(at.emulator).unfinished().map((job) => job.status);
		// A refused client has waited: Marketo's workers took a step, and two jobs are importing.
		expect(statuses()).toEqual([...Array(BULK_IMPORT_LIMITS.maxImporting).fill('Importing'), ...Array(8).fill('Queued')]);
		// By the next try they have finished, freeing two places (FIFO: the next two start).
		expect(outcome(await upload(at, '/bulk/v1/leads.json?format=csv', csv(11)))).toBe('success');
		expect(statuses()).toEqual(['Importing', 'Importing', ...Array(7).fill('Queued')]);
		expect(at.emulator.leads.all().map((lead) => lead.email)).toEqual(['queued0@example.com', 'queued1@example.com']);
	});

	it('an import file may be up to 10 MB (other calls 1 MB); past it, HTTP 413 and nothing is queued', async () => {
		const at = await instance(0);
		const row = 'someone@example.com,Some,One\n';
		const rows = (bytes: number) => `email,firstName,lastName\n${row.repeat(Math.ceil(bytes / row.length))}`;
		const twoMegabytes = await upload(at, '/bulk/v1/leads.json?format=csv', rows(2 * 1024 * 1024));
		const tooLarge = await upload(at, '/bulk/v1/leads.json?format=csv', rows(BULK_IMPORT_LIMITS.maxBodyBytes));

		expect(outcome(twoMegabytes)).toBe('success');
		expect(outcome(tooLarge)).toBe('HTTP 413');
		expect(importsOf(at.emulator).unfinished()).toHaveLength(1);
		const json = await send(at.emulator, 'POST', '/rest/v1/leads.json', { token: at.token, json: { input: [{ email: 'a@example.com', title: 'x'.repeat(1024 * 1024) }] } });
		expect(outcome(json)).toBe('HTTP 413');
	});

	it('a job is read through its own kind: another path, or an unknown batch id, is 1003', async () => {
		const at = await instance();
		const batchId = batchOf(await upload(at, '/bulk/v1/leads.json?format=csv', 'email\na@example.com\n'));
		expect(outcome(await get(at, `/bulk/v1/program/members/import/${batchId}/status.json`))).toBe('1003');
		expect(outcome(await get(at, `/bulk/v1/customobjects/car_c/import/${batchId}/status.json`))).toBe('1003');
		expect(outcome(await get(at, '/bulk/v1/leads/batch/4242.json'))).toBe('1003');
		expect(outcome(await get(at, `/bulk/v1/leads/batch/${batchId}.json`))).toBe('success');
	});
});

describe('Bulk custom object import (POST /bulk/v1/customobjects/{apiName}/import.json)', () => {
	it("inserts or updates records by the type's dedupe fields; the status names the object", async () => {
		const at = await instance();
		const cars = crmObjectsOf(at.emulator).custom('car_c');
		const answer = await upload(at, '/bulk/v1/customobjects/car_c/import.json?format=csv', 'vin,make,year,colour\nDEMO-VIN-1,Volvo,2022,\nNEW-VIN,Saab,1999,red\n,Kia,2020,\nBAD-YEAR,Fiat,old,\n');
		expect(answer.body.result).toEqual([{ batchId: 1001, operation: 'import', objectApiName: 'car_c', status: 'Queued', numOfObjectsProcessed: 0, numOfRowsFailed: 0, numOfRowsWithWarning: 0 }]);
		const [, done] = await statusesUntilDone(at, '/bulk/v1/customobjects/car_c/import/1001/status.json');

		expect(done).toMatchObject({ status: 'Complete', objectApiName: 'car_c', numOfObjectsProcessed: 2, numOfRowsFailed: 2, numOfRowsWithWarning: 1 });
		expect(cars?.findByKey({ vin: 'DEMO-VIN-1' })[0]).toMatchObject({ make: 'Volvo', year: 2022 });
		expect(cars?.findByKey({ vin: 'NEW-VIN' })[0]).toMatchObject({ make: 'Saab', year: 1999 });
		expect((await records(await get(at, '/bulk/v1/customobjects/car_c/import/1001/failures.json'))).map((row) => row['Import Failure Reason'])).toEqual([
			"Value for dedupe field 'vin' is missing",
			"Invalid value 'old' for integer field 'year'",
		]);
		expect(outcome(await get(at, '/bulk/v1/customobjects/subscription_c/import/1001/status.json'))).toBe('1003');
	});

	it('an unknown type is refused; a file without the dedupe field column fails as a whole', async () => {
		const at = await instance();
		expect(outcome(await upload(at, '/bulk/v1/customobjects/boat_c/import.json?format=csv', 'vin\nX\n'))).toBe('1003');
		const batchId = batchOf(await upload(at, '/bulk/v1/customobjects/car_c/import.json?format=csv', 'make\nVolvo\n'));
		const [, done] = await statusesUntilDone(at, `/bulk/v1/customobjects/car_c/import/${batchId}/status.json`);
		expect(done).toMatchObject({ status: 'Failed', message: "Import failed: the file has no column 'vin' (a dedupe field)" });
	});
});

describe('Bulk program member import (POST /bulk/v1/program/{programId}/members/import.json)', () => {
	it('leads found or created by email join the program with the status given; custom member fields are set', async () => {
		const at = await instance(0);
		const programs = programsOf(at.emulator);
		at.emulator.leads.insert({ email: 'known@example.com', firstName: 'Known' });
		const batchId = batchOf(
			await upload(at, '/bulk/v1/program/1001/members/import.json?format=csv&programMemberStatus=Registered', 'email,firstName,registrationCode\nknown@example.com,,R-1\nfresh@example.com,Fresh,R-2\n,Nobody,R-3\n'),
		);
		const [, done] = await statusesUntilDone(at, `/bulk/v1/program/members/import/${batchId}/status.json`);

		expect(done).toMatchObject({ batchId, importId: String(batchId), status: 'Complete', numOfLeadsProcessed: 2, numOfRowsFailed: 1 });
		expect(programs.membersOf(1001).map((member) => [member.leadId, member.statusName, member.registrationCode])).toEqual([
			[1, 'Registered', 'R-1'],
			[2, 'Registered', 'R-2'],
		]);
		expect(at.emulator.leads.get(2)).toMatchObject({ email: 'fresh@example.com', firstName: 'Fresh' });
	});

	it('refuses an unknown program (1013), a missing or unknown status (1002, 1025); a file without email fails', async () => {
		const at = await instance();
		const csv = 'email\na@example.com\n';
		expect(outcome(await upload(at, '/bulk/v1/program/4242/members/import.json?format=csv&programMemberStatus=Registered', csv))).toBe('1013');
		expect(outcome(await upload(at, '/bulk/v1/program/1001/members/import.json?format=csv', csv))).toBe('1002');
		expect(outcome(await upload(at, '/bulk/v1/program/1001/members/import.json?format=csv&programMemberStatus=Waitlisted', csv))).toBe('1025');
		const batchId = batchOf(await upload(at, '/bulk/v1/program/1001/members/import.json?format=csv&programMemberStatus=Invited', 'firstName\nNoEmail\n'));
		const [, done] = await statusesUntilDone(at, `/bulk/v1/program/members/import/${batchId}/status.json`);
		expect(done).toMatchObject({ status: 'Failed' });
	});
});
