import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import type { ItemOutcome } from '../../helpers/outcomes';
import { returnAllOrLimit } from '../../helpers/pagingProperties';
import { readActivityFeed } from './activityFeed';
import { sinceProperty } from './feedProperties';

const properties: INodeProperties[] = [sinceProperty('leads deleted'), ...returnAllOrLimit];

export const description = forOperation('activity', 'getDeletedLeads', properties);

/** Leads deleted since a date (Marketo may prune deletions older than 14 days). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await readActivityFeed(this, items, { path: '/rest/v1/activities/deletedleads.json', byLead: false, readFilters: () => [{}] });
}
