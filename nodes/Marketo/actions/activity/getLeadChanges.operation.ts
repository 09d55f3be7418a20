import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { returnAllOrLimit } from '../../helpers/pagingProperties';
import { readFields } from '../lead/common';
import { readActivityFeed } from './activityFeed';
import { fieldsToWatchProperty, leadIdsProperty, readListFilter, sinceProperty, staticListOption } from './feedProperties';

const FIELDS_FIELD = 'Fields to Watch Names or IDs';

const properties: INodeProperties[] = [
	fieldsToWatchProperty('Lead fields whose changes to return. New leads are returned too'),
	sinceProperty('lead changes'),
	leadIdsProperty('changes'),
	...returnAllOrLimit,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [staticListOption],
	},
];

export const description = forOperation('activity', 'getLeadChanges', properties);

/** Data value changes of the watched fields (and new leads) since a date; each carries the fields' old and new values. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await readActivityFeed(this, items, {
		path: '/rest/v1/activities/leadchanges.json',
		byLead: true,
		readFilters: (itemIndex) => {
			const fields = [...new Set(readFields(this.getNodeParameter('fields', itemIndex, [])))].sort();
			if (fields.length === 0) throw new ItemInputError(itemIndex, FIELDS_FIELD, 'is empty; choose at least one lead field to watch');
			return [{ fields, ...readListFilter(this, itemIndex) }];
		},
	});
}
