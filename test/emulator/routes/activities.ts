import { activitiesOf, type Activity, type ActivityStore } from '../activities/ActivityStore';
import { ACTIVITY_TYPES, activityType, CHANGE_DATA_VALUE, DELETE_LEAD, isListed, NEW_LEAD, type ActivityType } from '../activities/activityTypes';
import { addCustomActivities } from '../activities/customActivities';
import { decodeFeedToken, encodeFeedToken, feedTokenSince, type FeedPosition } from '../activities/feedToken';
import { MarketoFailure, marketoErrors } from '../errors';
import { leadField } from '../leads/leadFields';
import { marketoTimestamp } from '../leads/leadValues';
import { listsOf } from '../lists/ListStore';
import { integerParam, listParam } from '../lists/queryParams';
import { LEAD_BATCH_LIMIT } from '../rules';
import type { Route, RouteAnswer, RouteContext } from './route';

/** Get Lead Activities takes at most 10 activity type ids per call (1003 past it). */
export const ACTIVITY_TYPE_IDS_LIMIT = 10;
/** Get Lead Activities and Get Lead Changes take at most 30 lead ids per call (1003 past it). */
export const ACTIVITY_LEAD_IDS_LIMIT = 30;

const TYPES_CREATED_AT = marketoTimestamp(Date.parse('2023-06-01T12:00:00Z'));

/** The token's position; one issued before the log's token generation is refused like a bad one. */
function positionOf(params: Record<string, string>, log: ActivityStore): FeedPosition {
	if (!params.nextPageToken) throw new MarketoFailure(marketoErrors.missingParameter('nextPageToken'));
	const position = decodeFeedToken(params.nextPageToken);
	if (!position || (position.generation ?? 0) < log.tokenGeneration) throw new MarketoFailure(marketoErrors.invalidData('Invalid nextPageToken'));
	return position;
}

function integersOf(value: string | undefined, name: string, max: number): number[] {
	const values = listParam(value).map(integerParam);
	if (values.length > max) throw new MarketoFailure(marketoErrors.invalidData(`${name} has ${values.length} values; the maximum is ${max}`));
	return values;
}

function batchSizeOf(params: Record<string, string>): number {
	const size = params.batchSize === undefined ? LEAD_BATCH_LIMIT : integerParam(params.batchSize);
	if (size < 1 || size > LEAD_BATCH_LIMIT) {
		throw new MarketoFailure(marketoErrors.invalidData(`batchSize must be between 1 and ${LEAD_BATCH_LIMIT}, got ${size}`));
	}
	return size;
}

/** The optional `leadIds` (at most 30) and `listId` (a static list's members) filters. */
function leadFilter(params: Record<string, string>, context: RouteContext): (activity: Activity) => boolean {
	const leadIds = new Set(integersOf(params.leadIds, 'leadIds', ACTIVITY_LEAD_IDS_LIMIT));
	const listId = params.listId === undefined ? undefined : integerParam(params.listId);
	const lists = listsOf(context);
	if (listId !== undefined && !lists.get(listId)) throw new MarketoFailure({ code: '1013', message: `Static list '${listId}' not found` });
	return (activity) =>
		(leadIds.size === 0 || leadIds.has(activity.leadId)) && (listId === undefined || lists.isMember(listId, activity.leadId));
}

/**
 * One page of the feed from the token's position: `moreResult` says whether more activities
 * follow, and `nextPageToken` is always given (the last page's one is where the next poll starts).
 * The page examines the log's next `scanLimit` activities (all when unset) and goes on after the
 * last one it examined, so a filtered page may be empty while more follow.
 */
function feedPage(
	params: Record<string, string>,
	context: RouteContext,
	keep: (activity: Activity) => boolean,
	project: (activity: Activity) => Record<string, unknown>,
): RouteAnswer {
	const log = activitiesOf(context);
	const position = positionOf(params, log);
	const size = batchSizeOf(params);
	const ahead = log.from(position);
	const examined = log.scanLimit === undefined ? ahead : ahead.slice(0, log.scanLimit);
	const matching = examined.filter(keep);
	const page = matching.slice(0, size);
	const full = matching.length > size;
	const last = full ? page[page.length - 1] : examined[examined.length - 1];
	const next = last ? { at: Date.parse(last.activityDate), id: last.id + 1 } : position;
	return {
		result: page.map(project),
		moreResult: full || examined.length < ahead.length,
		nextPageToken: encodeFeedToken({ ...next, generation: log.tokenGeneration }),
	};
}

/** Only Get Lead Changes shows the changed fields. */
function withoutFields(activity: Activity): Record<string, unknown> {
	return Object.fromEntries(Object.entries(activity).filter(([key]) => key !== 'fields'));
}

