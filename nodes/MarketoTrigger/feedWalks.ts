import type { IDataObject } from 'n8n-workflow';

import { feedPages, type PagingTokens } from '../Marketo/actions/activity/feedPages';
import type { MarketoRequest } from '../Marketo/transport';
import { MarketoApiError } from '../Marketo/transport/errors';
import type { Requester } from '../Marketo/transport/paging';
import { settle } from '../Marketo/transport/settle';
import type { EventPlan } from './events';
import type { FeedCursor } from './feedState';
import { FEED_PAGE_LIMIT } from './properties';

/** One pass over a feed with one filter set; its key names its cursor in the stored state. */
export interface FeedWalk {
	key: string;
	request: MarketoRequest;
}

/** What a poll may still read: activities and pages, shared by its walks. */
export interface ReadBudget {
	activities: number;
	pages: number;
}

export interface WalkRead {
	activities: IDataObject[];
	cursor: FeedCursor;
	/** Set when Marketo refused the saved token and the walk read again from this date. */
	restartedFrom?: string;
}

export function walksOf(plan: EventPlan): FeedWalk[] {
	return plan.filterSets.map((qs) => ({ key: JSON.stringify([plan.path, qs]), request: { method: 'GET', path: plan.path, qs } }));
}

export const isSpent = (budget: ReadBudget) => budget.activities <= 0 || budget.pages <= 0;

/**
 * A saved token Marketo no longer honours (too old, or from before a change on its side) is
 * answered as bad data (1xxx) on the walk's first page. 6xx errors are the transport's business.
 */
const mayBeRefusedToken = (error: unknown) => error instanceof MarketoApiError && /^1\d{3}$/.test(error.details.code ?? '');

/**
 * Reads one walk from its cursor, page by page, until Marketo says there is no more or the budget
 * is spent; the cursor returned goes on right after the last page read. Pages are asked for no
 * more than the budget has left, so a poll reads exactly its share. If Marketo refuses the saved
 * token, the walk starts once more from a new token for the cursor's date; the caller drops what
 * it already delivered.
 */
export async function readWalk(send: Requester, tokens: PagingTokens, walk: FeedWalk, cursor: FeedCursor, budget: ReadBudget): Promise<WalkRead> {
	const batchSize = () => Math.min(FEED_PAGE_LIMIT, budget.activities);
	let pages = feedPages(send, walk.request, cursor.token, batchSize);
	let step = await settle(pages.next());
	let restartedFrom: string | undefined;
	if (!step.ok && mayBeRefusedToken(step.error)) {
		restartedFrom = cursor.since;
		pages = feedPages(send, walk.request, await tokens.for(cursor.since), batchSize);
		step = await settle(pages.next());
	}
	const activities: IDataObject[] = [];
	let { token, since } = cursor;
	while (step.ok && !step.value.done) {
		const page = step.value.value;
		budget.pages -= 1;
		budget.activities -= page.activities.length;
		activities.push(...page.activities);
		token = page.nextPageToken;
		since = String(page.activities.at(-1)?.activityDate ?? since);
		if (!page.moreResult || isSpent(budget)) break;
		step = await settle(pages.next());
	}
	if (!step.ok) throw step.error;
	return { activities, cursor: { token, since }, ...(restartedFrom === undefined ? {} : { restartedFrom }) };
}
