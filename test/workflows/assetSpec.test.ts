import type { IExecuteFunctions, INode, INodeExecutionData, INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { MarketoApi } from '../../credentials/MarketoApi.credentials';
import { ASSET_RESOURCES } from '../../nodes/Marketo/actions/asset/Asset.resources';
import { RESOURCES } from '../../nodes/Marketo/actions/resources';
import { Marketo } from '../../nodes/Marketo/Marketo.node';
import type { RecordedCall } from '../emulator';
import { runWorkflow, START_NODE_TYPE } from '../harness';
import { requestDepartures as departures } from '../support/openapi';
import { CREDENTIAL_ID, credentialStore, MARKETO_NODE, startEmulator } from './marketoWorkflow';

/**
 * Every asset and usage operation the node offers, run against the emulator: each request it sends
 * must be an operation of swagger-asset.json or swagger-mapi.json (method and path template), with
 * only the query parameters and form fields that operation declares (requestDepartures, which
 * applies the same named relaxations as the e2e contract proxy).
 */

const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

/** Values an operation's required fields get unless the operation says otherwise below. */
function defaultsFor(properties: INodeProperties[], resource: string): INodeParameters {
	const parameters: INodeParameters = {};
	const shown = (property: INodeProperties) =>
		Object.entries(property.displayOptions?.show ?? {})
			.filter(([key]) => key !== 'resource' && key !== 'operation')
			.every(([key, values]) => (values as unknown[]).includes(parameters[key]));
	for (const property of properties) {
		if (!shown(property) || property.name in parameters) continue;
		if (property.type === 'resourceLocator') {
			const isFolder = ['folder', 'parent', 'root'].includes(property.name);
			parameters[property.name] = byId(isFolder ? 12 : resource === 'smartCampaign' ? 2001 : 1001);
		} else if (property.type === 'string' && property.required) {
			parameters[property.name] = property.placeholder && !property.placeholder.includes(' or ') ? property.placeholder : 'Sample';
		} else {
			parameters[property.name] = property.default;
		}
	}
	return parameters;
}

/** Where the defaults would not pass the node's own checks (or would not reach Marketo's endpoint). */
const OVERRIDES: Record<string, INodeParameters> = {
	'email:create': { template: byId(1001), subject: 'Hi', fromName: 'Acme', fromEmail: 'a@acme.example', replyEmail: 'a@acme.example' },
	'email:rearrangeModules': { positions: '[{"moduleId": "footer", "index": 0}]' },
	'email:sendSample': { emailAddress: 'qa@acme.example' },
	'form:addVisibilityRule': { fieldId: 'FirstName', rules: '[{"subjectField": "Email", "operator": "isNotEmpty", "values": []}]' },
	'form:rearrangeFields': { positions: '[{"fieldName": "Email", "rowNumber": 0, "columnNumber": 0}]' },
	'form:updateThankYouPage': { thankYouRules: '[{"default": true, "followupType": "none"}]' },
	'program:create': { channel: 'Email Blast' },
	'program:getByTag': { tagType: 'Region', tagValue: 'EMEA' },
	'redirectRule:create': { hostname: 'go.example.com', redirectFromType: 'path', redirectFrom: '/sample', redirectTo: '1001' },
	'snippet:updateDynamicContent': { segmentId: '1001' },
	'token:upsert': { name: 'Sample', value: 'Sample' },
};

const OPERATIONS = ASSET_RESOURCES.flatMap((resource) => Object.keys(resource.operations).map((operation) => [resource.value, operation] as const));
const USAGE = RESOURCES.find((resource) => resource.value === 'usage');
const ALL_OPERATIONS = [...OPERATIONS, ...Object.keys(USAGE?.operations ?? {}).map((operation) => ['usage', operation] as const)];

/** Each run gets one item carrying an HTML file, for the operations that upload one. */
const filesNode: INodeType = {
	description: {
		displayName: 'Files',
		name: 'files',
		group: ['input'],
		version: 1,
		description: 'Emits one item with an HTML file',
		defaults: { name: 'Files' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [[{ json: {}, binary: { data: await this.helpers.prepareBinaryData(Buffer.from('<html><body>Sample</body></html>'), 'sample.html', 'text/html') } }]];
	},
};

async function runOperation(parameters: INodeParameters, store: ReturnType<typeof credentialStore>) {
	const nodes: INode[] = [
		{ id: 'start', name: 'Start', type: START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'files', name: 'Files', type: 'test.files', typeVersion: 1, position: [200, 0], parameters: {} },
		{
			id: 'marketo',
			name: MARKETO_NODE,
			type: 'n8n-nodes-marketo.marketo',
			typeVersion: 1,
			position: [400, 0],
			parameters,
			credentials: { marketoApi: { id: CREDENTIAL_ID, name: 'Marketo (emulator)' } },
			onError: 'continueRegularOutput',
		},
	];
	return await runWorkflow({
		nodeTypes: { 'n8n-nodes-marketo.marketo': new Marketo(), 'test.files': filesNode },
		credentialTypes: [new MarketoApi()],
		credentials: store,
		workflow: {
			nodes,
			connections: { Start: { main: [[{ node: 'Files', type: 'main', index: 0 }]] }, Files: { main: [[{ node: MARKETO_NODE, type: 'main', index: 0 }]] } },
		},
	});
}

describe('every asset and usage operation sends only requests of the official files', () => {
	it('the checker itself refuses an unknown path, a wrong method and an undeclared parameter', () => {
		const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) => ({ effectiveMethod: method, path, query, body }) as RecordedCall;
		expect(departures(call('GET', '/rest/asset/v1/email/7.json', { status: 'draft' }))).toEqual([]);
		expect(departures(call('GET', '/rest/asset/v1/emailTemplate/7/content'))).toEqual([]);
		expect(departures(call('GET', '/rest/asset/v1/email/7/nothing.json'))).toEqual(['GET /rest/asset/v1/email/7/nothing.json is in no official file']);
		expect(departures(call('DELETE', '/rest/asset/v1/email/7.json'))).toHaveLength(1);
		expect(departures(call('GET', '/rest/asset/v1/channel/byName.json', { name: 'x' }))).toEqual(['GET /rest/asset/v1/channel/byName.json: query parameter "name" is not declared']);
		expect(departures(call('POST', '/rest/asset/v1/snippets.json', {}, { name: 'x', colour: 'red' }))).toEqual(['POST /rest/asset/v1/snippets.json: body field "colour" is not declared']);
		expect(departures(call('POST', '/rest/asset/v1/email/7/content/rearrange.json', {}, { positions: '[]', order: '[]' }))).toEqual([
			'POST /rest/asset/v1/email/{id}/content/rearrange.json: body field "order" is not declared',
		]);
	});

	it('allows a parameter the official file leaves out only where it is known to, and only that one', () => {
		const call = (method: string, path: string, query: Record<string, string> = {}, body?: unknown) => ({ effectiveMethod: method, path, query, body }) as RecordedCall;
		expect(departures(call('GET', '/rest/asset/v1/programs.json', { filterType: 'id', filterValues: '1,2' }))).toEqual([]);
		expect(departures(call('GET', '/rest/asset/v1/emails.json', { filterValues: '1,2' }))).toEqual(['GET /rest/asset/v1/emails.json: query parameter "filterValues" is not declared']);
		expect(departures(call('POST', '/rest/asset/v1/email/7/dynamicContent/abc.json', {}, { segment: 'Default', type: 'Text', value: 'x' }))).toEqual([]);
		expect(departures(call('POST', '/rest/asset/v1/email/7/content/abc.json', {}, { segment: 'Default', type: 'Text', value: 'x' }))).toEqual([
			'POST /rest/asset/v1/email/{id}/content/{htmlId}.json: body field "segment" is not declared',
		]);
	});

	it('takes a list as one comma-separated value of its item type and refuses a repeated key, as the e2e proxy does', () => {
		const call = (method: string, path: string, query: Record<string, string>, extra: Partial<RecordedCall> = {}) =>
			({ method, effectiveMethod: method, path, query, body: undefined, ...extra }) as RecordedCall;
		const isMember = '/rest/v1/lists/1001/leads/ismember.json';
		expect(departures(call('GET', isMember, { id: '1,2,3' }))).toEqual([]);
		expect(departures(call('GET', isMember, { id: '1' }, { repeatedParams: ['id'] }))).toEqual([
			'GET /rest/v1/lists/{listId}/leads/ismember.json: parameter "id" is repeated; Marketo reads one value per name (a list is one comma-separated value)',
		]);
		expect(departures(call('GET', isMember, { id: '1,x' }))).toEqual([
			'GET /rest/v1/lists/{listId}/leads/ismember.json: query parameter "id" is not a comma-separated list of its item type: "1,x"',
		]);
		const longGet = call('POST', '/rest/v1/leads.json', { _method: 'GET' }, { effectiveMethod: 'GET', body: { filterType: 'email', filterValues: 'a@x.com,b@x.com', fields: 'email' } });
		expect(departures(longGet)).toEqual([]);
		expect(departures({ ...longGet, repeatedParams: ['fields'] })).toHaveLength(1);
	});

	it('runs exactly the operations the node offers in its Operation selectors', () => {
		const resources = new Set(ALL_OPERATIONS.map(([resource]) => resource));
		const offered = new Marketo().description.properties
			.filter((property) => property.name === 'operation' && resources.has(String(property.displayOptions?.show?.resource?.[0])))
			.flatMap((property) => (property.options ?? []).map((option) => `${String(property.displayOptions?.show?.resource?.[0])}:${String((option as { value: string }).value)}`));
		expect(offered.sort()).toEqual(ALL_OPERATIONS.map(([resource, operation]) => `${resource}:${operation}`).sort());
	});

	it.each(ALL_OPERATIONS.map(([resource, operation]) => [`${resource}:${operation}`, resource, operation] as const))('%s', async (_key, resource, operation) => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		const owner = [...ASSET_RESOURCES, ...(USAGE ? [USAGE] : [])].find((candidate) => candidate.value === resource);
		const properties = owner?.operations[operation].description ?? [];
		const parameters = { resource, operation, ...defaultsFor(properties, resource), ...OVERRIDES[`${resource}:${operation}`] };

		const result = await runOperation(parameters, store);

		const calls = emulator.apiCalls();
		// An operation that sent nothing proves nothing: show why (its input check, most likely).
		if (calls.length === 0) throw new Error(`${resource}:${operation} sent no request: ${JSON.stringify(result.output(MARKETO_NODE)[0]?.json)}`);
		expect(calls.flatMap(departures)).toEqual([]);
	});
});