function typeIdsOf(params: Record<string, string>): Set<number> {
	const ids = integersOf(params.activityTypeIds, 'activityTypeIds', ACTIVITY_TYPE_IDS_LIMIT);
	if (ids.length === 0) throw new MarketoFailure(marketoErrors.missingParameter('activityTypeIds'));
	const unknown = ids.find((id) => !activityType(id) || !isListed(activityType(id) as ActivityType));
	if (unknown !== undefined) throw new MarketoFailure(marketoErrors.invalidData(`Invalid activity type id '${unknown}'`));
	return new Set(ids);
}

function asListedType(type: ActivityType): Record<string, unknown> {
	const { custom, ...rest } = type;
	return custom ? { ...rest, apiName: custom.apiName } : rest;
}

function asCustomType(type: ActivityType & Required<Pick<ActivityType, 'custom'>>): Record<string, unknown> {
	const described = (attribute: ActivityType['primaryAttribute'], isPrimary: boolean) => ({ ...attribute, isPrimary });
	return {
		id: type.id,
		apiName: type.custom.apiName,
		name: type.name,
		description: type.description,
		triggerName: type.custom.triggerName,
		filterName: type.custom.filterName,
		status: type.custom.status,
		primaryAttribute: described(type.primaryAttribute, true),
		attributes: type.attributes.map((attribute) => described(attribute, false)),
		createdAt: TYPES_CREATED_AT,
		updatedAt: TYPES_CREATED_AT,
	};
}

export const activityRoutes: Route[] = [
	{
		method: 'GET',
		path: '/rest/v1/activities/types.json',
		handle: () => ({ result: ACTIVITY_TYPES.filter(isListed).map(asListedType) }),
	},
	{
		method: 'GET',
		path: '/rest/v1/activities/external/types.json',
		handle: () => ({
			result: ACTIVITY_TYPES.flatMap((type) => (type.custom ? [asCustomType(type as ActivityType & Required<Pick<ActivityType, 'custom'>>)] : [])),
		}),
	},
	{
		method: 'GET',
		path: '/rest/v1/activities/pagingtoken.json',
		handle: ({ params }, context) => {
			if (!params.sinceDatetime) throw new MarketoFailure(marketoErrors.missingParameter('sinceDatetime'));
			const since = Date.parse(params.sinceDatetime);
			if (Number.isNaN(since)) throw new MarketoFailure(marketoErrors.invalidValueType(params.sinceDatetime, 'Datetime'));
			// Activity dates are whole seconds: a token for 10:00:00.700 still finds what happened at 10:00:00.
			const wholeSecond = Math.floor(since / 1000) * 1000;
			// Marketo answers the token beside an absent result; the emulator's envelope always carries one.
			return { result: [], nextPageToken: feedTokenSince(wholeSecond, activitiesOf(context).tokenGeneration) };
		},
	},
	{
		method: 'GET',
		path: '/rest/v1/activities.json',
		handle: ({ params }, context) => {
			const typeIds = typeIdsOf(params);
			const assetIds = new Set(listParam(params.assetIds).map(integerParam));
			if (assetIds.size > 0 && typeIds.size > 1) {
				throw new MarketoFailure(marketoErrors.invalidData('assetIds can only be used with a single activity type'));
			}
			const byLead = leadFilter(params, context);
			const keep = (activity: Activity) =>
				typeIds.has(activity.activityTypeId) &&
				(assetIds.size === 0 || assetIds.has(activity.primaryAttributeValueId ?? -1)) &&
				byLead(activity);
			return feedPage(params, context, keep, withoutFields);
		},
	},
	{
		method: 'GET',
		path: '/rest/v1/activities/leadchanges.json',
		handle: ({ params }, context) => {
			const fields = listParam(params.fields);
			if (fields.length === 0) throw new MarketoFailure(marketoErrors.missingParameter('fields'));
			const unknown = fields.find((name) => leadField(name) === undefined);
			if (unknown !== undefined) throw new MarketoFailure(marketoErrors.fieldNotFound(unknown));
			const watched = new Set(fields);
			const byLead = leadFilter(params, context);
			const keep = (activity: Activity) =>
				byLead(activity) &&
				(activity.activityTypeId === NEW_LEAD ||
					(activity.activityTypeId === CHANGE_DATA_VALUE && (activity.fields ?? []).some((field) => watched.has(field.name))));
			const project = (activity: Activity) => ({ ...activity, fields: (activity.fields ?? []).filter((field) => watched.has(field.name)) });
			return feedPage(params, context, keep, project);
		},
	},
	{
		method: 'GET',
		path: '/rest/v1/activities/deletedleads.json',
		handle: ({ params }, context) => feedPage(params, context, (activity) => activity.activityTypeId === DELETE_LEAD, withoutFields),
	},
	{
		method: 'POST',
		path: '/rest/v1/activities/external.json',
		jsonBody: true,
		handle: ({ body }, context) => ({ result: addCustomActivities(body, context.leads, activitiesOf(context)) }),
	},
];
