import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId, splitValues } from '../../helpers/validation';
import { marketoApiRequestRaw } from '../../transport';
import { leadIdProperty } from './common';

const properties: INodeProperties[] = [
	leadIdProperty('The Marketo ID of the lead that remains after the merge'),
	{
		displayName: 'Losing Lead IDs',
		name: 'losingLeadIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '318582, 318583',
		description: 'IDs of the leads merged into the winner and then deleted, separated by commas',
	},
	{
		displayName: 'Merge in CRM',
		name: 'mergeInCRM',
		type: 'boolean',
		default: false,
		description: 'Whether to merge the records in the synced CRM too (instances with a native CRM sync)',
	},
];

export const description = forOperation('lead', 'merge', properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await eachItem(
		this,
		items,
		(itemIndex) => {
			const winner = parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex));
			const losers = splitValues(this.getNodeParameter('losingLeadIds', itemIndex)).map((id) =>
				parseMarketoId(itemIndex, 'Losing Lead IDs', id),
			);
			if (losers.length === 0) throw new ItemInputError(itemIndex, 'Losing Lead IDs', 'is empty; enter at least one lead ID');
			if (losers.includes(winner)) throw new ItemInputError(itemIndex, 'Losing Lead IDs', `contains the winning lead ${winner}`);
			return { winner, losers, mergeInCRM: this.getNodeParameter('mergeInCRM', itemIndex, false) as boolean };
		},
		async ({ winner, losers, mergeInCRM }) => {
			// A merge deletes the losers: repeating it after a lost answer would fail, so it is not idempotent.
			await marketoApiRequestRaw(this, {
				method: 'POST',
				path: `/rest/v1/leads/${winner}/merge.json`,
				qs: { ...(losers.length === 1 ? { leadId: losers[0] } : { leadIds: losers }), mergeInCRM },
			});
			return [{ id: winner, mergedLeadIds: losers, status: 'merged' }];
		},
	);
}
