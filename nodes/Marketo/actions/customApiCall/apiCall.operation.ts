import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { marketoApiRequestRaw } from '../../transport';
import type { MarketoRequest, QueryValue } from '../../transport/request';
import { checkApiPath } from './apiPath';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
		],
		default: 'GET',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: '/rest/v1/leads/describe2.json',
		description:
			'Path of the Marketo endpoint, starting with /rest/ or /bulk/ (see the Marketo REST API reference). The host comes from the credential; full URLs are refused.',
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		description: 'Sent URL-encoded; lists as comma-separated values, as Marketo expects them',
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'json',
		default: '',
		placeholder: '{ "input": [ { "email": "jane@example.com" } ] }',
		description: 'JSON body of the request; leave empty for none',
		displayOptions: { show: { method: ['POST', 'DELETE'] } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'Full Response', value: 'envelope', description: "One item with Marketo's whole answer (requestId, success, result, warnings, paging fields)" },
			{ name: 'One Item per Result Entry', value: 'result', description: "One item per entry of Marketo's result array" },
		],
		default: 'envelope',
	},
];

export const description = forOperation('customApiCall', 'apiCall', properties);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, problem: (error as Error).message };
	}
}

function readBody(itemIndex: number, raw: unknown): unknown {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
	const parsed = typeof raw === 'string' ? parseJson(raw) : { ok: true as const, value: raw };
	if (!parsed.ok) throw new ItemInputError(itemIndex, 'Body', `is not valid JSON (${parsed.problem})`);
	if (typeof parsed.value !== 'object' || parsed.value === null) throw new ItemInputError(itemIndex, 'Body', 'must be a JSON object or array');
	return parsed.value;
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number, fromPath: Record<string, QueryValue>): Record<string, QueryValue> {
	const rows = (ctx.getNodeParameter('queryParameters.parameter', itemIndex, []) as Array<{ name?: string; value?: unknown }>) ?? [];
	const qs = { ...fromPath };
	rows.forEach((row, position) => {
		const name = String(row.name ?? '').trim();
		if (name === '') throw new ItemInputError(itemIndex, `Query Parameters > Parameter ${position + 1}`, 'has no name');
		qs[name] = Array.isArray(row.value) ? row.value.map(String) : String(row.value ?? '');
	});
	if ('access_token' in qs) {
		throw new ItemInputError(itemIndex, 'Query Parameters', 'must not carry access_token: the node sends the token in the Authorization header');
	}
	return qs;
}

function readRequest(ctx: IExecuteFunctions, itemIndex: number): MarketoRequest {
	const method = String(ctx.getNodeParameter('method', itemIndex)) as MarketoRequest['method'];
	const { path, qs } = checkApiPath(itemIndex, ctx.getNodeParameter('path', itemIndex));
	const body = method === 'GET' ? undefined : readBody(itemIndex, ctx.getNodeParameter('body', itemIndex, ''));
	// Only reads are repeated after a lost answer: the node can't know whether an arbitrary write is safe to repeat.
	return { method, path, qs: readQuery(ctx, itemIndex, qs), body, idempotent: method === 'GET' };
}

const asItem = (entry: unknown): IDataObject => (typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as IDataObject) : { value: entry as IDataObject[string] });

/** One call per item, through the same transport as every operation (token, throttle, retries, daily budget). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await eachItem(
		this,
		items,
		(itemIndex) => ({ request: readRequest(this, itemIndex), output: String(this.getNodeParameter('output', itemIndex, 'envelope')) }),
		async ({ request, output }) => {
			const response = await marketoApiRequestRaw<unknown>(this, request);
			return output === 'result' ? (response.result ?? []).map(asItem) : [response as IDataObject];
		},
	);
}
