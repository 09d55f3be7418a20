import { createHttpProxyAgent } from 'n8n-core';
import type {
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	FAKE_NODE_TYPE,
	FakeApiServer,
	fakeApiCredentialType,
	fakeApiNodeType,
	preAuthenticationHelperKeys,
} from './fake-api';
import {
	CredentialStore,
	HarnessCredentialTypes,
	HarnessCredentialsHelper,
	HarnessNodeTypes,
	START_NODE_TYPE,
	bypassProxyForLoopback,
	runWorkflow,
} from './index';
import type { RunWorkflowOptions } from './index';

const CRED_ID = 'cred-1';
const server = new FakeApiServer();

beforeAll(async () => await server.start());
afterAll(async () => await server.stop());
beforeEach(() => {
	server.reset();
	preAuthenticationHelperKeys.length = 0;
});

function storedData(overrides: IDataObject = {}) {
	return {
		baseUrl: server.baseUrl,
		clientId: 'client-1',
		clientSecret: 'secret-1',
		accessToken: '',
		...overrides,
	};
}

function newStore(overrides: IDataObject = {}) {
	return new CredentialStore([
		{ id: CRED_ID, name: 'Fake account', type: 'fakeApi', data: storedData(overrides) },
	]);
}

function fakeNode(parameters: INodeParameters = {}, extra: Partial<INode> = {}): INode {
	return {
		id: 'node-fake',
		name: 'Fake',
		type: FAKE_NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: { fakeApi: { id: CRED_ID, name: 'Fake account' } },
		...extra,
	};
}

