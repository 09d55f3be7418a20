/**
 * Additive increase, multiplicative decrease of one process's own limits.
 *
 * n8n gives a node no shared state across queue-mode workers, so a process learns about the
 * others only from Marketo's refusals: 606 (window full) and 615 (too many in flight). On one it
 * shrinks the matching limit at once and grows it back slowly while Marketo stays quiet, so a
 * fleet that believes it has more than Marketo allows converges below the limit instead of
 * storming it.
 */
export type LimitKind = 'rate' | 'concurrency';

export interface LimitCeilings {
	/** Calls per window this process may use when nobody else competes. */
	rate: number;
	/** Calls in flight this process may use when nobody else competes. */
	concurrency: number;
}

interface TrackedLimit {
	ceiling: number;
	current: number;
	/** Grants made before it last shrank: refusals of those calls answer the old limit. */
	grantsBeforeShrink: number;
}

/**
 * A refusal cuts the limit by 30 % (CUBIC's factor, also used by the AWS SDKs' adaptive retry
 * mode). Halving gives the same convergence but, with a fleet that keeps probing, leaves about
 * 80 % of the window used in the long run instead of about 90 % (test/unit/adaptiveFleet.test.ts).
 */
const DECREASE_TENTHS = 7;
/** Growth per clean window: 5 % of the ceiling, at least one call. */
const growthStep = (ceiling: number) => Math.max(1, Math.round(ceiling / 20));
/** Clean windows before the first growth step after a back-off: the refused calls are sent again in the first. */
const RECOVERY_WINDOWS = 2;

export class AdaptiveLimits {
	private readonly limits: Record<LimitKind, TrackedLimit>;
	/** Start of the current clean window: the first grant after the last refusal. */
	private cleanSince: number | undefined;
	/** Since the last back-off, no growth step yet: the first one waits RECOVERY_WINDOWS. */
	private recovering = false;
	private grants = 0;

	constructor(
		ceilings: LimitCeilings,
		/** Marketo's window (20 s): a refusal's cause takes that long to leave it, so growth is judged per window. */
		private readonly periodMs: number,
	) {
		this.limits = {
			rate: { ceiling: ceilings.rate, current: ceilings.rate, grantsBeforeShrink: 0 },
			concurrency: { ceiling: ceilings.concurrency, current: ceilings.concurrency, grantsBeforeShrink: 0 },
		};
	}

	/** New ceilings from the credential: a limit that was not backed off follows them; one that was stays under them. */
	setCeilings(ceilings: LimitCeilings): void {
		for (const kind of ['rate', 'concurrency'] as const) {
			const limit = this.limits[kind];
			const backedOff = limit.current < limit.ceiling;
			limit.ceiling = ceilings[kind];
			limit.current = backedOff ? Math.min(limit.current, limit.ceiling) : limit.ceiling;
		}
	}

	/** The limits in force now, after any growth that is due. */
	currentAt(now: number): LimitCeilings {
		this.grow(now);
		const { rate, concurrency } = this.limits;
		// Backed off to a share of the window, a process takes the same share of the concurrency: the same others share both.
		const concurrencyShare = Math.max(1, Math.floor((concurrency.ceiling * rate.current) / rate.ceiling));
		return { rate: rate.current, concurrency: Math.min(concurrency.current, concurrencyShare) };
	}

	private isBackedOff(): boolean {
		return this.limits.rate.current < this.limits.rate.ceiling || this.limits.concurrency.current < this.limits.concurrency.ceiling;
	}

	/** When the next growth step is due, if any limit is below its ceiling. */
	nextGrowthAt(): number | undefined {
		return this.cleanSince !== undefined && this.isBackedOff() ? this.nextStepAt(this.cleanSince) : undefined;
	}

	/** A call was granted; the ticket identifies it in `refused`. */
	granted(now: number): number {
		this.grow(now);
		this.cleanSince ??= now;
		return ++this.grants;
	}

	/**
	 * Marketo refused the call with this grant ticket. The limit shrinks to 70 %; the window also
	 * drops to what Marketo accepted from this process in the window it found full (its real share
	 * when others compete, so a fleet that collides converges in one step), but by no more than
	 * three quarters at once (a process that had sent little learns nothing about its share).
	 * Refusals of calls granted before the last shrink answer the old limit and are ignored, so a
	 * burst of refusals shrinks once.
	 */
	refused(kind: LimitKind, ticket: number, now: number, acceptedInWindow = Infinity): void {
		this.grow(now);
		const limit = this.limits[kind];
		if (ticket <= limit.grantsBeforeShrink) return;
		const cut = Math.floor((limit.current * DECREASE_TENTHS) / 10);
		const share = kind === 'rate' ? Math.max(acceptedInWindow, Math.floor(limit.current / 4)) : Infinity;
		limit.current = Math.max(1, Math.min(cut, share));
		limit.grantsBeforeShrink = this.grants;
		this.cleanSince = undefined;
		this.recovering = true;
	}

	private nextStepAt(cleanSince: number): number {
		return cleanSince + (this.recovering ? RECOVERY_WINDOWS : 1) * this.periodMs;
	}

	private grow(now: number): void {
		if (this.cleanSince === undefined) return;
		const firstStepAt = this.nextStepAt(this.cleanSince);
		if (now < firstStepAt) return;
		const steps = 1 + Math.floor((now - firstStepAt) / this.periodMs);
		for (const limit of Object.values(this.limits)) {
			limit.current = Math.min(limit.ceiling, limit.current + steps * growthStep(limit.ceiling));
		}
		this.cleanSince = firstStepAt + (steps - 1) * this.periodMs;
		this.recovering = false;
	}
}
