import type { IDataObject } from 'n8n-workflow';

import { activityTypeSets, type FeedFilters } from '../Marketo/actions/activity/activityFeed';

/** Standard activity type ids (the same in every Marketo instance). */
export const NEW_LEAD = 12;
export const CHANGE_DATA_VALUE = 13;
export const ADD_TO_LIST = 24;
export const REMOVE_FROM_LIST = 25;

export const ACTIVITIES_PATH = '/rest/v1/activities.json';
export const LEAD_CHANGES_PATH = '/rest/v1/activities/leadchanges.json';
export const DELETED_LEADS_PATH = '/rest/v1/activities/deletedleads.json';

/** What an event needs from the node's fields; each reader names the field when it is wrong. */
export interface EventSettings {
	activityTypeIds(): number[];
	fields(): string[];
	listId(): number;
}

/** How one event reads Marketo: a feed, one walk per filter set, and which activities of it count. */
export interface EventPlan {
	path: string;
	filterSets: FeedFilters[];
	keeps(activity: IDataObject): boolean;
}

export interface TriggerEvent {
	value: string;
	name: string;
	description: string;
	/** Whether "Include Lead Fields" applies (a deleted lead has no fields left to read). */
	hasLead: boolean;
	plan(settings: EventSettings): EventPlan;
}

const everyActivity = () => true;

/**
 * The list activities carry the list as their primary attribute. The feed's `listId` filter means
 * "leads that are members now", which a lead removed from the list no longer is: filter here.
 */
function listEvent(value: string, name: string, typeId: number, verb: string): TriggerEvent {
	return {
		value,
		name,
		description: `A lead is ${verb} the static list you choose`,
		hasLead: true,
		plan: (settings) => {
			const listId = settings.listId();
			return {
				path: ACTIVITIES_PATH,
				filterSets: [{ activityTypeIds: [typeId] }],
				keeps: (activity) => Number(activity.primaryAttributeValueId) === listId,
			};
		},
	};
}

/** The trigger's events as data: the UI options and the requests come from this table. */
export const TRIGGER_EVENTS: readonly TriggerEvent[] = [
	{
		value: 'newLead',
		name: 'New Lead',
		description: 'A lead is created (the New Lead activity)',
		hasLead: true,
		plan: () => ({ path: ACTIVITIES_PATH, filterSets: [{ activityTypeIds: [NEW_LEAD] }], keeps: everyActivity }),
	},
	{
		value: 'leadFieldChanged',
		name: 'Lead Field Changed',
		description: 'A value of a lead field you choose changes, with the old and new value',
		hasLead: true,
		// Get Lead Changes also lists New Lead activities: only the changes count here.
		plan: (settings) => ({
			path: LEAD_CHANGES_PATH,
			filterSets: [{ fields: settings.fields() }],
			keeps: (activity) => Number(activity.activityTypeId) === CHANGE_DATA_VALUE,
		}),
	},
	{
		value: 'activity',
		name: 'Activity',
		description: 'An activity of a type you choose happens, custom activities included',
		hasLead: true,
		plan: (settings) => ({
			path: ACTIVITIES_PATH,
			filterSets: activityTypeSets(settings.activityTypeIds()).map((activityTypeIds) => ({ activityTypeIds })),
			keeps: everyActivity,
		}),
	},
	listEvent('addedToList', 'Added to List', ADD_TO_LIST, 'added to'),
	listEvent('removedFromList', 'Removed from List', REMOVE_FROM_LIST, 'removed from'),
	{
		value: 'deletedLead',
		name: 'Deleted Lead',
		description: 'A lead is deleted (Marketo keeps deletions 14 days)',
		hasLead: false,
		plan: () => ({ path: DELETED_LEADS_PATH, filterSets: [{}], keeps: everyActivity }),
	},
];

export function triggerEvent(value: string): TriggerEvent | undefined {
	return TRIGGER_EVENTS.find((event) => event.value === value);
}