function options(
	store: CredentialStore,
	node: INode = fakeNode(),
	extra: Partial<RunWorkflowOptions> = {},
): RunWorkflowOptions {
	return {
		nodeTypes: { [FAKE_NODE_TYPE]: fakeApiNodeType },
		credentialTypes: [fakeApiCredentialType],
		credentials: store,
		workflow: {
			nodes: [
				{
					id: 'node-start',
					name: 'Start',
					type: START_NODE_TYPE,
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				node,
			],
			connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		},
		...extra,
	};
}

describe('preAuthentication and httpRequestWithAuthentication', () => {
	test('first run fetches a token, sends it as Bearer and persists it', async () => {
		const store = newStore();
		const result = await runWorkflow(options(store));

		expect(result.error).toBeUndefined();
		expect(result.run.status).toBe('success');
		expect(server.tokenRequests).toEqual([{ clientId: 'client-1', clientSecret: 'secret-1' }]);
		expect(server.apiCalls.map((call) => call.authorization)).toEqual(['Bearer tok-1']);
		expect(result.output('Fake').map((item) => item.json.token)).toEqual(['tok-1']);

		// Persisted like the CLI: the full stored data with the token merged in.
		expect(store.updates).toEqual([{ id: CRED_ID, data: storedData({ accessToken: 'tok-1' }) }]);
		expect(store.get(CRED_ID).data.accessToken).toBe('tok-1');

		// The CLI hands preAuthentication nothing but helpers.httpRequest.
		expect(preAuthenticationHelperKeys).toEqual([['httpRequest']]);
	});

	test('a later run reuses the stored token without calling the token endpoint', async () => {
		const store = newStore();
		await runWorkflow(options(store));
		server.clearLog();

		const second = await runWorkflow(options(store));

		expect(second.error).toBeUndefined();
		expect(server.tokenRequests).toHaveLength(0);
		expect(server.apiCalls.map((call) => call.authorization)).toEqual(['Bearer tok-1']);
		expect(store.updates).toHaveLength(1);
	});

	test('credentialsDecrypted with an emptied token forces a refresh that is persisted', async () => {
		const store = newStore();
		await runWorkflow(options(store)); // stores tok-1
		server.clearLog();

		const forced = await runWorkflow(options(store, fakeNode({ forceRefresh: true })));

		expect(forced.error).toBeUndefined();
		expect(server.tokenRequests).toHaveLength(1);
		expect(server.apiCalls.map((call) => call.authorization)).toEqual(['Bearer tok-2']);
		// preAuthentication merged the new token into the very object the node passed in.
		expect(forced.output('Fake')[0].json.passedToken).toBe('tok-2');
		expect(store.updates.map((update) => update.data.accessToken)).toEqual(['tok-1', 'tok-2']);
		expect(store.get(CRED_ID).data).toEqual(storedData({ accessToken: 'tok-2' }));

		server.clearLog();
		const next = await runWorkflow(options(store));
		expect(server.tokenRequests).toHaveLength(0);
		expect(next.output('Fake')[0].json.token).toBe('tok-2');
	});

	test('a 401 makes n8n-core run preAuthentication with credentialsExpired and retry once', async () => {
		const store = newStore();
		await runWorkflow(options(store)); // stores tok-1
		server.revokeAll();
		server.clearLog();

		const result = await runWorkflow(options(store));

		expect(result.error).toBeUndefined();
		expect(server.apiCalls.map((call) => call.authorization)).toEqual([
			'Bearer tok-1',
			'Bearer tok-2',
		]);
		expect(server.tokenRequests).toHaveLength(1);
		expect(store.get(CRED_ID).data.accessToken).toBe('tok-2');
	});

	test('preAuthentication output is merged into stored data the way the CLI does it', async () => {
		// Stored `clientId` is an expression: the CLI keeps it; other output fields are stored.
		const echoing: ICredentialType = {
			...fakeApiCredentialType,
			async preAuthentication(credentials) {
				const token = (await this.helpers.httpRequest({
					method: 'POST',
					url: `${credentials.baseUrl as string}/token`,
					body: { clientId: credentials.clientId },
					json: true,
				})) as { access_token: string };
				return { accessToken: token.access_token, clientId: credentials.clientId, region: 'eu' };
			},
		};
		const store = newStore({ clientId: '={{ "client" + "-1" }}' });

		const result = await runWorkflow({
			...options(store),
			credentialTypes: [echoing],
		});

		expect(result.error).toBeUndefined();
		// The expression was resolved for the request ...
		expect(server.tokenRequests).toEqual([{ clientId: 'client-1' }]);
		// ... but not written over in the store.
		expect(store.get(CRED_ID).data).toEqual(
			storedData({ clientId: '={{ "client" + "-1" }}', accessToken: 'tok-1', region: 'eu' }),
		);
	});

	test('without an expirable property preAuthentication never runs', async () => {
		const notExpirable: ICredentialType = {
			...fakeApiCredentialType,
			properties: fakeApiCredentialType.properties.map((property) =>
				property.name === 'accessToken' ? { ...property, typeOptions: {} } : property,
			),
		};
		const store = newStore();
		const result = await runWorkflow({ ...options(store), credentialTypes: [notExpirable] });

		expect(server.tokenRequests).toHaveLength(0);
		// 'Bearer ' (empty token; the trailing space does not survive HTTP), then n8n-core's
		// 401 retry, which re-authenticates and resends even though nothing was refreshed.
		expect(server.apiCalls.map((call) => call.authorization)).toEqual(['Bearer', 'Bearer']);
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
		expect(store.updates).toHaveLength(0);
	});

	test('20 concurrent runs share one store', async () => {
		const store = newStore({ accessToken: 'tok-0' });
		// tok-0 is not known to the server: every run gets a 401, refreshes and retries. The
		// CLI has no lock around preAuthentication, so each run fetches its own token.
		const results = await Promise.all(
			Array.from({ length: 20 }, async (_, i) =>
				await runWorkflow({ ...options(store), startItems: [{ run: i }] }),
			),
		);

		expect(results.filter((result) => result.error)).toEqual([]);
		expect(server.tokenRequests).toHaveLength(20);
		expect(store.updates).toHaveLength(20);
		const tokens = results.map((result) => result.output('Fake')[0].json.token as string);
		expect(new Set(tokens).size).toBe(20);
		expect(tokens).toContain(store.get(CRED_ID).data.accessToken);

		// Once a token is stored, concurrent runs all reuse it.
		server.clearLog();
		const again = await Promise.all(
			Array.from({ length: 20 }, async () => await runWorkflow(options(store))),
		);
		expect(again.filter((result) => result.error)).toEqual([]);
		expect(server.tokenRequests).toHaveLength(0);
		expect(new Set(server.apiCalls.map((call) => call.authorization)).size).toBe(1);
	});

	test('calling the helper without .call(this) fails, as it does in n8n', async () => {
		const result = await runWorkflow(options(newStore(), fakeNode({ unbound: true })));
		// `this` inside the helper is the helpers object, so even building the error fails.
		expect(result.error?.message).toBe('this.getNode is not a function');
		expect(server.apiCalls).toHaveLength(0);
	});
});

describe('errors', () => {
	test('a node error without Continue On Fail fails the run', async () => {
		const result = await runWorkflow(options(newStore(), fakeNode({ path: '/api/boom' })));

		expect(result.run.status).toBe('error');
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '500',
			message: 'The service was not able to process your request',
			description: 'Request failed with status code 500',
			context: { data: { error: 'kaboom' } },
		});
		expect(result.nodeError('Fake')?.message).toBe(result.error?.message);
		expect(result.run.data.resultData.lastNodeExecuted).toBe('Fake');
		expect(result.output('Fake')).toEqual([]);
	});

	test.each([
		['continueOnFail', { continueOnFail: true }],
		["onError: 'continueRegularOutput'", { onError: 'continueRegularOutput' as const }],
	])('with %s the error becomes an item with json.error', async (_, settings) => {
		const result = await runWorkflow({
			...options(newStore(), fakeNode({ path: '/api/boom' }, settings)),
			startItems: [{ n: 0 }, { n: 1 }],
		});

		expect(result.error).toBeUndefined();
		expect(result.run.status).toBe('success');
		const items = result.output('Fake');
		expect(items).toHaveLength(2);
		for (const [i, item] of items.entries()) {
			expect(item.json.error).toBe('The service was not able to process your request');
			expect(item.pairedItem).toEqual({ item: i });
		}
	});

	test('a node that throws despite continueOnFail: n8n-core passes the input through', async () => {
		const result = await runWorkflow({
			...options(newStore(), fakeNode({ throwDirectly: true }, { continueOnFail: true })),
			startItems: [{ n: 7 }],
		});

		expect(result.nodeError('Fake')?.message).toBe('thrown for item 0');
		// n8n-core quirk: the error of the last node to run is still reported as the run's
		// error (status 'error') even though the node continued.
		expect(result.run.status).toBe('error');
		expect(result.error?.message).toBe('thrown for item 0');
		expect(result.output('Fake').map((item) => item.json)).toEqual([{ n: 7 }]);
	});

	test('missing required credentials fail the run before any request', async () => {
		const result = await runWorkflow(options(newStore(), fakeNode({}, { credentials: {} })));
		expect(result.error).toBeDefined();
		expect(server.apiCalls).toHaveLength(0);
	});

	test('a required parameter left empty fails the run before any node runs (WorkflowHasIssuesError)', async () => {
		const strict = {
			...fakeApiNodeType,
			description: {
				...fakeApiNodeType.description,
				properties: [
					...fakeApiNodeType.description.properties,
					{ displayName: 'Must', name: 'must', type: 'string' as const, required: true, default: '' },
				],
			},
		};
		const result = await runWorkflow({
			...options(newStore()),
			nodeTypes: { [FAKE_NODE_TYPE]: strict },
		});
		expect(result.run.status).toBe('error');
		expect(result.error?.message).toBe('The workflow has issues and cannot be executed for that reason. Please fix them first.');
		expect(result.runData).toEqual({});
	});

	test('an unknown credential id fails like the CLI', async () => {
		const node = fakeNode({}, { credentials: { fakeApi: { id: 'nope', name: 'x' } } });
		const result = await runWorkflow(options(newStore(), node));
		expect(result.error?.message).toBe('Credential with ID "nope" does not exist for type "fakeApi".');
	});

	test('output() of a node that never ran throws instead of returning []', async () => {
		const result = await runWorkflow(options(newStore(), fakeNode({ path: '/api/boom' })));
		expect(() => result.output('Nope')).toThrow(/did not run/);
	});
});

