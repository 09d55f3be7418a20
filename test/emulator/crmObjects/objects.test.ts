import type { MarketoEmulator } from '../MarketoEmulator';
import { send, startEmulator, tokenFor } from '../testClient';
import { crmObjectsOf } from './crmObjects';
import { CUSTOM_OBJECTS, STANDARD_OBJECTS } from './objectSchemas';

async function call(emulator: MarketoEmulator, method: string, path: string, json?: unknown) {
	return await send(emulator, method, path, { token: await tokenFor(emulator), ...(json === undefined ? {} : { json }) });
}

async function emptyEmulator() {
	const emulator = await startEmulator();
	crmObjectsOf(emulator).clear();
	return emulator;
}

const COMPANIES = '/rest/v1/companies';

/** Every object type the emulator serves: one implementation, parameterised by schema. */
const TYPES = [
	...STANDARD_OBJECTS.map(({ segment, schema }) => ({ base: `/rest/v1/${segment}`, schema })),
	...CUSTOM_OBJECTS.map((schema) => ({ base: `/rest/v1/customobjects/${schema.apiName}`, schema })),
];

describe.each(TYPES)('$base', ({ base, schema }) => {
	const keyOf = (i: number) => Object.fromEntries(schema.dedupeFields.map((name) => [name, schema.fields.find((f) => f.name === name)?.dataType === 'integer' ? 100 + i : `K-${i}`]));

	it('describes the type as ObjectMetaData', async () => {
		const emulator = await emptyEmulator();
		const answer = await call(emulator, 'GET', `${base}/describe.json`);
		expect(answer.body.result?.[0]).toMatchObject({ idField: schema.idField, dedupeFields: schema.dedupeFields, searchableFields: schema.searchableFields });
	});

	it('syncs, finds by the id field, and deletes by the dedupe key, results numbered by seq', async () => {
		const emulator = await emptyEmulator();
		const created = await call(emulator, 'POST', `${base}.json`, { input: [keyOf(0), keyOf(1)] });
		expect(created.body.result).toEqual([
			{ seq: 0, status: 'created', [schema.idField]: expect.anything() },
			{ seq: 1, status: 'created', [schema.idField]: expect.anything() },
		]);
		const id = String(created.body.result?.[1][schema.idField]);
		const found = await call(emulator, 'GET', `${base}.json?filterType=idField&filterValues=${id}`);
		expect(found.body.result).toEqual([expect.objectContaining({ seq: 0, [schema.idField]: created.body.result?.[1][schema.idField], ...keyOf(1) })]);
		const deleted = await call(emulator, 'POST', `${base}/delete.json`, { input: [keyOf(1), keyOf(7)] });
		expect(deleted.body.result).toEqual([
			{ seq: 0, [schema.idField]: created.body.result?.[1][schema.idField], status: 'deleted' },
			{ seq: 1, status: 'skipped', reasons: [{ code: '1013', message: 'Record not found' }] },
		]);
	});
});

describe('Sync (POST <object>.json)', () => {
	it('answers record-level statuses in input order, one bad record not hiding the good ones', async () => {
		const emulator = await emptyEmulator();
		crmObjectsOf(emulator).standard('company').insert({ externalCompanyId: 'TAKEN', company: 'Taken' });
		const answer = await call(emulator, 'POST', `${COMPANIES}.json`, {
			action: 'createOnly',
			input: [
				{ externalCompanyId: 'NEW-1' },
				{ externalCompanyId: 'TAKEN' },
				{ company: 'No key' },
				{ externalCompanyId: 'NEW-2', shoeSize: 42 },
				{ externalCompanyId: 'NEW-3', numberOfEmployees: 'many' },
				{ externalCompanyId: 'new-1' },
				{ externalCompanyId: 'NEW-4', company: 'Fine' },
			],
		});
		expect(answer.body.success).toBe(true);
		expect(answer.body.result).toEqual([
			{ seq: 0, status: 'created', id: 2 },
			{ seq: 1, status: 'skipped', reasons: [{ code: '1005', message: 'Lead already exists' }] },
			{ seq: 2, status: 'skipped', reasons: [{ code: '1003', message: "Value for dedupeFields field 'externalCompanyId' is missing" }] },
			{ seq: 3, status: 'skipped', reasons: [{ code: '1006', message: "Field 'shoeSize' not found" }] },
			{ seq: 4, status: 'skipped', reasons: [{ code: '1003', message: expect.stringContaining('numberOfEmployees') }] },
			{ seq: 5, status: 'skipped', reasons: [{ code: '1036', message: 'Duplicate object found in input' }] },
			{ seq: 6, status: 'created', id: 3 },
		]);
	});

	it('updateOnly skips what does not exist (1004); createOrUpdate (the default) updates what does', async () => {
		const emulator = await emptyEmulator();
		const existing = crmObjectsOf(emulator).standard('company').insert({ externalCompanyId: 'E-1', company: 'Old' });
		const update = await call(emulator, 'POST', `${COMPANIES}.json`, { action: 'updateOnly', input: [{ externalCompanyId: 'E-1', company: 'New' }, { externalCompanyId: 'E-2' }] });
		expect(update.body.result).toEqual([
			{ seq: 0, status: 'updated', id: existing.id },
			{ seq: 1, status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] },
		]);
		expect(existing.company).toBe('New');
		const upsert = await call(emulator, 'POST', `${COMPANIES}.json`, { input: [{ externalCompanyId: 'E-1' }, { externalCompanyId: 'E-2' }] });
		expect(upsert.body.result?.map((result) => result.status)).toEqual(['updated', 'created']);
	});

	it('dedupeBy idField finds records by Marketo\'s key, with updateOnly only', async () => {
		const emulator = await emptyEmulator();
		const existing = crmObjectsOf(emulator).standard('company').insert({ externalCompanyId: 'E-1' });
		const byId = await call(emulator, 'POST', `${COMPANIES}.json`, { action: 'updateOnly', dedupeBy: 'idField', input: [{ id: existing.id, industry: 'Energy' }] });
		expect(byId.body.result).toEqual([{ seq: 0, status: 'updated', id: existing.id }]);
		const refused = await call(emulator, 'POST', `${COMPANIES}.json`, { dedupeBy: 'idField', input: [{ id: existing.id }] });
		expect(refused.body).toMatchObject({ success: false, errors: [{ code: '1003' }] });
	});

	it('refuses more than 300 records, an empty input and an unknown action with 1003', async () => {
		const emulator = await emptyEmulator();
		const input = Array.from({ length: 301 }, (_, i) => ({ externalCompanyId: `C-${i}` }));
		for (const body of [{ input }, { input: [] }, { action: 'createDuplicate', input: [{ externalCompanyId: 'X' }] }]) {
			const answer = await call(emulator, 'POST', `${COMPANIES}.json`, body);
			expect(answer.body).toMatchObject({ success: false, errors: [{ code: '1003' }] });
		}
		expect(crmObjectsOf(emulator).standard('company').size).toBe(0);
	});
});

