import type { INodeParameters } from 'n8n-workflow';

import { callsTo, credentialStore, limitsOf, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const apiCall = (parameters: INodeParameters): INodeParameters => ({ resource: 'customApiCall', operation: 'apiCall', ...parameters });

async function instance(limits?: Parameters<typeof limitsOf>[0]) {
	const emulator = await startEmulator();
	return { emulator, store: credentialStore(emulator, limits ? limitsOf(limits) : {}) };
}

describe('Custom API Call', () => {
	it('GET returns Marketo\'s whole answer; the token travels in the Authorization header only', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(apiCall({ method: 'GET', path: '/rest/v1/companies/describe.json' }), { store });
		const [item] = result.output(MARKETO_NODE);
		expect(item.json).toMatchObject({ success: true, requestId: expect.any(String), errors: [], result: [expect.objectContaining({ idField: 'id' })] });
		const [call] = callsTo(emulator, 'GET', '/rest/v1/companies/describe.json');
		expect(call.authorization).toMatch(/^Bearer \S+$/);
		expect(call.query).not.toHaveProperty('access_token');
		expect(emulator.violations()).toEqual([]);
	});

	it('sends query parameters (also those written into the path) and can split the result into items', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			apiCall({
				method: 'GET',
				path: '/rest/v1/companies.json?filterType=externalCompanyId',
				queryParameters: { parameter: [{ name: 'filterValues', value: 'DEMO-NORTHWIND,DEMO-CONTOSO' }] },
				output: 'result',
			}),
			{ store },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.externalCompanyId)).toEqual(['DEMO-NORTHWIND', 'DEMO-CONTOSO']);
		expect(callsTo(emulator, 'GET', '/rest/v1/companies.json')[0].query).toEqual({
			filterType: 'externalCompanyId',
			filterValues: 'DEMO-NORTHWIND,DEMO-CONTOSO',
		});
	});

	it('sends a key written twice into the path as one comma-separated value, so Marketo reads both', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			apiCall({ method: 'GET', path: '/rest/v1/companies.json?filterType=externalCompanyId&filterValues=DEMO-NORTHWIND&filterValues=DEMO-CONTOSO', output: 'result' }),
			{ store },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.externalCompanyId)).toEqual(['DEMO-NORTHWIND', 'DEMO-CONTOSO']);
		const [call] = callsTo(emulator, 'GET', '/rest/v1/companies.json');
		expect(call.query.filterValues).toBe('DEMO-NORTHWIND,DEMO-CONTOSO');
		expect(call.repeatedParams).toBeUndefined();
	});

	it('POST sends the JSON body, one call per item, each answer paired with its item', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			apiCall({ method: 'POST', path: '/rest/v1/companies.json', body: '={{ JSON.stringify({ input: [{ externalCompanyId: $json.key }] }) }}' }),
			{ store, items: [{ key: 'API-1' }, { key: 'API-2' }] },
		);
		const output = result.output(MARKETO_NODE);
		expect(output.map((item) => [(item.json.result as Array<{ status: string }>)[0].status, item.pairedItem])).toEqual([
			['created', { item: 0 }],
			['created', { item: 1 }],
		]);
		const posts = callsTo(emulator, 'POST', '/rest/v1/companies.json');
		expect(posts.map((call) => call.body)).toEqual([{ input: [{ externalCompanyId: 'API-1' }] }, { input: [{ externalCompanyId: 'API-2' }] }]);
		expect(posts.every((call) => /^Bearer /.test(call.authorization ?? ''))).toBe(true);
	});

	it('counts against the throttle like any call: past the credential\'s daily budget nothing more is sent', async () => {
		const { emulator, store } = await instance({ budget: 2 });
		const result = await runMarketo(apiCall({ method: 'GET', path: '/rest/v1/companies/describe.json' }), {
			store,
			items: [{}, {}, {}],
			continueOnFail: true,
		});
		const output = result.output(MARKETO_NODE);
		expect(output.filter((item) => item.json.success === true)).toHaveLength(2);
		expect(output.find((item) => item.json.error)?.json.error).toMatch(/daily call budget set in the Marketo credential \(2 calls\) is spent/);
		expect(emulator.apiCalls()).toHaveLength(2);
	});

	it('repeats a GET whose answer was lost, but never a POST (Marketo may have applied it)', async () => {
		const { emulator, store } = await instance();
		emulator.inject({ on: 1, drop: 'afterExecuting' });
		const read = await runMarketo(apiCall({ method: 'GET', path: '/rest/v1/companies/describe.json' }), { store });
		expect(read.output(MARKETO_NODE)[0].json.success).toBe(true);
		expect(emulator.apiCalls()).toHaveLength(2);

		emulator.resetCounters();
		emulator.inject({ on: 1, drop: 'afterExecuting' });
		const write = await runMarketo(apiCall({ method: 'POST', path: '/rest/v1/companies.json', body: '{"input":[{"externalCompanyId":"LOST-1"}]}' }), {
			store,
			continueOnFail: true,
		});
		expect(write.output(MARKETO_NODE)[0].json.error).toMatch(/may or may not have applied it, so it was not sent again/);
		expect(emulator.apiCalls()).toHaveLength(1);
	});

	it('a Marketo refusal is that item\'s error with Marketo\'s code', async () => {
		const { store } = await instance();
		const result = await runMarketo(apiCall({ method: 'GET', path: '/rest/v1/companies.json', queryParameters: { parameter: [{ name: 'filterType', value: 'nope' }, { name: 'filterValues', value: 'x' }] } }), {
			store,
			continueOnFail: true,
		});
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ code: '1003', error: expect.stringMatching(/Invalid filterType 'nope'/) });
	});

	it.each([
		{ input: 'an absolute URL', path: 'https://evil.example.com/rest/v1/leads.json', extra: {}, message: /field "Path": "https:\/\/evil.example.com\/rest\/v1\/leads.json" is an absolute URL/ },
		{ input: 'a scheme-relative URL', path: '//evil.example.com/rest/v1/leads.json', extra: {}, message: /field "Path": .* is an absolute URL/ },
		{ input: 'a path with //', path: '/rest/v1//leads.json', extra: {}, message: /field "Path": "\/rest\/v1\/\/leads.json" contains "\/\/"/ },
		{ input: 'a path with ..', path: '/rest/v1/../../identity/oauth/token', extra: {}, message: /field "Path": .* contains "." or ".." segments/ },
		{ input: 'a path outside /rest/ and /bulk/', path: '/identity/oauth/token', extra: {}, message: /field "Path": "\/identity\/oauth\/token" must start with \/rest\/ or \/bulk\// },
		{ input: 'an access_token parameter', path: '/rest/v1/leads.json', extra: { queryParameters: { parameter: [{ name: 'access_token', value: 'x' }] } }, message: /field "Query Parameters": must not carry access_token/ },
		{ input: 'a body that is not JSON', path: '/rest/v1/leads.json', extra: { method: 'POST', body: '{not json' }, message: /field "Body": is not valid JSON/ },
	])('refuses $input before any call, naming the field', async ({ path, extra, message }) => {
		const { emulator, store } = await instance();
		const result = await runMarketo(apiCall({ method: 'GET', path, ...extra }), { store });
		expect(result.error?.message).toMatch(/^Item 0, /);
		expect(result.error?.message).toMatch(message);
		expect(emulator.calls).toHaveLength(0);
	});
});

describe("n8n's own Custom API Call entry", () => {
	it('points the user to this node\'s Custom API Call resource', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		const result = await runMarketo({ resource: 'lead', operation: '__CUSTOM_API_CALL__' }, { store });
		expect(result.error?.message).toMatch(/not supported/);
		expect(result.error?.description).toMatch(/resource "Custom API Call"/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});
