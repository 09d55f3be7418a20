import type { CallSummary } from './support/remoteEmulator';

/** Marketo's rate window: the limit is so many calls per 20 s, sliding. */
export const WINDOW_MS = 20_000;

interface Interval {
	from: number;
	to: number;
}

/** Calls Marketo counted toward its limits: API calls not refused, and not answered with a 6xx. */
export function countedCalls(calls: CallSummary[]): CallSummary[] {
	return calls.filter((call) => call.kind === 'api' && call.refusedFor === undefined && !call.errorCode?.startsWith('6'));
}

/**
 * Achieved calls per 20 s divided by the limit. Past one window's worth of calls, it is how
 * close each run of `limit` consecutive calls came to the 20 s it must at least take: 20 s
 * divided by the mean time from call k - limit to call k (1.0 means the window was full all
 * the time). Up to `limit` calls, it is the busiest 20 s divided by the limit.
 */
export function ceilingShare(calls: CallSummary[], limit: number): number {
	const starts = countedCalls(calls)
		.map((call) => call.startedAt)
		.sort((a, b) => a - b);
	if (starts.length <= limit) return busiestWindow(starts) / limit;
	let spans = 0;
	for (let k = limit; k < starts.length; k++) spans += starts[k] - starts[k - limit];
	return WINDOW_MS / (spans / (starts.length - limit));
}

function busiestWindow(starts: number[]): number {
	let busiest = 0;
	let first = 0;
	starts.forEach((start, last) => {
		while (starts[first] <= start - WINDOW_MS) first++;
		busiest = Math.max(busiest, last - first + 1);
	});
	return busiest;
}

/**
 * How long, within the wall time, the client was waiting on Marketo or on its throttle: a call
 * (API or identity) in flight, or `limit` calls in the throttle's window, which holds each call
 * from sending until 20 s after its answer.
 */
export function waitingMs(calls: CallSummary[], limit: number, wall: Interval): number {
	const answered = (call: CallSummary) => call.endedAt ?? call.startedAt;
	const layers = {
		inFlight: calls.map((call) => ({ from: call.startedAt, to: answered(call) })),
		inWindow: calls.filter((call) => call.kind === 'api').map((call) => ({ from: call.startedAt, to: answered(call) + WINDOW_MS })),
	};
	const events = Object.entries(layers).flatMap(([layer, intervals]) =>
		intervals.flatMap((span) => [
			{ at: span.from, layer, step: 1 },
			{ at: span.to, layer, step: -1 },
		]),
	);
	events.sort((a, b) => a.at - b.at);
	const open: Record<string, number> = { inFlight: 0, inWindow: 0 };
	let waiting = 0;
	let last = wall.from;
	for (const { at, layer, step } of events) {
		const from = Math.max(last, wall.from);
		const to = Math.min(at, wall.to);
		if (to > from && (open.inFlight > 0 || open.inWindow >= limit)) waiting += to - from;
		last = Math.max(last, at);
		open[layer] += step;
	}
	return waiting;
}

export function meanCallMs(calls: CallSummary[]): number {
	const api = calls.filter((call) => call.kind === 'api' && call.endedAt !== undefined);
	return api.length === 0 ? 0 : api.reduce((sum, call) => sum + (call.endedAt as number) - call.startedAt, 0) / api.length;
}
