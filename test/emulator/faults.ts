import type { Fault, RecordedCall } from './types';

interface QueuedFault {
	fault: Fault;
	remaining: number;
}

/** Faults waiting for the API calls they target; the first one in queue order that matches wins. */
export class FaultQueue {
	private queue: QueuedFault[] = [];

	add(fault: Fault): void {
		const times = fault.times ?? 1;
		if (!Number.isInteger(times) || times < 1) throw new RangeError(`Fault.times must be a positive integer, got ${times}`);
		if (typeof fault.on === 'number' && !(Number.isInteger(fault.on) && fault.on >= 1)) {
			throw new RangeError(`Fault.on must be a 1-based apiSeq, got ${fault.on}`);
		}
		this.queue.push({ fault, remaining: times });
	}

	/** The fault this call meets, if any; it is used up as it is taken. */
	take(call: RecordedCall): Fault | undefined {
		const entry = this.queue.find((q) => hits(q.fault, call));
		if (entry === undefined) return undefined;
		entry.remaining -= 1;
		if (entry.remaining === 0) this.queue = this.queue.filter((q) => q !== entry);
		return entry.fault;
	}

	clear(): void {
		this.queue = [];
	}
}

// A numbered fault hits that API call, or the first one after it that gets past the gates
// (a call refused for a real violation never consumes a fault); `times` > 1 hits the next ones too.
function hits(fault: Fault, call: RecordedCall): boolean {
	return typeof fault.on === 'number' ? (call.apiSeq ?? 0) >= fault.on : fault.on(call);
}

export function describeFault(fault: Fault): string {
	if ('respondWithCode' in fault) return `respondWithCode ${fault.respondWithCode}`;
	if ('httpStatus' in fault) return `httpStatus ${fault.httpStatus}`;
	if ('delayMs' in fault) return `delayMs ${fault.delayMs}`;
	if ('expireTokensAfter' in fault) return 'expireTokensAfter';
	return `drop ${fault.drop}`;
}
