import type { IDataObject } from 'n8n-workflow';

import { activityTime } from '../Marketo/actions/activity/activityFeed';

/** Where one walk of the feed goes on: Marketo's paging token, and a date a new token could restart from. */
export interface FeedCursor {
	token: string;
	/** The date of the last activity read (or when the walk started): reading again from it misses nothing. */
	since: string;
}

/** What the trigger keeps in the workflow's static data between polls. */
export interface FeedState {
	cursors: Record<string, FeedCursor>;
	/** Keys of the latest activities delivered, so a re-read (a restarted token) delivers none twice. */
	delivered: string[];
	/** Which walk reads first, rotating, so one busy walk cannot starve the others of the poll's budget. */
	turn: number;
}

/** Enough to cover the activities a restarted token reads twice (those of the last second delivered). */
export const DELIVERED_MEMORY = 500;

const isCursor = (value: unknown): value is FeedCursor =>
	typeof value === 'object' && value !== null && typeof (value as FeedCursor).token === 'string' && typeof (value as FeedCursor).since === 'string';

/** Reads the stored state; anything unreadable counts as no state (the trigger then starts from now). */
export function readFeedState(stored: unknown): FeedState {
	const value = (typeof stored === 'object' && stored !== null ? stored : {}) as IDataObject;
	const cursors = Object.fromEntries(
		Object.entries(typeof value.cursors === 'object' && value.cursors !== null ? value.cursors : {}).filter(([, cursor]) => isCursor(cursor)),
	) as Record<string, FeedCursor>;
	const delivered = Array.isArray(value.delivered) ? value.delivered.filter((key): key is string => typeof key === 'string') : [];
	const turn = Number.isInteger(value.turn) && (value.turn as number) >= 0 ? (value.turn as number) : 0;
	return { cursors, delivered, turn };
}

/** Marketo's unique id of an activity: marketoGUID, or the older numeric id. */
export function activityKey(activity: IDataObject): string | undefined {
	const key = activity.marketoGUID ?? activity.id;
	return key === undefined || key === null || key === '' ? undefined : String(key);
}

/** The activities not delivered before (nor twice in this list), in the order given. */
export function undelivered(activities: IDataObject[], delivered: readonly string[]): IDataObject[] {
	const seen = new Set(delivered);
	return activities.filter((activity) => {
		const key = activityKey(activity);
		if (key === undefined) return true;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** The delivered keys with these activities' added, keeping the latest DELIVERED_MEMORY. */
export function remember(delivered: readonly string[], activities: IDataObject[]): string[] {
	const keys = activities.map(activityKey).filter((key): key is string => key !== undefined);
	return [...delivered, ...keys].slice(-DELIVERED_MEMORY);
}

/** The values starting at `turn` (wrapping round). */
export function rotate<T>(values: readonly T[], turn: number): T[] {
	if (values.length === 0) return [];
	const start = turn % values.length;
	return [...values.slice(start), ...values.slice(0, start)];
}

/** Activities of several walks merged into feed order (by date; each walk's own order is kept). */
export function inFeedOrder(activities: IDataObject[]): IDataObject[] {
	return [...activities].sort((a, b) => activityTime(a) - activityTime(b));
}
