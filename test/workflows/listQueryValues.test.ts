import type { RecordedCall } from '../emulator';
import { requestDepartures } from '../support/openapi';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

/**
 * A list query parameter is ONE comma-separated value (`filterValues=1,2,3`). The emulator reads a
 * repeated key as a Java servlet does, its first value only, so a client that sent `id=1&id=2`
 * would get 1 lead of 300 here, as it would from a real instance.
 */

const LEADS = 1_500;
const FIELDS = ['email', 'firstName', 'company'];

/** Long enough that 300 of them pass 8 KB in a URI: those lookups go as POST `_method=GET`. */
const emailOf = (index: number) => `first.last.${index}@subsidiary-of-a-long-company-name.example.com`;

async function withLeads() {
	const emulator = await startEmulator();
	const ids = Array.from({ length: LEADS }, (_, index) => emulator.leads.insert({ email: emailOf(index), firstName: `First${index}`, company: `Company ${index}` }).id);
	return { emulator, store: credentialStore(emulator), ids };
}

/** The values a lookup asked for, as Marketo would read them. */
const filterValuesOf = (call: RecordedCall) => {
	const params = call.method === call.effectiveMethod ? call.query : (call.body as Record<string, string>);
	return params.filterValues.split(',');
};

function expectOneValuePerList(calls: RecordedCall[]) {
	expect(calls.flatMap((call) => call.repeatedParams ?? [])).toEqual([]);
	expect(calls.flatMap(requestDepartures)).toEqual([]);
}

describe('list parameters travel as one comma-separated value', () => {
	it(`Lead → Get for ${LEADS} items by id returns every lead, 300 ids per call`, async () => {
		const { emulator, store, ids } = await withLeads();
		const result = await runMarketo({ resource: 'lead', operation: 'get', leadId: '={{ $json.id }}', fields: FIELDS }, { store, items: ids.map((id) => ({ id })) });

		expect(result.error).toBeUndefined();
		const output = result.output(MARKETO_NODE);
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(output[LEADS - 1].json).toMatchObject({ email: emailOf(LEADS - 1), firstName: `First${LEADS - 1}`, company: `Company ${LEADS - 1}` });
		const calls = callsTo(emulator, 'GET', '/rest/v1/leads.json');
		expect(calls.map((call) => filterValuesOf(call).length)).toEqual([300, 300, 300, 300, 300]);
		expectOneValuePerList(calls);
	});

	it(`Lead → Get Many with ${LEADS} ids in one item returns ${LEADS} leads`, async () => {
		const { emulator, store, ids } = await withLeads();
		const result = await runMarketo({ resource: 'lead', operation: 'getMany', filterType: 'id', filterValues: ids.join(','), returnAll: true, fields: FIELDS }, { store });

		expect(result.error).toBeUndefined();
		expect(result.output(MARKETO_NODE).map((item) => item.json.id)).toEqual(ids);
		expectOneValuePerList(callsTo(emulator, 'GET', '/rest/v1/leads.json'));
	});

	it(`Lead → Get Many by email for ${LEADS} emails goes as POST _method=GET and returns each lead with the fields asked for`, async () => {
		const { emulator, store, ids } = await withLeads();
		const items = ids.map((_, index) => ({ email: emailOf(index) }));
		const result = await runMarketo(
			{ resource: 'lead', operation: 'getMany', filterType: 'email', filterValues: '={{ $json.email }}', returnAll: true, fields: FIELDS },
			{ store, items },
		);

		expect(result.error).toBeUndefined();
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(LEADS);
		output.forEach((item, index) => expect(item.json).toMatchObject({ id: ids[index], email: emailOf(index), firstName: `First${index}`, company: `Company ${index}` }));
		const calls = callsTo(emulator, 'GET', '/rest/v1/leads.json');
		expect(calls.map((call) => call.method)).toEqual(Array(5).fill('POST'));
		expect(calls.map((call) => (call.body as Record<string, string>).fields)).toEqual(Array(5).fill('id,email,firstName,company'));
		expectOneValuePerList(calls);
		expect(emulator.violations()).toEqual([]);
	});
});
