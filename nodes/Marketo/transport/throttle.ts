import { AdaptiveLimits, type LimitCeilings, type LimitKind } from './adaptiveRate';
import { nextChicagoMidnight } from './chicagoDay';
import type { Clock } from './clock';
import { type BudgetState, DailyBudgetExhaustedError, DailyLedger, QuotaStop } from './dailyBudget';
import { UsageSyncSchedule, usageCountIn } from './usageSync';

export { DailyBudgetExhaustedError } from './dailyBudget';
export type { LimitKind } from './adaptiveRate';

export interface ThrottleLimits {
	/** Marketo: 100 calls per 20 s, sliding, per instance. */
	callsPerWindow: number;
	windowMs: number;
	/** Marketo: 10 calls in flight per instance. */
	maxInFlight: number;
	/** Marketo: 50,000 calls a day by default, reset at 00:00 America/Chicago. */
	dailyBudget: number;
	/**
	 * n8n processes (queue-mode workers) that use the instance, each blind to the others: each
	 * takes an equal share of the three limits above. Default 1.
	 */
	processes?: number;
}

export const MARKETO_DEFAULT_LIMITS: ThrottleLimits = {
	callsPerWindow: 100,
	windowMs: 20_000,
	maxInFlight: 10,
	dailyBudget: 50_000,
};

export interface ProcessShare {
	callsPerWindow: number;
	maxInFlight: number;
	dailyBudget: number;
}

/** This process's part of the instance's limits: each divided by the processes sharing it, rounded down, at least 1. */
export function processShare(limits: ThrottleLimits): ProcessShare {
	const processes = Math.max(1, Math.floor(limits.processes ?? 1));
	const part = (limit: number) => Math.max(1, Math.floor(limit / processes));
	return { callsPerWindow: part(limits.callsPerWindow), maxInFlight: part(limits.maxInFlight), dailyBudget: part(limits.dailyBudget) };
}

const ceilingsOf = (limits: ThrottleLimits): LimitCeilings => {
	const share = processShare(limits);
	return { rate: share.callsPerWindow, concurrency: share.maxInFlight };
};

export interface Permit {
	/** The call is over; `refusedFor` when Marketo refused it with 606 (`rate`) or 615 (`concurrency`). */
	release(refusedFor?: LimitKind): void;
}

interface Waiter {
	resolve(permit: Permit): void;
	reject(error: Error): void;
}

interface WindowEntry {
	expiresAt: number;
	/** Marketo took the call (it was not refused for a limit). */
	accepted: boolean;
}

/**
 * One per Marketo instance, shared by every execution in the process.
 *
 * A call occupies the sliding window from the moment it is sent until `windowMs` after its
 * answer arrives. Marketo counts arrivals; an arrival lies between our send and our answer, so
 * counting that way can never put more than `callsPerWindow` arrivals into any window.
 *
 * Other n8n processes are invisible here; three things make up for it: the credential's process
 * count divides the limits, Marketo's refusals shrink them for a while (AdaptiveLimits), and
 * Marketo's usage count, read now and then, lifts the day's count (UsageSyncSchedule).
 */
export class InstanceThrottle {
	private inFlight = 0;
	private window: WindowEntry[] = [];
	private waiters: Waiter[] = [];
	private wakeAt: number | undefined;
	/** Marketo's last 607; nothing is sent to the instance until it resets. */
	private quotaStop: QuotaStop | undefined;
	private callsMade = 0;
	private readonly ledger = new DailyLedger();
	private readonly adaptive: AdaptiveLimits;
	private readonly usageSync = new UsageSyncSchedule();

	constructor(
		private limits: ThrottleLimits,
		private readonly clock: Clock,
	) {
		this.adaptive = new AdaptiveLimits(ceilingsOf(limits), limits.windowMs);
	}

	setLimits(limits: ThrottleLimits): void {
		this.limits = limits;
		this.adaptive.setCeilings(ceilingsOf(limits));
		this.pump();
	}

	/** The limits as configured for the instance (before division and back-off). */
	getLimits(): ThrottleLimits {
		return this.limits;
	}

	/** The limits this process holds to right now: its share, less any back-off after 606/615. */
	currentLimits(): { callsPerWindow: number; maxInFlight: number } {
		const { rate, concurrency } = this.adaptive.currentAt(this.clock.now());
		return { callsPerWindow: rate, maxInFlight: concurrency };
	}

	async acquire(): Promise<Permit> {
		return await new Promise<Permit>((resolve, reject) => {
			this.waiters.push({ resolve, reject });
			this.pump();
		});
	}

	/** Calls this process made today. */
	spentToday(): number {
		return this.ledger.spentToday(this.clock.now());
	}

	/** Calls the instance made today as far as this process knows (Marketo's last count plus its own since). */
	instanceSpentToday(): number {
		return this.ledger.instanceSpentToday(this.clock.now());
	}

