import type { Clock } from './clock';
import { chicagoDayKey, nextChicagoMidnight } from './chicagoDay';

export interface ThrottleLimits {
	/** Marketo: 100 calls per 20 s, sliding, per instance. */
	callsPerWindow: number;
	windowMs: number;
	/** Marketo: 10 calls in flight per instance. */
	maxInFlight: number;
	/** Marketo: 50,000 calls a day by default, reset at 00:00 America/Chicago. */
	dailyBudget: number;
}

export const MARKETO_DEFAULT_LIMITS: ThrottleLimits = {
	callsPerWindow: 100,
	windowMs: 20_000,
	maxInFlight: 10,
	dailyBudget: 50_000,
};

export class DailyBudgetExhaustedError extends Error {
	constructor(
		readonly resetsAt: number,
		readonly spent: number,
		readonly budget: number,
		readonly reportedByMarketo: boolean,
	) {
		super(
			reportedByMarketo
				? `Marketo's daily API quota for this instance is used up (error 607). It resets at ${new Date(resetsAt).toISOString()} (00:00 US Central time).`
				: `The daily call budget set in the Marketo credential (${budget} calls) is spent: ${spent} calls made today by this n8n process. It resets at ${new Date(resetsAt).toISOString()} (00:00 US Central time). Raise "Daily Call Budget" in the credential if your Marketo subscription allows more.`,
		);
		this.name = 'DailyBudgetExhaustedError';
	}
}

export interface Permit {
	release(): void;
}

interface Waiter {
	resolve(permit: Permit): void;
	reject(error: Error): void;
}

/**
 * One per Marketo instance, shared by every execution in the process.
 *
 * A call occupies the sliding window from the moment it is sent until `windowMs` after its
 * answer arrives. Marketo counts arrivals; an arrival lies between our send and our answer, so
 * counting that way can never put more than `callsPerWindow` arrivals into any window.
 */
export class InstanceThrottle {
	private inFlight = 0;
	private windowExpiries: number[] = [];
	private waiters: Waiter[] = [];
	private wakeAt: number | undefined;
	private dayKey = '';
	private spent = 0;
	private blockedUntil = 0;

	constructor(
		private limits: ThrottleLimits,
		private readonly clock: Clock,
	) {}

	setLimits(limits: ThrottleLimits): void {
		this.limits = limits;
		this.pump();
	}

	getLimits(): ThrottleLimits {
		return this.limits;
	}

	async acquire(): Promise<Permit> {
		return await new Promise<Permit>((resolve, reject) => {
			this.waiters.push({ resolve, reject });
			this.pump();
		});
	}

	spentToday(): number {
		this.rollDay(this.clock.now());
		return this.spent;
	}

	occupancy(): { inFlight: number; inWindow: number; waiting: number } {
		this.pruneWindow(this.clock.now());
		return {
			inFlight: this.inFlight,
			inWindow: this.inFlight + this.windowExpiries.length,
			waiting: this.waiters.length,
		};
	}

	/** Marketo answered 607: nothing more is sent to this instance until the quota resets. */
	markQuotaExhausted(): DailyBudgetExhaustedError {
		const now = this.clock.now();
		this.blockedUntil = nextChicagoMidnight(now);
		this.pump();
		return new DailyBudgetExhaustedError(this.blockedUntil, this.spentToday(), this.limits.dailyBudget, true);
	}

	private rollDay(now: number): void {
		const key = chicagoDayKey(now);
		if (key !== this.dayKey) {
			this.dayKey = key;
			this.spent = 0;
		}
	}

	private pruneWindow(now: number): void {
		if (this.windowExpiries.some((expiry) => expiry <= now)) {
			this.windowExpiries = this.windowExpiries.filter((expiry) => expiry > now);
		}
	}

	private budgetError(now: number): DailyBudgetExhaustedError | undefined {
		this.rollDay(now);
		if (this.blockedUntil > now) {
			return new DailyBudgetExhaustedError(this.blockedUntil, this.spent, this.limits.dailyBudget, true);
		}
		if (this.spent >= this.limits.dailyBudget) {
			return new DailyBudgetExhaustedError(nextChicagoMidnight(now), this.spent, this.limits.dailyBudget, false);
		}
		return undefined;
	}

	private pump(): void {
		while (this.waiters.length > 0) {
			const now = this.clock.now();
			const exhausted = this.budgetError(now);
			if (exhausted) {
				for (const waiter of this.waiters.splice(0)) waiter.reject(exhausted);
				return;
			}
			if (this.inFlight >= this.limits.maxInFlight) return;
			this.pruneWindow(now);
			if (this.inFlight + this.windowExpiries.length >= this.limits.callsPerWindow) {
				if (this.windowExpiries.length > 0) this.wakeUpAt(Math.min(...this.windowExpiries));
				return;
			}
			const waiter = this.waiters.shift() as Waiter;
			this.inFlight++;
			this.spent++;
			waiter.resolve(this.permit());
		}
	}

	private permit(): Permit {
		let released = false;
		return {
			release: () => {
				if (released) return;
				released = true;
				this.inFlight--;
				this.windowExpiries.push(this.clock.now() + this.limits.windowMs);
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
