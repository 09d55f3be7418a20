import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { lookupLeads, lookupOutcome } from '../../helpers/leadLookup';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { readLimit, returnAllOrLimit } from '../../helpers/pagingProperties';
import { splitValues } from '../../helpers/validation';
import { groupBy, readInputs } from '../inputs';
import { leadFieldsProperty, readFields } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Filter Type Name or ID',
		name: 'filterType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLeadFilterTypes' },
		required: true,
		default: 'email',
		description:
			'The searchable lead field to match on. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Filter Values',
		name: 'filterValues',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'jane@example.com, joe@example.com',
		description: 'Values to match, separated by commas. Values from many items are sent together, 300 per call.',
	},
	...returnAllOrLimit,
	leadFieldsProperty,
];

export const description = forOperation('lead', 'getMany', properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex) => {
		const values = splitValues(this.getNodeParameter('filterValues', itemIndex));
		if (values.length === 0) throw new ItemInputError(itemIndex, 'Filter Values', 'is empty; enter at least one value to match');
		return {
			filterType: String(this.getNodeParameter('filterType', itemIndex)),
			fields: readFields(this.getNodeParameter('fields', itemIndex, [])),
			values,
			limit: readLimit(this, itemIndex),
		};
	});
	const outcomes = [...invalid];
	for (const group of groupBy(inputs, ({ input }) => `${input.filterType}|${input.fields.join(',')}`)) {
		const { filterType, fields } = group[0].input;
		const queries = group.map(({ itemIndex, input }) => ({ itemIndex, values: input.values, limit: input.limit }));
		const found = await lookupLeads(this, filterType, fields, queries);
		outcomes.push(...group.map(({ itemIndex }) => lookupOutcome(found, itemIndex)));
	}
	return outcomes;
}
