import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import { readLimit, returnAllOrLimit } from '../../helpers/pagingProperties';
import { parseMarketoId } from '../../helpers/validation';
import { marketoPagesByToken } from '../../transport';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { collectPages } from '../../transport/paging';
import type { MarketoOperation } from '../operation';
import { leadIdProperty } from './common';

/** The three membership lists of a lead differ only by path. */
export const MEMBERSHIPS = [
	{ operation: 'getListMemberships', name: 'Get List Memberships', of: 'static lists', path: 'listMembership' },
	{ operation: 'getProgramMemberships', name: 'Get Program Memberships', of: 'programs', path: 'programMembership' },
	{ operation: 'getSmartCampaignMemberships', name: 'Get Smart Campaign Memberships', of: 'smart campaigns', path: 'smartCampaignMembership' },
] as const;

function membershipOperation({ operation, of, path }: (typeof MEMBERSHIPS)[number]): MarketoOperation {
	const properties: INodeProperties[] = [leadIdProperty(`The Marketo ID of the lead whose ${of} to list`), ...returnAllOrLimit];
	return {
		description: forOperation('lead', operation, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			return await eachItem(
				this,
				items,
				(itemIndex) => ({
					leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
					limit: readLimit(this, itemIndex),
				}),
				async ({ leadId, limit }) => {
					const pages = marketoPagesByToken<IDataObject>(this, {
						method: 'GET',
						path: `/rest/v1/leads/${leadId}/${path}.json`,
						qs: { batchSize: LEAD_DATABASE_BATCH_LIMIT },
					});
					return (await collectPages(pages, limit)).map((membership) => ({ leadId, ...membership }));
				},
			);
		},
	};
}

export const membershipOperations: Record<string, MarketoOperation> = Object.fromEntries(
	MEMBERSHIPS.map((membership) => [membership.operation, membershipOperation(membership)]),
);
