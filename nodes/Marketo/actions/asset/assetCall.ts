import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { readLimit, returnAllOrLimit } from '../../helpers/pagingProperties';
import { marketoApiRequestRaw, rawRequester, type MarketoRequest } from '../../transport';
import { ASSET_MAX_RETURN, collectPages, pagesByOffset } from '../../transport/paging';
import type { FormValue, QueryValue } from '../../transport/request';
import type { MarketoOperation } from '../operation';
import type { Param, ValueSource } from './params';

/** What one item's call will be, worked out (and checked) before anything is sent. */
export interface CallPlan {
	request: MarketoRequest;
	/** Reads what must be awaited (binary data) into the request, once every item has passed its checks. */
	prepare?: (request: MarketoRequest) => Promise<MarketoRequest>;
	/** A browse: pages by offset (maxReturn ≤ 200) up to the limit; undefined limit = Return All. */
	paged?: { limit?: number };
	/** An empty answer is this item's error (Get by ID, Get by Name). */
	notFound?: () => Error;
	shape?: (records: IDataObject[]) => IDataObject[];
}

/** One operation of an asset resource: its selector entry, its fields and how an item becomes a call. */
export interface AssetCall {
	operation: string;
	name: string;
	description: string;
	action: string;
	properties: INodeProperties[];
	plan(ctx: IExecuteFunctions, itemIndex: number): CallPlan;
}

async function send(ctx: IExecuteFunctions, plan: CallPlan): Promise<IDataObject[]> {
	const request = plan.prepare ? await plan.prepare(plan.request) : plan.request;
	let records: IDataObject[];
	if (plan.paged) {
		const limit = plan.paged.limit;
		const maxReturn = limit === undefined ? ASSET_MAX_RETURN : Math.min(ASSET_MAX_RETURN, limit);
		records = await collectPages(pagesByOffset<IDataObject>(rawRequester(ctx), request, maxReturn), limit);
	} else {
		records = (await marketoApiRequestRaw<IDataObject>(ctx, request)).result ?? [];
	}
	if (records.length === 0 && plan.notFound) throw plan.notFound();
	return plan.shape ? plan.shape(records) : records;
}

/**
 * Asset endpoints act on one asset per call, so each item makes its own call; every item's input
 * is checked first, and a failed call fails its item only (Marketo's code kept, e.g. 709).
 */
export function toOperation(resource: string, call: AssetCall): MarketoOperation {
	return {
		description: forOperation(resource, call.operation, call.properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			return await eachItem(
				this,
				items,
				(itemIndex) => call.plan(this, itemIndex),
				async (plan) => await send(this, plan),
			);
		},
	};
}

/** Optional parameters of an endpoint, shown in one collection ("Additional Fields", "Filters", "Options"). */
export interface OptionalParams {
	name: string;
	displayName: string;
	placeholder: string;
	params: Param[];
}

/** An endpoint described as data: path, parameters, encoding. Most asset operations are one of these. */
export interface EndpointSpec {
	operation: string;
	name: string;
	description: string;
	action: string;
	method: 'GET' | 'POST';
	/** From the instance root; `{key}` segments are filled from path parameters. */
	path: string;
	params?: Param[];
	optional?: OptionalParams;
	/** Body encoding: url-encoded fields (what the asset API reads) unless the official file says JSON. */
	encoding?: 'form' | 'json';
	/** Safe to send again when the answer of the first try was lost (it sets a value, creates nothing). */
	idempotent?: boolean;
	/** A browse by offset, with Return All / Limit. */
	paged?: boolean;
	/** An empty answer fails the item: the field to name, and the problem. */
	notFound?: { field: string; problem(values: Record<string, unknown>): string };
	shape?(records: IDataObject[], values: Record<string, unknown>): IDataObject[];
}

const asText = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

const isScalarList = (value: unknown): value is Array<string | number> =>
	Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number');

/** Marketo's asset API reads url-encoded fields; objects and lists travel as JSON text. */
export function formFields(body: Record<string, unknown>): Record<string, FormValue> {
	return Object.fromEntries(
		Object.entries(body)
			.filter(([, value]) => value !== undefined)
			.map(([key, value]) => [key, asText(value)]),
	);
}

