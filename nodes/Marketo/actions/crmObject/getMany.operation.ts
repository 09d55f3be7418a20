import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { failed, ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { readLimit, returnAllOrLimit } from '../../helpers/pagingProperties';
import { lookupRecords, recordLookupOutcome, type RecordQuery } from '../../helpers/recordLookup';
import { splitValues } from '../../helpers/validation';
import { settle } from '../../transport/settle';
import { groupBy, readInputs } from '../inputs';
import type { MarketoOperation } from '../operation';
import { describedOptions, fieldsToReturnProperty, withoutSeq } from './objectFields';
import type { ObjectKind } from './objectKinds';
import { basePathFor, defaultFieldsFor } from './objectTarget';

// Marketo's names for "the id field" and "the dedupe key": not a field of the returned records.
const PSEUDO_FILTER_TYPES = new Set(['idField', 'dedupeFields']);

interface GetManyInput {
	basePath: string;
	filterType: string;
	fields: string[];
	values: string[];
	limit?: number;
}

function properties(kind: ObjectKind): INodeProperties[] {
	return [
		...kind.leadingProperties,
		{
			displayName: 'Filter Type Name or ID',
			name: 'filterType',
			type: 'options',
			typeOptions: describedOptions(kind, 'getObjectFilterTypes'),
			required: true,
			default: '',
			description: `The searchable ${kind.displayName} field to match on (describe's searchableFields). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		},
		{
			displayName: 'Filter Values',
			name: 'filterValues',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'value1, value2',
			description: 'Values to match, separated by commas. Values from many items are sent together, 300 per call.',
		},
		...returnAllOrLimit,
		fieldsToReturnProperty(kind),
	];
}

function readGetManyInput(ctx: IExecuteFunctions, kind: ObjectKind, itemIndex: number): GetManyInput {
	const basePath = basePathFor(ctx, kind, itemIndex);
	const filterType = String(ctx.getNodeParameter('filterType', itemIndex, '') ?? '').trim();
	if (filterType === '') throw new ItemInputError(itemIndex, 'Filter Type', `is empty; choose a searchable ${kind.displayName} field`);
	const values = splitValues(ctx.getNodeParameter('filterValues', itemIndex, ''));
	if (values.length === 0) throw new ItemInputError(itemIndex, 'Filter Values', 'is empty; enter at least one value to match');
	return { basePath, filterType, values, fields: splitValues(ctx.getNodeParameter('fields', itemIndex, [])), limit: readLimit(ctx, itemIndex) };
}

async function findRecords(ctx: IExecuteFunctions, kind: ObjectKind, input: GetManyInput, queries: RecordQuery[]) {
	const fields = input.fields.length > 0 ? input.fields : await defaultFieldsFor(ctx, kind, input.basePath);
	return await lookupRecords(
		ctx,
		{ path: `${input.basePath}.json`, filterType: input.filterType, fields, idField: kind.idField, unmatchable: PSEUDO_FILTER_TYPES.has(input.filterType) },
		queries,
	);
}

/** Get Many by filter: the items' values pooled, 300 per call, paged, each record handed back to its item. */
export function getManyOperation(kind: ObjectKind): MarketoOperation {
	return {
		description: forOperation(kind.resource, 'getMany', properties(kind)),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			const { inputs, invalid } = readInputs(this, items, (itemIndex) => readGetManyInput(this, kind, itemIndex));
			const outcomes = [...invalid];
			for (const group of groupBy(inputs, ({ input }) => `${input.basePath}|${input.filterType}|${input.fields.join(',')}`)) {
				const queries = group.map(({ itemIndex, input }) => ({ itemIndex, values: input.values, limit: input.limit }));
				const found = await settle(findRecords(this, kind, group[0].input, queries));
				for (const { itemIndex } of group) {
					outcomes.push(found.ok ? withoutSeq(recordLookupOutcome(found.value, itemIndex)) : failed(itemIndex, found.error as Error));
				}
			}
			return outcomes;
		},
	};
}
