import { chicagoDayKey } from './chicagoDay';

/** Who says the day's calls are spent: Marketo (607), this process's share, or the instance's count. */
export type BudgetVerdict = 'quota' | LedgerVerdict;

/** What our own count of the day's calls can say; only Marketo says 'quota'. */
export type LedgerVerdict = 'processShare' | 'instance';

export interface BudgetState {
	/** Calls this process made today. */
	spent: number;
	/** Calls the instance made today as far as this process knows: Marketo's last count plus its own since. */
	instanceSpent: number;
	/** The credential's daily budget for the instance. */
	budget: number;
	/** This process's part of it: the budget divided between the processes sharing the instance. */
	share: number;
	processes: number;
}

const resetTime = (resetsAt: number) => `${new Date(resetsAt).toISOString()} (00:00 US Central time)`;
const resetNote = (resetsAt: number) => `It resets at ${resetTime(resetsAt)}.`;
const RAISE_HINT = 'Raise "Daily Call Budget" in the credential if your Marketo subscription allows more.';

/**
 * Marketo's first 607 of a day and what followed. Calls already on their way when it came back
 * are refused with 607 too, later; every error of the stop shares this record, so each tells the
 * count as it stands when it is read (once the run's calls are back: the whole count).
 */
export class QuotaStop {
	refusedInFlight = 0;

	constructor(readonly resetsAt: number) {}
}

function describeQuotaStop(stop: QuotaStop): string {
	const count = stop.refusedInFlight;
	const inFlight = count === 0 ? ';' : `. ${count} ${count === 1 ? 'call' : 'calls'} already in flight ${count === 1 ? 'was' : 'were'} refused by Marketo too;`;
	return `Marketo's daily API quota for this instance is spent (607)${inFlight} no further calls were sent. The quota resets at ${resetTime(stop.resetsAt)}.`;
}

function describe(verdict: LedgerVerdict, resetsAt: number, state: BudgetState): string {
	const { spent, instanceSpent, budget, share, processes } = state;
	if (verdict === 'instance') {
		return `The daily call budget set in the Marketo credential (${budget} calls) is spent on this instance: Marketo counts ${instanceSpent} calls today from every integration and n8n process (${spent} from this one). ${resetNote(resetsAt)} ${RAISE_HINT}`;
	}
	if (processes > 1) {
		return `This n8n process's share of the daily call budget is spent: ${spent} of ${share} calls today (the credential's ${budget} calls divided between ${processes} n8n processes). ${resetNote(resetsAt)} ${RAISE_HINT}`;
	}
	return `The daily call budget set in the Marketo credential (${budget} calls) is spent: ${spent} calls made today by this n8n process. ${resetNote(resetsAt)} ${RAISE_HINT}`;
}

export class DailyBudgetExhaustedError extends Error {
	readonly spent: number;
	readonly budget: number;
	readonly reportedByMarketo: boolean;

	private constructor(
		readonly resetsAt: number,
		readonly verdict: BudgetVerdict,
		state: BudgetState,
		message: string,
	) {
		super(message);
		this.name = 'DailyBudgetExhaustedError';
		this.spent = state.spent;
		this.budget = state.budget;
		this.reportedByMarketo = verdict === 'quota';
	}

	/** Our own count says the budget is spent; nothing was sent. */
	static budgetSpent(verdict: LedgerVerdict, resetsAt: number, state: BudgetState): DailyBudgetExhaustedError {
		return new DailyBudgetExhaustedError(resetsAt, verdict, state, describe(verdict, resetsAt, state));
	}

	/** Marketo's 607: the message tells the in-flight calls refused so far whenever it is read. */
	static quotaSpent(stop: QuotaStop, state: BudgetState): DailyBudgetExhaustedError {
		const error = new DailyBudgetExhaustedError(stop.resetsAt, 'quota', state, describeQuotaStop(stop));
		Object.defineProperty(error, 'message', { get: () => describeQuotaStop(stop), configurable: true, enumerable: false });
		return error;
	}
}

/**
 * The day's calls, counted per US Central day: this process's own, and the instance's estimate,
 * which Marketo's usage count lifts whenever one arrives (other processes and integrations).
 */
export class DailyLedger {
	private dayKey = '';
	private spent = 0;
	private instanceSpent = 0;

	count(now: number): void {
		this.rollDay(now);
		this.spent++;
		this.instanceSpent++;
	}

	spentToday(now: number): number {
		this.rollDay(now);
		return this.spent;
	}

	instanceSpentToday(now: number): number {
		this.rollDay(now);
		return this.instanceSpent;
	}

	/** Marketo's count of the instance's calls on `day` (a Chicago `YYYY-MM-DD`); another day's count is ignored. */
	noteMarketoCount(now: number, day: string, total: number): void {
		this.rollDay(now);
		if (day === this.dayKey && Number.isFinite(total)) this.instanceSpent = Math.max(this.instanceSpent, total);
	}

	/** Whether this process's share or the instance's budget is spent. */
	verdict(now: number, share: number, budget: number): LedgerVerdict | undefined {
		this.rollDay(now);
		if (this.spent >= share) return 'processShare';
		if (this.instanceSpent >= budget) return 'instance';
		return undefined;
	}

	private rollDay(now: number): void {
		const key = chicagoDayKey(now);
		if (key !== this.dayKey) {
			this.dayKey = key;
			this.spent = 0;
			this.instanceSpent = 0;
		}
	}
}
