/** An attribute of an activity type, as Get Activity Types describes it. */
export interface ActivityTypeAttribute {
	name: string;
	dataType: string;
	apiName?: string;
}

/** A custom activity type's life cycle: only approved types take activities. */
export type CustomTypeStatus = 'approved' | 'draft';

export interface ActivityType {
	id: number;
	name: string;
	description: string;
	primaryAttribute: ActivityTypeAttribute;
	attributes: ActivityTypeAttribute[];
	/** Custom activity types (Admin > Marketo Custom Activities, or the API) only. */
	custom?: { apiName: string; status: CustomTypeStatus; triggerName: string; filterName: string };
}

const attribute = (name: string, dataType: string, apiName?: string): ActivityTypeAttribute => ({
	name,
	dataType,
	...(apiName ? { apiName } : {}),
});

/** Well-known standard type ids the emulator gives special meaning to. */
export const NEW_LEAD = 12;
export const CHANGE_DATA_VALUE = 13;
export const ADD_TO_LIST = 24;
export const REMOVE_FROM_LIST = 25;
export const DELETE_LEAD = 37;

/** Standard types keep Marketo's ids; custom types are numbered from 100000, as Marketo numbers them. */
export const ACTIVITY_TYPES: readonly ActivityType[] = [
	{
		id: 1,
		name: 'Visit Webpage',
		description: 'User visits a web page',
		primaryAttribute: attribute('Webpage ID', 'integer'),
		attributes: [attribute('Client IP Address', 'string'), attribute('Query Parameters', 'string'), attribute('Webpage URL', 'string')],
	},
	{
		id: 2,
		name: 'Fill Out Form',
		description: 'User fills out and submits a form on a web page',
		primaryAttribute: attribute('Webform ID', 'integer'),
		attributes: [attribute('Form Fields', 'text'), attribute('Webpage ID', 'integer')],
	},
	{
		id: 3,
		name: 'Click Link',
		description: 'User clicks on a link on a web page',
		primaryAttribute: attribute('Link ID', 'integer'),
		attributes: [attribute('Webpage ID', 'integer'), attribute('Referrer URL', 'string')],
	},
	{
		id: 6,
		name: 'Send Email',
		description: 'Send a Marketo email to a person',
		primaryAttribute: attribute('Mailing ID', 'integer'),
		attributes: [attribute('Campaign Run ID', 'integer'), attribute('Step ID', 'integer')],
	},
	{
		id: 7,
		name: 'Email Delivered',
		description: 'Marketo email is delivered to a person',
		primaryAttribute: attribute('Mailing ID', 'integer'),
		attributes: [attribute('Campaign Run ID', 'integer'), attribute('Step ID', 'integer')],
	},
	{
		id: 9,
		name: 'Unsubscribe Email',
		description: 'Person unsubscribes from Marketo emails',
		primaryAttribute: attribute('Mailing ID', 'integer'),
		attributes: [attribute('Client IP Address', 'string'), attribute('Webform ID', 'integer')],
	},
	{
		id: 10,
		name: 'Open Email',
		description: 'User opens a Marketo email',
		primaryAttribute: attribute('Mailing ID', 'integer'),
		attributes: [attribute('Device', 'string'), attribute('Platform', 'string')],
	},
	{
		id: 11,
		name: 'Click Email',
		description: 'User clicks on a link in a Marketo email',
		primaryAttribute: attribute('Mailing ID', 'integer'),
		attributes: [attribute('Link', 'string')],
	},
	{
		id: NEW_LEAD,
		name: 'New Lead',
		description: 'New person/record is added to the lead database',
		primaryAttribute: attribute('Lead ID', 'integer'),
		attributes: [attribute('Source Type', 'string'), attribute('Form Name', 'string')],
	},
	{
		id: CHANGE_DATA_VALUE,
		name: 'Change Data Value',
		description: 'Changed attribute value for a person',
		primaryAttribute: attribute('Attribute Name', 'integer'),
		attributes: [attribute('New Value', 'string'), attribute('Old Value', 'string'), attribute('Reason', 'string'), attribute('Source', 'string')],
	},
	{
		id: ADD_TO_LIST,
		name: 'Add to List',
		description: 'Person is added to a list',
		primaryAttribute: attribute('List ID', 'integer'),
		attributes: [attribute('Source', 'string')],
	},
	{
		id: REMOVE_FROM_LIST,
		name: 'Remove from List',
		description: 'Person is removed from a list',
		primaryAttribute: attribute('List ID', 'integer'),
		attributes: [attribute('Source', 'string')],
	},
	{
		id: DELETE_LEAD,
		name: 'Delete Lead',
		description: 'Delete lead from the lead database',
		primaryAttribute: attribute('Lead ID', 'integer'),
		attributes: [attribute('Remove from CRM', 'boolean')],
	},
	{
		id: 104,
		name: 'Change Status in Progression',
		description: "Change a person's program status",
		primaryAttribute: attribute('Program ID', 'integer'),
		attributes: [attribute('New Status ID', 'integer'), attribute('Old Status ID', 'integer'), attribute('Success', 'boolean')],
	},
	{
		id: 100001,
		name: 'Visited Trade Show Booth',
		description: 'Person was scanned at a trade show booth',
		primaryAttribute: attribute('Booth Name', 'string', 'boothName'),
		attributes: [attribute('Event Name', 'string', 'eventName'), attribute('Minutes at Booth', 'integer', 'minutesAtBooth')],
		custom: { apiName: 'tradeShowBoothVisit', status: 'approved', triggerName: 'Visits Trade Show Booth', filterName: 'Visited Trade Show Booth' },
	},
	{
		id: 100002,
		name: 'Opened Support Ticket',
		description: 'Person opened a ticket with support (not approved yet)',
		primaryAttribute: attribute('Ticket Subject', 'string', 'ticketSubject'),
		attributes: [attribute('Priority', 'string', 'priority')],
		custom: { apiName: 'supportTicketOpened', status: 'draft', triggerName: 'Opens Support Ticket', filterName: 'Opened Support Ticket' },
	},
];

export function activityType(id: number): ActivityType | undefined {
	return ACTIVITY_TYPES.find((type) => type.id === id);
}

/** Get Activity Types lists the standard types and the approved custom ones. */
export function isListed(type: ActivityType): boolean {
	return type.custom === undefined || type.custom.status === 'approved';
}
