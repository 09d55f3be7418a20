import type { Clock } from '../../nodes/Marketo/transport/clock';

interface Timer {
	at: number;
	resolve: () => void;
}

const flushMicrotasks = async () => {
	for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** Time that moves only when a test says so; sleeps resolve in deadline order. */
export class FakeClock implements Clock {
	private timers: Timer[] = [];
	readonly sleeps: number[] = [];

	constructor(
		private current = Date.UTC(2026, 5, 15, 12, 0, 0),
		private readonly randomValue = 0.5,
	) {}

	now(): number {
		return this.current;
	}

	random(): number {
		return this.randomValue;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		await new Promise<void>((resolve) => this.timers.push({ at: this.current + ms, resolve }));
	}

	pendingTimers(): number {
		return this.timers.length;
	}

	async advance(ms: number): Promise<void> {
		const target = this.current + ms;
		await flushMicrotasks();
		for (;;) {
			this.timers.sort((a, b) => a.at - b.at);
			const next = this.timers[0];
			if (!next || next.at > target) break;
			this.timers.shift();
			this.current = Math.max(this.current, next.at);
			next.resolve();
			await flushMicrotasks();
		}
		this.current = target;
		await flushMicrotasks();
	}

	/** Moves time from timer to timer until the promise settles. */
	async runUntilSettled<T>(promise: Promise<T>, maxSteps = 10_000): Promise<T> {
		let settled = false;
		const watched = promise.finally(() => (settled = true));
		watched.catch(() => {});
		await flushMicrotasks();
		for (let step = 0; !settled && step < maxSteps; step++) {
			this.timers.sort((a, b) => a.at - b.at);
			const next = this.timers[0];
			await this.advance(next ? Math.max(0, next.at - this.current) : 0);
		}
		return await watched;
	}
}