	occupancy(): { inFlight: number; inWindow: number; waiting: number } {
		this.pruneWindow(this.clock.now());
		return {
			inFlight: this.inFlight,
			inWindow: this.inFlight + this.window.length,
			waiting: this.waiters.length,
		};
	}

	/**
	 * Marketo answered 607: nothing more is sent to this instance until the quota resets. Nothing is
	 * sent after the first 607, so any later one is a call that was already in flight.
	 */
	markQuotaExhausted(): DailyBudgetExhaustedError {
		const now = this.clock.now();
		let stop = this.stopInForce(now);
		if (stop) stop.refusedInFlight++;
		else stop = this.quotaStop = new QuotaStop(nextChicagoMidnight(now));
		this.pump();
		return DailyBudgetExhaustedError.quotaSpent(stop, this.budgetState(now));
	}

	/** Marketo's usage answer (`result` of GET /rest/v1/stats/usage.json), whoever asked for it. */
	noteMarketoUsage(result: unknown): void {
		const count = usageCountIn(result);
		if (!count) return;
		const now = this.clock.now();
		this.ledger.noteMarketoCount(now, count.day, count.total);
		this.usageSync.restart(now, this.callsMade);
		this.pump();
	}

	/** True when Marketo's usage count should be read now; `usageSyncFinished()` must follow. */
	claimUsageSync(): boolean {
		return this.usageSync.claim(this.clock.now(), this.callsMade, processShare(this.limits).dailyBudget);
	}

	usageSyncFinished(): void {
		this.usageSync.finished();
	}

	private budgetState(now: number): BudgetState {
		const share = processShare(this.limits);
		return {
			spent: this.ledger.spentToday(now),
			instanceSpent: this.ledger.instanceSpentToday(now),
			budget: this.limits.dailyBudget,
			share: share.dailyBudget,
			processes: Math.max(1, Math.floor(this.limits.processes ?? 1)),
		};
	}

	private budgetError(now: number): DailyBudgetExhaustedError | undefined {
		const stop = this.stopInForce(now);
		if (stop) return DailyBudgetExhaustedError.quotaSpent(stop, this.budgetState(now));
		const verdict = this.ledger.verdict(now, processShare(this.limits).dailyBudget, this.limits.dailyBudget);
		return verdict ? DailyBudgetExhaustedError.budgetSpent(verdict, nextChicagoMidnight(now), this.budgetState(now)) : undefined;
	}

	private stopInForce(now: number): QuotaStop | undefined {
		return this.quotaStop && this.quotaStop.resetsAt > now ? this.quotaStop : undefined;
	}

	private pruneWindow(now: number): void {
		if (this.window.some((entry) => entry.expiresAt <= now)) {
			this.window = this.window.filter((entry) => entry.expiresAt > now);
		}
	}

	private acceptedInWindow(now: number): number {
		this.pruneWindow(now);
		return this.window.filter((entry) => entry.accepted).length;
	}

	private pump(): void {
		while (this.waiters.length > 0) {
			const now = this.clock.now();
			const exhausted = this.budgetError(now);
			if (exhausted) {
				for (const waiter of this.waiters.splice(0)) waiter.reject(exhausted);
				return;
			}
			const current = this.adaptive.currentAt(now);
			if (this.inFlight >= current.concurrency) return;
			this.pruneWindow(now);
			if (this.inFlight + this.window.length >= current.rate) {
				const wakeTimes = this.window.map((entry) => entry.expiresAt);
				const growth = this.adaptive.nextGrowthAt();
				if (growth !== undefined) wakeTimes.push(growth);
				if (wakeTimes.length > 0) this.wakeUpAt(Math.min(...wakeTimes));
				return;
			}
			const waiter = this.waiters.shift() as Waiter;
			this.inFlight++;
			this.callsMade++;
			this.ledger.count(now);
			waiter.resolve(this.permit(this.adaptive.granted(now)));
		}
	}

	private permit(ticket: number): Permit {
		let released = false;
		return {
			release: (refusedFor?: LimitKind) => {
				if (released) return;
				released = true;
				this.inFlight--;
				const now = this.clock.now();
				if (refusedFor) this.adaptive.refused(refusedFor, ticket, now, this.acceptedInWindow(now));
				this.window.push({ expiresAt: now + this.limits.windowMs, accepted: refusedFor === undefined });
				this.pump();
			},
		};
	}

	private wakeUpAt(at: number): void {
		if (this.wakeAt !== undefined && this.wakeAt <= at) return;
		this.wakeAt = at;
		void this.clock.sleep(Math.max(0, at - this.clock.now())).then(() => {
			if (this.wakeAt === at) this.wakeAt = undefined;
			this.pump();
		});
	}
}
