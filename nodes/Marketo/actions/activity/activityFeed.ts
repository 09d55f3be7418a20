import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chunksOf } from '../../helpers/chunks';
import { marketoTimeMs } from '../../helpers/marketoTime';
import { failed, ItemInputError, succeeded, type ItemOutcome } from '../../helpers/outcomes';
import { readLimit } from '../../helpers/pagingProperties';
import { parseMarketoId, splitValues } from '../../helpers/validation';
import { rawRequester } from '../../transport';
import type { QueryValue } from '../../transport/request';
import { groupBy, readInputs } from '../inputs';
import { feedPages, PagingTokens } from './feedPages';

/** Get Lead Activities and Get Lead Changes filter on at most 30 lead ids per call. */
export const ACTIVITY_LEAD_IDS_LIMIT = 30;

/** Get Lead Activities takes at most 10 activity type ids per call. */
export const ACTIVITY_TYPE_IDS_LIMIT = 10;

export type FeedFilters = Record<string, QueryValue>;

export interface FeedSpec {
	/** The feed endpoint, e.g. `/rest/v1/activities.json`. */
	path: string;
	/** Whether the operation has the Lead IDs field (the deleted-leads feed has none). */
	byLead: boolean;
	/**
	 * The item's filters as query parameters. More than one set when Marketo caps a filter per call
	 * (10 activity types): each set is walked on its own and the results are merged.
	 */
	readFilters(itemIndex: number): FeedFilters[];
}

interface FeedInput {
	since: string;
	leadIds: number[];
	filterSets: FeedFilters[];
	limit?: number;
}

interface Member {
	itemIndex: number;
	limit?: number;
	wants(activity: IDataObject): boolean;
}

/** One walk through the feed: a start, one filter set, the lead ids (if any) and the items it serves. */
interface Walk {
	since: string;
	qs: FeedFilters;
	members: Member[];
}

function readSince(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('sinceDatetime', itemIndex, '') as unknown;
	if (value === undefined || value === null || String(value).trim() === '') {
		throw new ItemInputError(itemIndex, 'Since', 'is empty; enter the date and time to read from');
	}
	const at = new Date(String(value));
	if (Number.isNaN(at.getTime())) throw new ItemInputError(itemIndex, 'Since', `"${String(value)}" is not a date and time`);
	return at.toISOString();
}

function readLeadIds(ctx: IExecuteFunctions, itemIndex: number): number[] {
	const values = splitValues(ctx.getNodeParameter('leadIds', itemIndex, ''));
	return [...new Set(values.map((value) => parseMarketoId(itemIndex, 'Lead IDs', value)))];
}

/** Distinct type ids, ascending, in sets of 10: more types are read in several walks, one per set. */
export function activityTypeSets(typeIds: number[]): number[][] {
	return chunksOf([...new Set(typeIds)].sort((a, b) => a - b), ACTIVITY_TYPE_IDS_LIMIT);
}

/**
 * Items with the same start and filters share calls: those without lead ids share one walk over
 * the whole feed; the lead ids of the others are pooled, 30 per walk, and each activity goes to
 * the items that named its lead.
 */
function planWalks(inputs: Array<{ itemIndex: number; input: FeedInput }>): Walk[] {
	const walks: Walk[] = [];
	for (const group of groupBy(inputs, ({ input }) => JSON.stringify([input.since, input.filterSets]))) {
		const { since, filterSets } = group[0].input;
		const units: Array<{ leadIds?: number[]; members: Member[] }> = [];
		const everyLead = group.filter(({ input }) => input.leadIds.length === 0);
		if (everyLead.length > 0) units.push({ members: everyLead.map(({ itemIndex, input }) => ({ itemIndex, limit: input.limit, wants: () => true })) });

		const itemsByLead = new Map<number, number[]>();
		for (const { itemIndex, input } of group) {
			for (const leadId of input.leadIds) itemsByLead.set(leadId, [...(itemsByLead.get(leadId) ?? []), itemIndex]);
		}
		const limitOf = new Map(group.map(({ itemIndex, input }) => [itemIndex, input.limit]));
		for (const leadIds of chunksOf([...itemsByLead.keys()], ACTIVITY_LEAD_IDS_LIMIT)) {
			const served = [...new Set(leadIds.flatMap((leadId) => itemsByLead.get(leadId) ?? []))];
			units.push({
				leadIds,
				members: served.map((itemIndex) => ({
					itemIndex,
					limit: limitOf.get(itemIndex),
					wants: (activity) => itemsByLead.get(Number(activity.leadId))?.includes(itemIndex) ?? false,
				})),
			});
		}
		for (const unit of units) {
			for (const filters of filterSets) walks.push({ since, qs: { ...filters, leadIds: unit.leadIds }, members: unit.members });
		}
	}
	return walks;
}

/** An activity's date in ms, for merging walks back into feed order (a stable sort keeps each walk's order). */
export const activityTime = (activity: IDataObject) => marketoTimeMs(activity.activityDate);

/**
 * Reads an activity feed for all items: one paging token per start, then walks the feed page by
 * page until Marketo says there is no more or every item the walk serves has its limit. Each walk
 * keeps at most an item's limit, so the merge of walks still yields the item's earliest activities.
 */
export async function readActivityFeed(ctx: IExecuteFunctions, items: INodeExecutionData[], spec: FeedSpec): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(ctx, items, (itemIndex) => ({
		since: readSince(ctx, itemIndex),
		leadIds: spec.byLead ? readLeadIds(ctx, itemIndex) : [],
		filterSets: spec.readFilters(itemIndex),
		limit: readLimit(ctx, itemIndex),
	}));
	const tokens = new PagingTokens(ctx);
	const send = rawRequester(ctx);
	const found = new Map<number, IDataObject[]>(inputs.map(({ itemIndex }) => [itemIndex, []]));
	const errors = new Map<number, Error>();

	await Promise.all(
		planWalks(inputs).map(async ({ since, qs, members }) => {
			const kept = new Map<number, number>();
			const isFull = (member: Member) => member.limit !== undefined && (kept.get(member.itemIndex) ?? 0) >= member.limit;
			try {
				const pages = feedPages(send, { method: 'GET', path: spec.path, qs }, await tokens.for(since));
				for await (const page of pages) {
					for (const activity of page.activities) {
						for (const member of members) {
							if (isFull(member) || !member.wants(activity)) continue;
							found.get(member.itemIndex)?.push({ ...activity });
							kept.set(member.itemIndex, (kept.get(member.itemIndex) ?? 0) + 1);
						}
					}
					if (members.every(isFull)) break;
				}
			} catch (error) {
				for (const member of members) if (!errors.has(member.itemIndex)) errors.set(member.itemIndex, error as Error);
			}
		}),
	);

	const outcomes = inputs.map(({ itemIndex, input }) => {
		const error = errors.get(itemIndex);
		if (error) return failed(itemIndex, error);
		// Walks run side by side: put the item's activities back in feed order (a stable sort keeps each walk's order).
		const activities = [...(found.get(itemIndex) ?? [])].sort((a, b) => activityTime(a) - activityTime(b));
		return succeeded(itemIndex, ...(input.limit === undefined ? activities : activities.slice(0, input.limit)));
	});
	return [...invalid, ...outcomes];
}
