import type { MarketoRequest } from './request';

/**
 * Marketo's own count of today's calls on the instance, by every user of it. Reading it now and
 * then lets each n8n process see what the other processes and integrations spent, which its
 * own counter cannot. It is a call like any other (it counts toward the quota), so it is rare.
 */
export const USAGE_REQUEST: MarketoRequest = { method: 'GET', path: '/rest/v1/stats/usage.json' };

export interface UsageSyncPolicy {
	/** Never read the count more often than this. */
	minIntervalMs: number;
	/** Read it at least this often while calls are being made. */
	maxIntervalMs: number;
	/** Or sooner, once this share of the daily budget was spent since the last reading. */
	budgetShare: number;
}

export const USAGE_SYNC_POLICY: UsageSyncPolicy = {
	minIntervalMs: 3 * 60_000,
	maxIntervalMs: 10 * 60_000,
	budgetShare: 0.02,
};

export function isUsageRequest(request: MarketoRequest): boolean {
	return request.method === USAGE_REQUEST.method && request.path === USAGE_REQUEST.path;
}

/** `{ day, total }` from a usage answer's first entry (UsageData), if it has both. */
export function usageCountIn(result: unknown): { day: string; total: number } | undefined {
	const entry = Array.isArray(result) ? (result[0] as { date?: unknown; total?: unknown } | undefined) : undefined;
	const day = typeof entry?.date === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(entry.date)?.[0] : undefined;
	const total = Number(entry?.total ?? 0);
	return day && Number.isFinite(total) ? { day, total } : undefined;
}

/**
 * When to read the count: checkpoints by calls made (a share of the budget) or by time while
 * active, never closer together than `minIntervalMs`. The first checkpoint counts from the
 * process's first call, so short runs never pay for a reading.
 */
export class UsageSyncSchedule {
	private since: number | undefined;
	private callsAtSince = 0;
	private running = false;

	constructor(private readonly policy: UsageSyncPolicy = USAGE_SYNC_POLICY) {}

	/** Called after a call; true when a reading should start now (then `finished()` must follow). */
	claim(now: number, callsMade: number, dailyBudget: number): boolean {
		if (this.running) return false;
		if (this.since === undefined) {
			this.restart(now, callsMade);
			return false;
		}
		const elapsed = now - this.since;
		if (elapsed < this.policy.minIntervalMs) return false;
		const checkpoint = Math.max(1, Math.floor(dailyBudget * this.policy.budgetShare));
		if (callsMade - this.callsAtSince < checkpoint && elapsed < this.policy.maxIntervalMs) return false;
		this.running = true;
		this.restart(now, callsMade);
		return true;
	}

	finished(): void {
		this.running = false;
	}

	/** A count arrived another way (a user's own usage call): the next checkpoint counts from here. */
	restart(now: number, callsMade: number): void {
		this.since = now;
		this.callsAtSince = callsMade;
	}
}