describe('items', () => {
	test('items keep pairedItem through the workflow', async () => {
		const second = fakeNode({}, { id: 'node-second', name: 'Second', position: [400, 0] });
		const opts = options(newStore(), fakeNode(), { startItems: [{ a: 1 }, { a: 2 }, { a: 3 }] });
		opts.workflow.nodes.push(second);
		opts.workflow.connections.Fake = { main: [[{ node: 'Second', type: 'main', index: 0 }]] };

		const result = await runWorkflow(opts);

		expect(result.error).toBeUndefined();
		expect(result.executionOrder).toEqual(['Start', 'Fake', 'Second']);
		expect(result.output('Start').map((item) => item.json)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
		for (const name of ['Fake', 'Second']) {
			const items = result.output(name);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(items.map((item) => item.json.item)).toEqual(['0', '1', '2']);
		}
		expect(server.apiCalls).toHaveLength(6);
	});

	test('the start node emits its `items` parameter when no startItems are given', async () => {
		const opts = options(newStore());
		opts.workflow.nodes[0].parameters = { items: '[{"x":1},{"x":2}]' };
		const result = await runWorkflow(opts);
		expect(result.output('Start').map((item) => item.json)).toEqual([{ x: 1 }, { x: 2 }]);
		expect(result.output('Fake')).toHaveLength(2);
	});

	test('runWorkflow does not mutate the workflow it is given', async () => {
		const opts = options(newStore());
		const before = JSON.stringify(opts.workflow);
		await runWorkflow(opts);
		expect(JSON.stringify(opts.workflow)).toBe(before);
	});
});

describe('proxy environment', () => {
	const keys = ['HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'npm_config_no_proxy'];
	let saved: Record<string, string | undefined>;
	beforeEach(() => {
		saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
	});
	afterEach(() => {
		for (const key of keys) {
			if (saved[key] === undefined) delete process.env[key];
			else process.env[key] = saved[key];
		}
	});

	test('bypassProxyForLoopback only touches the effective no-proxy variable when a proxy is set', () => {
		const none: NodeJS.ProcessEnv = {};
		bypassProxyForLoopback(none);
		expect(none).toEqual({});

		const plain: NodeJS.ProcessEnv = { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: 'corp.local' };
		bypassProxyForLoopback(plain);
		expect(plain.no_proxy).toBe('corp.local,127.0.0.1,localhost');

		const npm: NodeJS.ProcessEnv = { npm_config_proxy: 'http://proxy:3128', npm_config_no_proxy: 'x' };
		bypassProxyForLoopback(npm);
		expect(npm.npm_config_no_proxy).toBe('x,127.0.0.1,localhost');
	});

	test('requests to 127.0.0.1 still work with HTTP_PROXY pointing at a dead proxy', async () => {
		// A port that refuses connections stands in for an unreachable corporate proxy.
		const dead = createServer();
		await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
		const deadPort = (dead.address() as AddressInfo).port;
		await new Promise<void>((resolve) => dead.close(() => resolve()));
		for (const key of ['NO_PROXY', 'no_proxy', 'npm_config_no_proxy']) delete process.env[key];
		process.env.HTTP_PROXY = `http://127.0.0.1:${deadPort}`;

		// n8n-core really would send this request to the proxy ...
		expect(createHttpProxyAgent(null, `${server.baseUrl}/api/data`).constructor.name).toBe(
			'HttpProxyAgent',
		);

		const result = await runWorkflow(options(newStore()));

		// ... but the harness added the loopback bypass.
		expect(createHttpProxyAgent(null, `${server.baseUrl}/api/data`).constructor.name).toBe('Agent');
		expect(result.error).toBeUndefined();
		expect(server.apiCalls).toHaveLength(1);
	});
});

describe('HarnessCredentialsHelper directly', () => {
	const tokenHelpers = (calls: IDataObject[]) => ({
		helpers: {
			httpRequest: async (request: IHttpRequestOptions) => {
				calls.push(request as unknown as IDataObject);
				return { access_token: `direct-${calls.length}` };
			},
		},
	});
	const helperFor = (store: CredentialStore, types: ICredentialType[] = [fakeApiCredentialType]) =>
		new HarnessCredentialsHelper(new HarnessCredentialTypes(types), store);

	test('preAuthentication returns the object it was given, with the output merged in', async () => {
		const store = newStore();
		const helper = helperFor(store);
		const credentials = store.get(CRED_ID).data;
		const calls: IDataObject[] = [];

		const returned = await helper.preAuthentication(
			tokenHelpers(calls),
			credentials,
			'fakeApi',
			fakeNode(),
			false,
		);

		expect(returned).toBe(credentials);
		expect(credentials.accessToken).toBe('direct-1');
		expect(calls).toHaveLength(1);
		expect(store.updates).toEqual([{ id: CRED_ID, data: storedData({ accessToken: 'direct-1' }) }]);
	});

	test('preAuthentication only runs for an empty token or expired credentials', async () => {
		const store = newStore({ accessToken: 'still-good' });
		const helper = helperFor(store);
		const calls: IDataObject[] = [];
		const credentials = store.get(CRED_ID).data;

		expect(
			await helper.preAuthentication(tokenHelpers(calls), credentials, 'fakeApi', fakeNode(), false),
		).toBeUndefined();
		expect(calls).toHaveLength(0);

		expect(
			await helper.preAuthentication(tokenHelpers(calls), credentials, 'fakeApi', fakeNode(), true),
		).toMatchObject({ accessToken: 'direct-1' });
		expect(calls).toHaveLength(1);
		expect(store.get(CRED_ID).data.accessToken).toBe('direct-1');
	});

	test('no expirable field in the output, or no credentials on the node: nothing is stored', async () => {
		const noToken: ICredentialType = {
			...fakeApiCredentialType,
			preAuthentication: async () => ({ somethingElse: 1 }),
		};
		const store = newStore();
		const credentials = store.get(CRED_ID).data;
		const withoutToken = await helperFor(store, [noToken]).preAuthentication(
			tokenHelpers([]),
			credentials,
			'fakeApi',
			fakeNode(),
			false,
		);
		expect(withoutToken).toBeUndefined();
		expect(credentials).toEqual(storedData());

		const calls: IDataObject[] = [];
		const noCredentials = await helperFor(store).preAuthentication(
			tokenHelpers(calls),
			credentials,
			'fakeApi',
			fakeNode({}, { credentials: undefined }),
			false,
		);
		expect(calls).toHaveLength(1); // it ran ...
		expect(noCredentials).toBeUndefined(); // ... but, as in the CLI, nothing is kept
		expect(credentials.accessToken).toBe('');
		expect(store.updates).toHaveLength(0);
	});

	test('getDecrypted re-reads the store, applies defaults and leaves raw data alone', async () => {
		const store = new CredentialStore([
			{ id: CRED_ID, name: 'Fake account', type: 'fakeApi', data: { clientId: 'c', extra: 'x' } },
		]);
		const helper = helperFor(store);
		const additionalData = {} as IWorkflowExecuteAdditionalData;
		const nodeCredentials = { id: CRED_ID, name: 'Fake account' };

		const first = await helper.getDecrypted(additionalData, nodeCredentials, 'fakeApi', 'manual');
		expect(first).toEqual({ baseUrl: '', clientId: 'c', clientSecret: '', accessToken: '' });

		first.accessToken = 'mutated in memory';
		await helper.updateCredentials(nodeCredentials, 'fakeApi', { clientId: 'c', accessToken: 'T' });
		const second = await helper.getDecrypted(additionalData, nodeCredentials, 'fakeApi', 'manual');
		expect(second.accessToken).toBe('T');

		const raw = await helper.getDecrypted(
			additionalData,
			nodeCredentials,
			'fakeApi',
			'manual',
			undefined,
			true,
		);
		expect(raw).toEqual({ clientId: 'c', accessToken: 'T' });
		await expect(
			helper.getDecrypted(additionalData, { id: CRED_ID, name: 'x' }, 'otherType', 'manual'),
		).rejects.toThrow('Credential with ID "cred-1" does not exist for type "otherType".');
	});

	test('authenticate: generic properties with $credentials expressions, and functions', async () => {
		const generic: ICredentialType = {
			...fakeApiCredentialType,
			authenticate: {
				type: 'generic',
				properties: {
					headers: { Authorization: '=Bearer {{$credentials.accessToken}}', 'X-Static': 'yes' },
					qs: { client: '={{$credentials.clientId}}' },
					body: { secret: '={{$credentials.clientSecret}}' },
					auth: { username: '={{$credentials.clientId}}', password: 'pw' },
				},
			},
		};
		const helper = helperFor(newStore(), [generic]);
		const workflow = new Workflow({
			nodes: [fakeNode()],
			connections: {},
			active: false,
			nodeTypes: new HarnessNodeTypes({ [FAKE_NODE_TYPE]: fakeApiNodeType }),
		});
		const request = await helper.authenticate(
			storedData({ accessToken: 'abc' }),
			'fakeApi',
			{ url: 'http://x', headers: { Accept: 'text/plain' }, qs: { page: 2 } },
			workflow,
			fakeNode(),
		);
		expect(request).toEqual({
			url: 'http://x',
			headers: { Accept: 'text/plain', Authorization: 'Bearer abc', 'X-Static': 'yes' },
			qs: { page: 2, client: 'client-1' },
			body: { secret: 'secret-1' },
			auth: { username: 'client-1', password: 'pw' },
		});

		const fn: ICredentialType = {
			...fakeApiCredentialType,
			authenticate: async (credentials, options) => ({
				...options,
				headers: { 'X-Key': credentials.clientId as string },
			}),
		};
		expect(
			await helperFor(newStore(), [fn]).authenticate(
				storedData(),
				'fakeApi',
				{ url: 'http://x' },
				workflow,
				fakeNode(),
			),
		).toEqual({ url: 'http://x', headers: { 'X-Key': 'client-1' } });
	});

	test('getParentTypes and getCredentialsProperties follow `extends`', () => {
		const base: ICredentialType = {
			name: 'baseApi',
			displayName: 'Base',
			properties: [{ displayName: 'Host', name: 'host', type: 'string', default: 'h' }],
		};
		const middle: ICredentialType = {
			name: 'middleApi',
			displayName: 'Middle',
			extends: ['baseApi'],
			properties: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }],
		};
		const leaf: ICredentialType = {
			name: 'leafApi',
			displayName: 'Leaf',
			extends: ['middleApi'],
			properties: [{ displayName: 'Host', name: 'host', type: 'string', default: 'leaf-host' }],
		};
		const helper = helperFor(newStore(), [base, middle, leaf]);

		expect(helper.getParentTypes('leafApi')).toEqual(['middleApi', 'baseApi']);
		expect(helper.getParentTypes('baseApi')).toEqual([]);
		const properties = helper.getCredentialsProperties('leafApi');
		expect(properties.map((property) => [property.name, property.default])).toEqual([
			['host', 'leaf-host'],
			['key', ''],
		]);
	});
});
