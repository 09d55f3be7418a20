import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeInBatches } from '../../helpers/batchWrite';
import { forOperation } from '../../helpers/displayOptions';
import type { ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { readInputs } from '../inputs';
import { leadIdProperty } from './common';

const properties: INodeProperties[] = [
	leadIdProperty('The Marketo ID of the lead to delete'),
];

export const description = forOperation('lead', 'delete', properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex) =>
		parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
	);
	const entries = inputs.map(({ itemIndex, input }) => ({ itemIndex, record: { id: input } }));
	const written = await writeInBatches(this, entries, {
		maxRecords: LEAD_DATABASE_BATCH_LIMIT,
		buildRequest: (input) => ({ method: 'POST', path: '/rest/v1/leads/delete.json', body: { input } }),
		successStatuses: ['deleted'],
	});
	return [...invalid, ...written];
}
