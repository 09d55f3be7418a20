import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { PagingTokens } from '../Marketo/actions/activity/feedPages';
import { rawRequester } from '../Marketo/transport';
import { inFeedOrder, readFeedState, remember, rotate, undelivered, type FeedCursor } from './feedState';
import { isSpent, readWalk, walksOf, type ReadBudget } from './feedWalks';
import { FEED_PAGE_LIMIT, MAX_PAGES_PER_POLL } from './properties';
import type { TriggerSettings } from './triggerSettings';
import { withLeads } from './withLeads';

const STATE_KEY = 'feed';

/**
 * Manual test runs look back this far, the shortest window that has a matching activity first: a
 * sample reads a few pages from the window's start, so on a busy instance a short window is what
 * makes it recent.
 */
const LOOKBACK_MINUTES = [10, 60, 24 * 60, 7 * 24 * 60, 30 * 24 * 60];
export const LOOKBACK_DAYS = LOOKBACK_MINUTES[LOOKBACK_MINUTES.length - 1] / (24 * 60);
const SAMPLE_SIZE = 10;
const SAMPLE_PAGES_PER_WALK = 3;

/**
 * One poll of an active trigger: every walk goes on from its saved cursor (a walk without one
 * starts now and delivers nothing yet), within the poll's budget. The new cursors and the keys
 * of what is delivered are written to the workflow's static data only once everything else has
 * succeeded, so they are saved together with the items (n8n saves static data when a poll
 * emits): a failed poll leaves the state as it was and the next one reads the same activities.
 */
export async function newActivities(ctx: IPollFunctions, settings: TriggerSettings): Promise<IDataObject[]> {
	const staticData = ctx.getWorkflowStaticData('node');
	// n8n starts the next scheduled poll even while one is still running (a slow or throttled Marketo):
	// two polls from the same position would deliver the same activities.
	if (polling.has(staticData)) {
		ctx.logger.warn(`Marketo Trigger "${ctx.getNode().name}": the previous poll is still running; this one is skipped`);
		return [];
	}
	polling.add(staticData);
	try {
		return await pollFrom(ctx, settings, staticData);
	} finally {
		polling.delete(staticData);
	}
}

/** The static data of the triggers polling right now in this process. */
const polling = new WeakSet<object>();

async function pollFrom(ctx: IPollFunctions, settings: TriggerSettings, staticData: IDataObject): Promise<IDataObject[]> {
	const state = readFeedState(staticData[STATE_KEY]);
	const walks = walksOf(settings.plan);
	const tokens = new PagingTokens(ctx);
	const send = rawRequester(ctx);
	const budget: ReadBudget = { activities: settings.maxActivities, pages: MAX_PAGES_PER_POLL };
	const startedAt = new Date().toISOString();
	const cursors: Record<string, FeedCursor> = {};
	const read: IDataObject[] = [];

	for (const walk of rotate(walks, state.turn)) {
		const saved = state.cursors[walk.key];
		if (!saved) {
			cursors[walk.key] = { token: await tokens.for(startedAt), since: startedAt };
			continue;
		}
		if (isSpent(budget)) {
			cursors[walk.key] = saved;
			continue;
		}
		const result = await readWalk(send, tokens, walk, saved, budget);
		if (result.restartedFrom !== undefined) {
			ctx.logger.warn(
				`Marketo Trigger "${ctx.getNode().name}": Marketo refused the saved paging token (a long pause?); read again from ${result.restartedFrom}, the date of the last activity delivered, skipping what was already delivered`,
			);
		}
		cursors[walk.key] = result.cursor;
		read.push(...result.activities.filter(settings.plan.keeps));
	}

	const fresh = undelivered(inFeedOrder(read), state.delivered);
	const items = settings.leadFields.length > 0 ? await withLeads(ctx, fresh, settings.leadFields) : fresh;
	staticData[STATE_KEY] = { cursors, delivered: remember(state.delivered, fresh), turn: (state.turn + 1) % Math.max(walks.length, 1) };
	return items;
}

/**
 * "Fetch Test Event": the latest matching activities, looking back 10 minutes, an hour, a day, a
 * week and 30 days, so the user has real data to map. Reads a few pages per walk and leaves the static data
 * alone, so the active trigger's position does not move.
 */
export async function recentActivities(ctx: IPollFunctions, settings: TriggerSettings): Promise<IDataObject[]> {
	const tokens = new PagingTokens(ctx);
	const send = rawRequester(ctx);
	const now = Date.now();
	for (const minutes of LOOKBACK_MINUTES) {
		const since = new Date(now - minutes * 60_000).toISOString();
		const found: IDataObject[] = [];
		for (const walk of walksOf(settings.plan)) {
			const budget: ReadBudget = { activities: SAMPLE_PAGES_PER_WALK * FEED_PAGE_LIMIT, pages: SAMPLE_PAGES_PER_WALK };
			const { activities } = await readWalk(send, tokens, walk, { token: await tokens.for(since), since }, budget);
			found.push(...activities.filter(settings.plan.keeps));
		}
		if (found.length > 0) {
			const latest = inFeedOrder(found).slice(-SAMPLE_SIZE);
			return settings.leadFields.length > 0 ? await withLeads(ctx, latest, settings.leadFields) : latest;
		}
	}
	return [];
}
