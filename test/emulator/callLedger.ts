import { chicagoDay } from './chicagoDay';
import type { RecordedCall } from './types';

/** The counters behind the rate window, the daily quota, concurrency and the usage statistics. */
export class CallLedger {
	/** Counted calls, oldest first; pruned once well outside the window. */
	private window: RecordedCall[] = [];
	/** Calls that count (admitted, not refunded) since the last reset. */
	private counted = new WeakSet<RecordedCall>();
	private readonly countedByDay = new Map<string, number>();
	private readonly errorsByDay = new Map<string, Map<string, number>>();
	readonly inFlight = new Set<RecordedCall>();

	countedInWindow(call: RecordedCall, windowMs: number): number {
		this.window = this.window.filter((c) => c.startedAt > Date.now() - windowMs * 2);
		return this.window.filter((c) => c.startedAt > call.startedAt - windowMs).length;
	}

	countedOn(day: string): number {
		return this.countedByDay.get(day) ?? 0;
	}

	/** The call passed the gates: it takes a place in the window, the quota and the in-flight set. */
	admit(call: RecordedCall): void {
		this.window.push(call);
		this.counted.add(call);
		this.bump(chicagoDay(call.startedAt), +1);
		this.inFlight.add(call);
	}

	/** The call turned out not to count (a 6xx answer, or a fault that answered instead of Marketo). */
	refund(call: RecordedCall): void {
		if (!this.counted.delete(call)) return; // already refunded, or counters were reset meanwhile
		this.window = this.window.filter((c) => c !== call);
		this.bump(chicagoDay(call.startedAt), -1);
	}

	finish(call: RecordedCall): void {
		this.inFlight.delete(call);
	}

	noteError(call: RecordedCall): void {
		if (call.errorCode === undefined) return;
		const day = chicagoDay(call.startedAt);
		const codes = this.errorsByDay.get(day) ?? new Map<string, number>();
		codes.set(call.errorCode, (codes.get(call.errorCode) ?? 0) + 1);
		this.errorsByDay.set(day, codes);
	}

	errorsOn(day: string): Map<string, number> {
		return new Map(this.errorsByDay.get(day) ?? []);
	}

	/** Forget counts; calls still in flight stay in flight. */
	reset(): void {
		this.window = [];
		this.counted = new WeakSet();
		this.countedByDay.clear();
		this.errorsByDay.clear();
	}

	private bump(day: string, by: number): void {
		this.countedByDay.set(day, this.countedOn(day) + by);
	}
}
