import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import { readLimit, returnAllOrLimit } from '../../helpers/pagingProperties';
import { marketoPagesByToken } from '../../transport';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { collectPages } from '../../transport/paging';
import { leadFieldsProperty, readFields } from '../lead/common';
import { STATIC_LIST } from './common';
import { readRecordId, recordLocator } from './recordOperations';

const properties: INodeProperties[] = [
	recordLocator(STATIC_LIST, 'The static list whose members to return'),
	...returnAllOrLimit,
	leadFieldsProperty,
];

export const description = forOperation('staticList', 'getMembers', properties);

/** The list's leads, one output item per lead, paged 300 at a time until the item's limit. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await eachItem(
		this,
		items,
		(itemIndex) => ({
			listId: readRecordId(this, itemIndex, STATIC_LIST),
			fields: readFields(this.getNodeParameter('fields', itemIndex, [])),
			limit: readLimit(this, itemIndex),
		}),
		async ({ listId, fields, limit }) => {
			const batchSize = Math.min(limit ?? LEAD_DATABASE_BATCH_LIMIT, LEAD_DATABASE_BATCH_LIMIT);
			const pages = marketoPagesByToken<IDataObject>(this, {
				method: 'GET',
				path: `/rest/v1/lists/${listId}/leads.json`,
				qs: { ...(fields.length > 0 ? { fields } : {}), batchSize },
			});
			return await collectPages(pages, limit);
		},
	);
}
