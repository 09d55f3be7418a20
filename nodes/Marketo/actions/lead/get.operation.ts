import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { lookupLeads, lookupOutcome } from '../../helpers/leadLookup';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import { groupBy, readInputs } from '../inputs';
import { leadFieldsProperty, leadIdProperty, readFields } from './common';

const properties: INodeProperties[] = [
	leadIdProperty('The Marketo ID of the lead'),
	leadFieldsProperty,
];

export const description = forOperation('lead', 'get', properties);

/** Many items' ids go out together: filterType=id takes 300 ids per call. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex) => ({
		id: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
		fields: readFields(this.getNodeParameter('fields', itemIndex, [])),
	}));
	const outcomes = [...invalid];
	for (const group of groupBy(inputs, ({ input }) => input.fields.join(','))) {
		const queries = group.map(({ itemIndex, input }) => ({ itemIndex, values: [String(input.id)], limit: 1 }));
		const found = await lookupLeads(this, 'id', group[0].input.fields, queries);
		for (const { itemIndex, input } of group) {
			const notFound = () => new ItemInputError(itemIndex, 'Lead ID', `no lead with id ${input.id} exists in Marketo`);
			outcomes.push(lookupOutcome(found, itemIndex, notFound));
		}
	}
	return outcomes;
}
