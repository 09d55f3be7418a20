import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { returnAllOrLimit } from '../../helpers/pagingProperties';
import { parseMarketoId, splitValues } from '../../helpers/validation';
import { readActivityFeed } from './activityFeed';
import { leadIdsProperty, readListFilter, sinceProperty, staticListOption } from './feedProperties';

/** Get Lead Activities takes at most 10 activity type ids per call. */
export const ACTIVITY_TYPE_IDS_LIMIT = 10;

const TYPES_FIELD = 'Activity Type Names or IDs';

const properties: INodeProperties[] = [
	{
		displayName: TYPES_FIELD,
		name: 'activityTypeIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getActivityTypes' },
		required: true,
		default: [],
		description: `Kinds of activity to return, custom activities included. Marketo takes ${ACTIVITY_TYPE_IDS_LIMIT} per call; more are read in several passes and merged by date. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	},
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
	return [...new Set(ids.map((id) => parseMarketoId(itemIndex, TYPES_FIELD, id)))].sort((a, b) => a - b);
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
			if (assetIds.length > 0 && typeIds.length !== 1) {
				throw new ItemInputError(itemIndex, 'Primary Asset IDs', `works with exactly one activity type; ${typeIds.length} are chosen`);
			}
			const shared = { ...readListFilter(this, itemIndex), ...(assetIds.length > 0 ? { assetIds } : {}) };
			const sets = [];
			for (let start = 0; start < typeIds.length; start += ACTIVITY_TYPE_IDS_LIMIT) {
				sets.push({ activityTypeIds: typeIds.slice(start, start + ACTIVITY_TYPE_IDS_LIMIT), ...shared });
			}
			return sets;
		},
	});
}
