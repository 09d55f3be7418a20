import type { MarketoEmulator } from './MarketoEmulator';
import type { FaultEffect } from './types';

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence, so a fault plan can be replayed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export interface FaultCard {
	name: string;
	effect: FaultEffect;
	/** How many calls meet it. */
	copies: number;
}

export interface FaultDeck {
	cards: readonly FaultCard[];
	/** Untouched calls shuffled in between. */
	cleanCalls: number;
	random: () => number;
}

/**
 * Deals faults to the next API calls in a random order fixed by the seed: each card `copies`
 * times, among `cleanCalls` untouched calls, then nothing (so a run with retries always ends).
 * Returns the plan: the fault name (or undefined) of each API call from the first on. A call
 * refused for a real violation passes its fault on to the next call (see FaultQueue).
 */
export function dealFaults(emulator: MarketoEmulator, deck: FaultDeck): Array<string | undefined> {
	const plan: Array<FaultCard | undefined> = [
		...deck.cards.flatMap((card) => Array<FaultCard>(card.copies).fill(card)),
		...Array<undefined>(deck.cleanCalls).fill(undefined),
	];
	for (let i = plan.length - 1; i > 0; i--) {
		const j = Math.floor(deck.random() * (i + 1));
		[plan[i], plan[j]] = [plan[j], plan[i]];
	}
	plan.forEach((card, index) => {
		if (card !== undefined) emulator.inject({ on: index + 1, ...card.effect });
	});
	return plan.map((card) => card?.name);
}