/** In the query a list of plain values is one comma-separated value (`filterValues`); objects are JSON text (`folder`). */
function queryFields(query: Record<string, unknown>): Record<string, QueryValue> {
	return Object.fromEntries(
		Object.entries(query)
			.filter(([, value]) => value !== undefined)
			.map(([key, value]) => [key, isScalarList(value) ? value : asText(value)]),
	);
}

export function collectionProperty(optional: OptionalParams): INodeProperties {
	const options = optional.params.flatMap((param) => param.properties).sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		displayName: optional.displayName,
		name: optional.name,
		type: 'collection',
		placeholder: optional.placeholder,
		default: {},
		// A field required when shown alone is optional once it sits in a collection.
		options: options.map((option) => ({ ...option, required: false })),
	};
}

/** Values of all parameters, checked: top-level ones from the node, optional ones from their collection. */
export function readParams(ctx: IExecuteFunctions, itemIndex: number, params: Param[], optional?: OptionalParams): Array<{ param: Param; value: unknown }> {
	const topLevel: ValueSource = (name) => ctx.getNodeParameter(name, itemIndex, undefined);
	const collection = optional ? ((ctx.getNodeParameter(optional.name, itemIndex, {}) ?? {}) as IDataObject) : {};
	const inCollection: ValueSource = (name) => collection[name];
	return [
		...params.map((param) => ({ param, value: param.value(topLevel, itemIndex) })),
		...(optional?.params ?? []).map((param) => ({ param, value: param.value(inCollection, itemIndex) })),
	].filter(({ value }) => value !== undefined);
}

export function fillPath(path: string, values: Record<string, unknown>, itemIndex: number): string {
	return path.replace(/\{(\w+)\}/g, (_match, key: string) => {
		if (values[key] === undefined) throw new ItemInputError(itemIndex, key, 'is missing');
		return encodeURIComponent(String(values[key]));
	});
}

/** Builds the call an endpoint spec describes from the item's checked values. */
export function requestFor(spec: Pick<EndpointSpec, 'method' | 'path' | 'encoding' | 'idempotent'>, read: Array<{ param: Param; value: unknown }>, itemIndex: number): MarketoRequest {
	const byPlace = (place: Param['in']) => Object.fromEntries(read.filter(({ param }) => param.in === place).map(({ param, value }) => [param.key, value]));
	const body = byPlace('body');
	const hasBody = Object.keys(body).length > 0;
	const qs = queryFields(byPlace('query'));
	return {
		method: spec.method,
		path: fillPath(spec.path, byPlace('path'), itemIndex),
		...(Object.keys(qs).length > 0 ? { qs } : {}),
		...(hasBody && spec.encoding === 'json' ? { body } : {}),
		...(hasBody && spec.encoding !== 'json' ? { body: formFields(body), bodyEncoding: 'form' as const } : {}),
		...(spec.idempotent ? { idempotent: true } : {}),
	};
}

export function endpointCall(spec: EndpointSpec): AssetCall {
	const params = spec.params ?? [];
	return {
		operation: spec.operation,
		name: spec.name,
		description: spec.description,
		action: spec.action,
		properties: [
			...params.flatMap((param) => param.properties),
			...(spec.optional ? [collectionProperty(spec.optional)] : []),
			...(spec.paged ? returnAllOrLimit : []),
		],
		plan(ctx, itemIndex) {
			const read = readParams(ctx, itemIndex, params, spec.optional);
			const values = Object.fromEntries(read.map(({ param, value }) => [param.key, value]));
			const { notFound, shape } = spec;
			return {
				request: requestFor(spec, read, itemIndex),
				...(spec.paged ? { paged: { limit: readLimit(ctx, itemIndex) } } : {}),
				...(notFound ? { notFound: () => new ItemInputError(itemIndex, notFound.field, notFound.problem(values)) } : {}),
				...(shape ? { shape: (records: IDataObject[]) => shape(records, values) } : {}),
			};
		},
	};
}
