import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseMarketoId } from '../../helpers/validation';
import { ACTIVITY_LEAD_IDS_LIMIT, ACTIVITY_TYPE_IDS_LIMIT } from './activityFeed';

/** The start of a feed read: Marketo returns what happened at or after it. */
export const sinceProperty = (what: string): INodeProperties => ({
	displayName: 'Since',
	name: 'sinceDatetime',
	type: 'dateTime',
	required: true,
	default: '',
	description: `Return ${what} from this date and time on (ISO 8601, e.g. 2026-01-31T00:00:00Z)`,
});

export const leadIdsProperty = (what: string): INodeProperties => ({
	displayName: 'Lead IDs',
	name: 'leadIds',
	type: 'string',
	default: '',
	placeholder: '318581, 318582',
	description: `Only return ${what} of these leads (Marketo IDs, separated by commas); leave empty for all leads. Lead IDs from many items are sent together, ${ACTIVITY_LEAD_IDS_LIMIT} per call.`,
});

export const staticListOption: INodeProperties = {
	displayName: 'Static List ID',
	name: 'listId',
	type: 'string',
	default: '',
	placeholder: '1021',
	description: 'Only return activities of leads that are members of this static list',
};

/** The Static List ID option as a query filter (left out when empty). */
export function readListFilter(ctx: IExecuteFunctions, itemIndex: number): { listId?: number } {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const value = String(options.listId ?? '').trim();
	return value ? { listId: parseMarketoId(itemIndex, 'Static List ID', value) } : {};
}

/** The activity types to read (custom ones included); `what` says what they are for. */
export const activityTypesProperty = (what: string): INodeProperties => ({
	displayName: 'Activity Type Names or IDs',
	name: 'activityTypeIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getActivityTypes' },
	required: true,
	default: [],
	description: `${what}, custom activities included. Marketo takes ${ACTIVITY_TYPE_IDS_LIMIT} per call; more are read in several passes and merged by date. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

/** The lead fields whose changes Get Lead Changes reads; `what` says what they are for. */
export const fieldsToWatchProperty = (what: string): INodeProperties => ({
	displayName: 'Fields to Watch Names or IDs',
	name: 'fields',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLeadFields' },
	required: true,
	default: [],
	description: `${what}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});
