import type { INodeProperties } from 'n8n-workflow';

import { activityTypesProperty, fieldsToWatchProperty } from '../Marketo/actions/activity/feedProperties';
import { STATIC_LIST } from '../Marketo/actions/staticList/common';
import { recordLocator } from '../Marketo/actions/staticList/recordOperations';
import { TRIGGER_EVENTS } from './events';

/** Marketo answers at most 300 activities per page. */
export const FEED_PAGE_LIMIT = 300;
export const DEFAULT_MAX_ACTIVITIES_PER_POLL = 1000;
/** A poll reads at most this many pages (a filtered feed may answer empty pages while more follow). */
export const MAX_PAGES_PER_POLL = 20;
export const MAX_ACTIVITIES_PER_POLL = FEED_PAGE_LIMIT * MAX_PAGES_PER_POLL;

const onlyFor = (events: string[], property: INodeProperties): INodeProperties => ({ ...property, displayOptions: { show: { event: events } } });

const eventsWithLead = TRIGGER_EVENTS.filter((event) => event.hasLead).map((event) => event.value);

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Each poll delivers what happened since the previous one, once. The first poll after activation starts from that moment and delivers nothing; "Fetch Test Event" shows recent matching activities without moving that position.',
		name: 'startNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		options: TRIGGER_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
		default: 'newLead',
	},
	onlyFor(['leadFieldChanged'], fieldsToWatchProperty('Lead fields whose changes start the workflow')),
	onlyFor(['activity'], activityTypesProperty('Kinds of activity that start the workflow')),
	onlyFor(['addedToList', 'removedFromList'], recordLocator(STATIC_LIST, 'The static list to watch')),
	onlyFor(eventsWithLead, {
		displayName: 'Include Lead Field Names or IDs',
		name: 'leadFields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLeadFields' },
		default: [],
		description:
			'Lead fields to add to each activity, under "lead" (one lookup per poll for all its leads, 300 per call). Leave empty for none. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Max Activities per Poll',
				name: 'maxActivities',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_ACTIVITIES_PER_POLL },
				default: DEFAULT_MAX_ACTIVITIES_PER_POLL,
				description: `Most activities one poll reads from Marketo (at most ${MAX_PAGES_PER_POLL} pages); the rest are delivered by the next polls, from where this one stopped`,
			},
		],
	},
	{
		displayName:
			'After a long pause the trigger goes on from where it stopped. Marketo keeps most activities 90 days to 25 months and deleted leads 14 days; if it no longer accepts the saved position, the trigger reads again from the date of the last activity it delivered and skips what it already delivered (see the execution log).',
		name: 'gapNotice',
		type: 'notice',
		default: '',
	},
];
