import { ceilingShare, waitingMs, WINDOW_MS } from './measure';
import type { CallSummary } from './support/remoteEmulator';

const call = (startedAt: number, endedAt = startedAt + 150, extra: Partial<CallSummary> = {}): CallSummary => ({
	kind: 'api',
	path: '/rest/v1/leads.json',
	effectiveMethod: 'POST',
	startedAt,
	endedAt,
	...extra,
});

/** `batches` bursts of `size` calls, each burst `every` ms after the previous one. */
const bursts = (batches: number, size: number, every: number) =>
	Array.from({ length: batches * size }, (_, i) => call(Math.floor(i / size) * every + (i % size) * 15));

describe('ceilingShare', () => {
	it('is 1 when every run of `limit` calls takes exactly 20 s', () => {
		expect(ceilingShare(bursts(3, 100, WINDOW_MS), 100)).toBeCloseTo(1, 5);
	});

	it('drops as the calls spread out: 100 calls per 25 s is 0.8 of the ceiling', () => {
		expect(ceilingShare(bursts(3, 100, 25_000), 100)).toBeCloseTo(0.8, 5);
	});

	it('is the busiest window over the limit when all the calls fit in one window', () => {
		expect(ceilingShare(bursts(1, 34, 0), 100)).toBeCloseTo(0.34, 5);
	});

	it('counts only calls Marketo counted: not refused, not answered with a 6xx', () => {
		const calls = [...bursts(1, 10, 0), call(5, 6, { refusedFor: 'rate', errorCode: '606' }), call(7, 8, { errorCode: '602' })];
		expect(ceilingShare(calls, 100)).toBeCloseTo(0.1, 5);
	});
});

describe('waitingMs', () => {
	it('counts the time a call is in flight, once where calls overlap', () => {
		expect(waitingMs([call(0, 100), call(50, 150)], 100, { from: 0, to: 200 })).toBe(150);
	});

	it("counts the time the throttle's window is full: `limit` calls from sending until 20 s after the answer", () => {
		const calls = [call(0, 10), call(10, 20)];
		// In flight from 0; the window full from the second send until 20 s after the first answer.
		expect(waitingMs(calls, 2, { from: 0, to: 30_000 })).toBe(10 + WINDOW_MS);
		expect(waitingMs(calls, 3, { from: 0, to: 30_000 })).toBe(20);
	});

	it('counts only what falls within the wall time', () => {
		expect(waitingMs([call(-50, 50)], 100, { from: 0, to: 200 })).toBe(50);
	});
});
