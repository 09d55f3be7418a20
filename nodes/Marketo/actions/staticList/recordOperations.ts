import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { chunksOf } from '../../helpers/chunks';
import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import { failed, ItemInputError, RecordRejectedError, succeeded, type ItemOutcome } from '../../helpers/outcomes';
import { readLimit, returnAllOrLimit } from '../../helpers/pagingProperties';
import { parseMarketoId, splitValues } from '../../helpers/validation';
import { marketoPagesByToken, rawRequester } from '../../transport';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { collectPages, pagesByToken } from '../../transport/paging';
import { readInputs } from '../inputs';
import type { MarketoOperation } from '../operation';

/**
 * Static lists and smart campaigns are queried the same way (`GET <path>?id=…&name=…`, paged by
 * nextPageToken) and picked the same way in the UI; a kind describes one of them as data.
 */
export interface RecordKind {
	resource: string;
	/** Lower case, for messages: "static list". */
	noun: string;
	/** The locator field's display name, used in messages too. */
	displayName: string;
	/** The locator field's parameter name. */
	parameter: string;
	/** The query endpoint, e.g. `/rest/v1/lists.json`. */
	path: string;
	/** Marketo UI URLs carry the id after this code: `https://app-ab12.marketo.com/#ST1021A1`. */
	urlCode: string;
	searchListMethod: string;
	/** Options of Get Many's Filters collection; text filters take comma-separated values. */
	filters: INodeProperties[];
}

/** A Get Many filter that takes exact names, separated by commas. */
export function textFilter(displayName: string, name: string, placeholder: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', placeholder, description };
}

const urlPattern = (kind: RecordKind) => new RegExp(`[#/]${kind.urlCode}(\\d+)A\\d`);

/** From list (searchable), By URL (the Marketo UI address), By ID. */
export function recordLocator(kind: RecordKind, description: string, searchListMethod = kind.searchListMethod): INodeProperties {
	return {
		displayName: kind.displayName,
		name: kind.parameter,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `https://app-ab12.marketo.com/#${kind.urlCode}1021A1`,
				validation: [
					{
						type: 'regex',
						properties: { regex: `.*[#/]${kind.urlCode}\\d+A\\d.*`, errorMessage: `Not a Marketo ${kind.noun} URL` },
					},
				],
				extractValue: { type: 'regex', regex: urlPattern(kind).source },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '1021',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `Not a ${kind.noun} ID` } }],
			},
		],
	};
}

/** The id the item's locator points at; a URL or id that is not one is named before any call. */
export function readRecordId(ctx: IExecuteFunctions, itemIndex: number, kind: RecordKind): number {
	const raw = ctx.getNodeParameter(kind.parameter, itemIndex) as INodeParameterResourceLocator | string | number;
	const { mode, value } = typeof raw === 'object' && raw !== null ? raw : { mode: 'id', value: raw };
	if (mode === 'url') {
		const match = urlPattern(kind).exec(String(value ?? ''));
		if (!match) {
			throw new ItemInputError(itemIndex, kind.displayName, `"${String(value)}" is not a Marketo ${kind.noun} URL (…/#${kind.urlCode}1021A1)`);
		}
		return Number(match[1]);
	}
	return parseMarketoId(itemIndex, kind.displayName, value);
}

/** Get: the ids of all items pooled, 300 per call, each record handed back to the items that asked for it. */
export function getOperation(kind: RecordKind): MarketoOperation {
	return {
		description: forOperation(kind.resource, 'get', [recordLocator(kind, `The ${kind.noun} to get`)]),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			const { inputs, invalid } = readInputs(this, items, (itemIndex) => readRecordId(this, itemIndex, kind));
			const found = new Map<number, IDataObject | Error>();
			const send = rawRequester(this);
			const ids = [...new Set(inputs.map(({ input }) => input))];
			await Promise.all(
				chunksOf(ids, LEAD_DATABASE_BATCH_LIMIT).map(async (chunk) => {
					try {
						const pages = pagesByToken<IDataObject>(send, { method: 'GET', path: kind.path, qs: { id: chunk, batchSize: LEAD_DATABASE_BATCH_LIMIT } });
						for await (const page of pages) for (const record of page) found.set(Number(record.id), record);
					} catch (error) {
						for (const id of chunk) found.set(id, error as Error);
					}
				}),
			);
			const outcomes = inputs.map(({ itemIndex, input: id }) => {
				const answer = found.get(id) ?? new ItemInputError(itemIndex, kind.displayName, `no ${kind.noun} with id ${id} exists in Marketo`);
				return answer instanceof Error ? failed(itemIndex, answer) : succeeded(itemIndex, answer);
			});
			return [...invalid, ...outcomes];
		},
	};
}

/** Text filters become comma-separated lists, a true boolean filter becomes `true`; empty ones are left out. */
function filterQuery(filters: IDataObject): Record<string, string[] | boolean> {
	const qs: Record<string, string[] | boolean> = {};
	for (const [name, value] of Object.entries(filters)) {
		if (typeof value === 'boolean') {
			if (value) qs[name] = true;
			continue;
		}
		const values = splitValues(value);
		if (values.length > 0) qs[name] = values;
	}
	return qs;
}

/** Get Many: each item's filters, paged by nextPageToken until its limit. */
export function getManyOperation(kind: RecordKind): MarketoOperation {
	const properties: INodeProperties[] = [
		...returnAllOrLimit,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: kind.filters,
		},
	];
	return {
		description: forOperation(kind.resource, 'getMany', properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			return await eachItem(
				this,
				items,
				(itemIndex) => ({
					qs: filterQuery(this.getNodeParameter('filters', itemIndex, {}) as IDataObject),
					limit: readLimit(this, itemIndex),
				}),
				async ({ qs, limit }) => {
					const batchSize = Math.min(limit ?? LEAD_DATABASE_BATCH_LIMIT, LEAD_DATABASE_BATCH_LIMIT);
					return await collectPages(marketoPagesByToken<IDataObject>(this, { method: 'GET', path: kind.path, qs: { ...qs, batchSize } }), limit);
				},
			);
		},
	};
}

/** Several items may name the same lead: Marketo gets it once, and each of those items gets the answer as its own. */
export async function oncePerLead(
	entries: Array<{ itemIndex: number; leadId: number }>,
	send: (unique: Array<{ itemIndex: number; record: number }>) => Promise<ItemOutcome[]>,
): Promise<ItemOutcome[]> {
	const itemsByLead = new Map<number, number[]>();
	for (const { itemIndex, leadId } of entries) itemsByLead.set(leadId, [...(itemsByLead.get(leadId) ?? []), itemIndex]);
	const unique = [...itemsByLead.entries()].map(([leadId, [itemIndex]]) => ({ itemIndex, record: leadId }));
	const leadOfItem = new Map(unique.map(({ itemIndex, record }) => [itemIndex, record]));
	const outcomes = await send(unique);
	return outcomes.flatMap((outcome) => {
		const [, ...others] = itemsByLead.get(leadOfItem.get(outcome.itemIndex) ?? 0) ?? [];
		return [outcome, ...others.map((itemIndex) => sharedOutcome(outcome, itemIndex))];
	});
}

function sharedOutcome(outcome: ItemOutcome, itemIndex: number): ItemOutcome {
	if ('records' in outcome) return succeeded(itemIndex, ...outcome.records);
	const { error } = outcome;
	return failed(itemIndex, error instanceof RecordRejectedError ? error.forItem(itemIndex) : error);
}
