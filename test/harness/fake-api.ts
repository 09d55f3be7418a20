/**
 * Test fixtures for the harness's own tests: a tiny token-protected HTTP API on 127.0.0.1, a
 * credential type that gets its token through preAuthentication, and a node that calls the
 * API through `this.helpers.httpRequestWithAuthentication`.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

export interface ApiCall {
	method: string;
	path: string;
	authorization: string | undefined;
	query: Record<string, string>;
}

/** A fake API: POST /token issues tok-1, tok-2, ...; GET /api/* needs `Bearer <valid token>`. */
export class FakeApiServer {
	readonly tokenRequests: IDataObject[] = [];
	readonly apiCalls: ApiCall[] = [];
	private readonly validTokens = new Set<string>();
	private issued = 0;
	private server?: Server;
	baseUrl = '';

	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			void this.handle(req, res);
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${port}`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve, reject) =>
			this.server?.close((error) => (error ? reject(error) : resolve())),
		);
	}

	/** Makes every token issued so far invalid (the API then answers 401). */
	revokeAll(): void {
		this.validTokens.clear();
	}

	/** Forgets the recorded requests (issued tokens stay valid). */
	clearLog(): void {
		this.tokenRequests.length = 0;
		this.apiCalls.length = 0;
	}

	/** Back to a fresh server: no requests recorded, no valid tokens, numbering from tok-1. */
	reset(): void {
		this.clearLog();
		this.validTokens.clear();
		this.issued = 0;
	}

	private async handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', this.baseUrl);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const send = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};

		if (req.method === 'POST' && url.pathname === '/token') {
			const body = text ? (JSON.parse(text) as IDataObject) : {};
			this.tokenRequests.push(body);
			if (body.clientId !== 'client-1') {
				send(401, { error: 'invalid_client' });
				return;
			}
			// Answer after a tick so concurrent callers really overlap.
			await new Promise((resolve) => setTimeout(resolve, 5));
			const token = `tok-${++this.issued}`;
			this.validTokens.add(token);
			send(200, { access_token: token, expires_in: 3600 });
			return;
		}

		if (url.pathname.startsWith('/api/')) {
			const authorization = req.headers.authorization;
			this.apiCalls.push({
				method: req.method ?? '',
				path: url.pathname,
				authorization,
				query: Object.fromEntries(url.searchParams),
			});
			const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
			if (!this.validTokens.has(token)) {
				send(401, { error: 'invalid_token' });
				return;
			}
			if (url.pathname === '/api/boom') {
				send(500, { error: 'kaboom' });
				return;
			}
			send(200, { ok: true, path: url.pathname, token, item: url.searchParams.get('item') });
			return;
		}

		send(404, { error: 'not found' });
	}
}

/** What preAuthentication saw as `this.helpers`, per call (to check what the CLI exposes). */
export const preAuthenticationHelperKeys: string[][] = [];

export const fakeApiCredentialType: ICredentialType = {
	name: 'fakeApi',
	displayName: 'Fake API',
	properties: [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	],
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		preAuthenticationHelperKeys.push(Object.keys(this.helpers));
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.baseUrl as string}/token`,
			body: { clientId: credentials.clientId, clientSecret: credentials.clientSecret },
			json: true,
		})) as { access_token: string };
		return { accessToken: response.access_token };
	},
	authenticate: {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	},
};

export const FAKE_NODE_TYPE = 'test.fakeApi';

/**
 * Calls GET <baseUrl><path>?item=<i> once per input item. `forceRefresh` passes
 * `credentialsDecrypted` with an emptied token; `unbound` calls the helper without
 * `.call(this)`; `throwDirectly` throws without looking at continueOnFail.
 */
export const fakeApiNodeType: INodeType = {
	description: {
		displayName: 'Fake API',
		name: FAKE_NODE_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Calls the fake API',
		defaults: { name: 'Fake API' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fakeApi', required: true }],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: '/api/data' },
			{ displayName: 'Force Refresh', name: 'forceRefresh', type: 'boolean', default: false },
			{ displayName: 'Unbound Call', name: 'unbound', type: 'boolean', default: false },
			{ displayName: 'Throw Directly', name: 'throwDirectly', type: 'boolean', default: false },
		],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];

		for (let i = 0; i < items.length; i++) {
			const path = this.getNodeParameter('path', i) as string;
			if (this.getNodeParameter('throwDirectly', i) as boolean) {
				throw new NodeOperationError(this.getNode(), `thrown for item ${i}`, { itemIndex: i });
			}
			try {
				const credentials = await this.getCredentials<ICredentialDataDecryptedObject>('fakeApi', i);
				const request: IHttpRequestOptions = {
					url: `${credentials.baseUrl as string}${path}`,
					method: 'GET',
					qs: { item: i },
					json: true,
				};

				let response: IDataObject;
				let passedData: ICredentialDataDecryptedObject | undefined;
				if (this.getNodeParameter('forceRefresh', i) as boolean) {
					const { id, name } = this.getNode().credentials!.fakeApi;
					passedData = { ...credentials, accessToken: '' };
					response = (await this.helpers.httpRequestWithAuthentication.call(this, 'fakeApi', request, {
						credentialsDecrypted: { id: id!, name, type: 'fakeApi', data: passedData },
					})) as IDataObject;
				} else if (this.getNodeParameter('unbound', i) as boolean) {
					// The typings reject this (`this` must be the execution context); the cast
					// reproduces what plain JavaScript, or an `as any`, would do at run time.
					const helpers = this.helpers as unknown as {
						httpRequestWithAuthentication(type: string, options: IHttpRequestOptions): Promise<unknown>;
					};
					response = (await helpers.httpRequestWithAuthentication('fakeApi', request)) as IDataObject;
				} else {
					response = (await this.helpers.httpRequestWithAuthentication.call(
						this,
						'fakeApi',
						request,
					)) as IDataObject;
				}

				out.push({
					json: { ...response, ...(passedData ? { passedToken: passedData.accessToken } : {}) },
					pairedItem: { item: i },
				});
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [out];
	},
};
