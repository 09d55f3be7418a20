import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { returnAllOrLimit } from '../../helpers/pagingProperties';
import { parseMarketoId, splitValues } from '../../helpers/validation';
import { activityTypeSets, readActivityFeed } from './activityFeed';
import { activityTypesProperty, leadIdsProperty, readListFilter, sinceProperty, staticListOption } from './feedProperties';

const TYPES_FIELD = 'Activity Type Names or IDs';

const properties: INodeProperties[] = [
	activityTypesProperty('Kinds of activity to return'),
	sinceProperty('activities'),
	leadIdsProperty('activities'),
	...returnAllOrLimit,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Primary Asset IDs',
				name: 'assetIds',
				type: 'string',
				default: '',
				placeholder: '1001, 1002',
				description:
					"Only return activities whose primary asset (e.g. the email of an Open Email activity) has one of these IDs, separated by commas. Works with exactly one activity type.",
			},
			staticListOption,
		],
	},
];

export const description = forOperation('activity', 'getMany', properties);

function readTypeIds(ctx: IExecuteFunctions, itemIndex: number): number[] {
	const ids = splitValues(ctx.getNodeParameter('activityTypeIds', itemIndex, []));
	if (ids.length === 0) throw new ItemInputError(itemIndex, TYPES_FIELD, 'is empty; choose at least one activity type');
	return ids.map((id) => parseMarketoId(itemIndex, TYPES_FIELD, id));
}

/** Activities of the chosen types since a date, for all leads or the items' leads (pooled 30 per call). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await readActivityFeed(this, items, {
		path: '/rest/v1/activities.json',
		byLead: true,
		readFilters: (itemIndex) => {
			const typeIds = readTypeIds(this, itemIndex);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const assetIds = splitValues(options.assetIds).map((id) => parseMarketoId(itemIndex, 'Primary Asset IDs', id));
			const typeSets = activityTypeSets(typeIds);
			const chosen = typeSets.flat().length;
			if (assetIds.length > 0 && chosen !== 1) {
				throw new ItemInputError(itemIndex, 'Primary Asset IDs', `works with exactly one activity type; ${chosen} are chosen`);
			}
			const shared = { ...readListFilter(this, itemIndex), ...(assetIds.length > 0 ? { assetIds } : {}) };
			return typeSets.map((activityTypeIds) => ({ activityTypeIds, ...shared }));
		},
	});
}
