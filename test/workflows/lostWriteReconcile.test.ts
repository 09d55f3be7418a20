import type { RecordedCall } from '../emulator';
import { crmObjectsOf } from '../emulator/crmObjects/crmObjects';
import { callsTo, credentialStore, leadItems, MARKETO_NODE, runMarketo, startEmulator, upsertFromItems } from './marketoWorkflow';

/**
 * Each reconciling test waits out Marketo's 30 s answer timeout (plus 5 s) in real time, so they
 * run side by side, each against its own emulator.
 */
const RECONCILE_TIMEOUT_MS = 90_000;

const isWriteTo = (path: string) => (call: RecordedCall) => call.effectiveMethod === 'POST' && call.path === path;
const leadIdByEmail = (emulator: Awaited<ReturnType<typeof startEmulator>>) => new Map(emulator.leads.all().map((lead) => [String(lead.email), lead.id]));

describe('Create Only after a lost answer: each item is looked up, then reported or sent again', () => {
	it.concurrent(
		'answer lost after Marketo created the leads: each item names its lead, "created", reconciled; one lead each, nothing sent again',
		async () => {
			const emulator = await startEmulator();
			emulator.inject({ on: isWriteTo('/rest/v1/leads.json'), drop: 'afterExecuting' });
			const result = await runMarketo(upsertFromItems('createOnly'), { store: credentialStore(emulator), items: leadItems(5), continueOnFail: true });

			expect(callsTo(emulator, 'POST', '/rest/v1/leads.json')).toHaveLength(1);
			const lookups = callsTo(emulator, 'GET', '/rest/v1/leads.json');
			expect(lookups).toHaveLength(1);
			// The lookup waited until Marketo had given up on the lost call (30 s) at the latest.
			expect(lookups[0].startedAt - emulator.apiCalls()[0].startedAt).toBeGreaterThanOrEqual(30_000);
			expect(emulator.leads.size).toBe(5);
			const ids = leadIdByEmail(emulator);
			expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual(
				leadItems(5).map(({ email }) => ({ id: ids.get(email), status: 'created', reconciled: true, reconciliation: expect.stringContaining('lookup by email') })),
			);
		},
		RECONCILE_TIMEOUT_MS,
	);

	it.concurrent(
		'answer lost before Marketo executed the call: the leads are absent, so they are sent again; one lead each',
		async () => {
			const emulator = await startEmulator();
			emulator.inject({ on: isWriteTo('/rest/v1/leads.json'), drop: 'beforeExecuting' });
			const result = await runMarketo(upsertFromItems('createOnly'), { store: credentialStore(emulator), items: leadItems(5), continueOnFail: true });

			expect(callsTo(emulator, 'POST', '/rest/v1/leads.json')).toHaveLength(2);
			expect(callsTo(emulator, 'GET', '/rest/v1/leads.json')).toHaveLength(1);
			expect(emulator.leads.size).toBe(5);
			const ids = leadIdByEmail(emulator);
			expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual(
				leadItems(5).map(({ email }) => ({ id: ids.get(email), status: 'created', reconciled: true, reconciliation: expect.stringMatching(/found no record, so it was sent again/) })),
			);
		},
		RECONCILE_TIMEOUT_MS,
	);

	it.concurrent(
		'a lead that existed before the call: the item gets 1005 with the lead\'s id, as Marketo would have answered; the others are created',
		async () => {
			const emulator = await startEmulator();
			const existing = emulator.leads.insert({ email: 'lead0@example.com', firstName: 'Before' }, Date.now() - 60_000);
			emulator.inject({ on: isWriteTo('/rest/v1/leads.json'), drop: 'afterExecuting' });
			const result = await runMarketo(upsertFromItems('createOnly'), { store: credentialStore(emulator), items: leadItems(3), continueOnFail: true });

			expect(emulator.leads.size).toBe(3);
			const [first, ...others] = result.output(MARKETO_NODE).map((item) => item.json);
			expect(first).toEqual({ code: '1005', error: expect.stringMatching(new RegExp(`^Item 0: the record already existed \\(Marketo: 1005 Lead already exists\\)\\..* found id ${existing.id}, created .*before this call was sent`)) });
			expect(others.map((json) => json.status)).toEqual(['created', 'created']);
			expect(emulator.leads.all().find((lead) => lead.id === existing.id)?.firstName).toBe('Before');
		},
		RECONCILE_TIMEOUT_MS,
	);

	it.concurrent(
		'companies too: a lost Create Only is looked up by externalCompanyId and what is missing is sent again',
		async () => {
			const emulator = await startEmulator();
			const companies = crmObjectsOf(emulator).standard('company');
			companies.clear();
			emulator.inject({ on: isWriteTo('/rest/v1/companies.json'), drop: 'beforeExecuting' });
			const items = Array.from({ length: 4 }, (_, i) => ({ externalCompanyId: `EXT-${i}`, company: `Company ${i}` }));
			const result = await runMarketo(
				{ resource: 'company', operation: 'upsert', action: 'createOnly', fieldsToSend: 'autoMapInputData' },
				{ store: credentialStore(emulator), items, continueOnFail: true },
			);

			expect(companies.size).toBe(4);
			expect(callsTo(emulator, 'GET', '/rest/v1/companies.json')).toHaveLength(1);
			const idByKey = new Map(companies.all().map((company) => [company.externalCompanyId, company.id]));
			expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual(
				items.map(({ externalCompanyId }) => ({ id: idByKey.get(externalCompanyId), status: 'created', reconciled: true, reconciliation: expect.any(String) })),
			);
		},
		RECONCILE_TIMEOUT_MS,
	);
});

describe('what no lookup can tell stays unknown', () => {
	it('Create Duplicate after a lost answer: not looked up, not sent again; each item says Marketo may or may not have applied it', async () => {
		const emulator = await startEmulator();
		emulator.inject({ on: isWriteTo('/rest/v1/leads.json'), drop: 'afterExecuting' });
		const result = await runMarketo(upsertFromItems('createDuplicate'), { store: credentialStore(emulator), items: leadItems(5), continueOnFail: true });

		expect(emulator.apiCalls()).toHaveLength(1);
		expect(emulator.leads.size).toBe(5);
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(5);
		expect(output.every((item) => /may or may not have applied it, so it was not sent again/.test(String(item.json.error)))).toBe(true);
	});
});