describe('Query (GET <object>.json)', () => {
	it('returns the default fields (id field, dedupe fields, dates) and leaves empty fields out', async () => {
		const emulator = await emptyEmulator();
		crmObjectsOf(emulator).standard('company').insert({ externalCompanyId: 'E-1', company: 'Acme' });
		const answer = await call(emulator, 'GET', `${COMPANIES}.json?filterType=company&filterValues=ACME`);
		expect(answer.body.result).toEqual([{ seq: 0, id: 1, externalCompanyId: 'E-1', createdAt: expect.any(String), updatedAt: expect.any(String) }]);
		const asked = await call(emulator, 'GET', `${COMPANIES}.json?filterType=company&filterValues=Acme&fields=company,industry`);
		expect(asked.body.result).toEqual([{ seq: 0, company: 'Acme' }]);
	});

	it('pages by nextPageToken, bound to its query', async () => {
		const emulator = await emptyEmulator();
		for (let i = 0; i < 5; i++) crmObjectsOf(emulator).standard('company').insert({ externalCompanyId: `E-${i}`, company: 'Acme' });
		const first = await call(emulator, 'GET', `${COMPANIES}.json?filterType=company&filterValues=Acme&batchSize=3`);
		expect(first.body).toMatchObject({ moreResult: true, nextPageToken: expect.any(String) });
		const token = encodeURIComponent(String(first.body.nextPageToken));
		const second = await call(emulator, 'GET', `${COMPANIES}.json?filterType=company&filterValues=Acme&batchSize=3&nextPageToken=${token}`);
		expect(second.body.result?.map((record) => record.externalCompanyId)).toEqual(['E-3', 'E-4']);
		expect(second.body.moreResult).toBe(false);
		const replayed = await call(emulator, 'GET', `${COMPANIES}.json?filterType=company&filterValues=Other&nextPageToken=${token}`);
		expect(replayed.body).toMatchObject({ success: false, errors: [{ code: '1003', message: 'Invalid nextPageToken' }] });
	});

	it.each([
		['a field that is not searchable', 'filterType=industry&filterValues=Retail', '1003'],
		['a compound dedupe key as filterType', 'filterType=dedupeFields&filterValues=x', '1003'],
		['more than 300 filter values', `filterType=company&filterValues=${Array.from({ length: 301 }, (_, i) => i).join(',')}`, '1003'],
		['a batchSize over 300', 'filterType=company&filterValues=x&batchSize=301', '1003'],
		['an unknown field', 'filterType=company&filterValues=x&fields=shoeSize', '1006'],
		['no filterValues', 'filterType=company', '1002'],
	])('refuses %s', async (_case, query, code) => {
		const emulator = await emptyEmulator();
		const base = query.startsWith('filterType=dedupeFields') ? '/rest/v1/opportunities/roles' : COMPANIES;
		const answer = await call(emulator, 'GET', `${base}.json?${query}`);
		expect(answer.body).toMatchObject({ success: false, errors: [{ code }] });
	});
});

describe('Custom object types', () => {
	it('lists every type, or those named in `names`', async () => {
		const emulator = await startEmulator();
		const all = await call(emulator, 'GET', '/rest/v1/customobjects.json');
		expect(all.body.result?.map((type) => type.apiName)).toEqual(['car_c', 'subscription_c']);
		const named = await call(emulator, 'GET', '/rest/v1/customobjects.json?names=subscription_c');
		expect(named.body.result?.map((type) => type.name)).toEqual(['subscription_c']);
	});

	it('answers 1003 for a type the instance does not have', async () => {
		const emulator = await startEmulator();
		const answer = await call(emulator, 'GET', '/rest/v1/customobjects/boat_c/describe.json');
		expect(answer.body).toMatchObject({ success: false, errors: [{ code: '1003', message: "Custom object type 'boat_c' not found" }] });
	});

	it('a fresh instance has two demo records of every type', async () => {
		const emulator = await startEmulator();
		const objects = crmObjectsOf(emulator);
		expect(objects.standard('company').size).toBe(2);
		expect(objects.custom('car_c')?.size).toBe(2);
	});
});
