/**
 * A position in the activity feed: the next page starts at the first activity at or after
 * (`at`, `id`). Get Paging Token makes one from a datetime; every feed page hands out the next.
 * `generation` is the instance's token generation when it was issued (see ActivityStore.expireFeedTokens).
 */
export interface FeedPosition {
	at: number;
	id: number;
	generation?: number;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 with "=" padding, like Marketo's paging tokens, so a client must URL-encode it. */
export function encodeFeedToken(position: FeedPosition): string {
	let bits = '';
	for (const byte of Buffer.from(JSON.stringify({ feed: 1, ...position }), 'utf8')) bits += byte.toString(2).padStart(8, '0');
	let text = '';
	for (let i = 0; i < bits.length; i += 5) text += ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
	return text.padEnd(Math.ceil(text.length / 8) * 8, '=');
}

export function decodeFeedToken(token: string): FeedPosition | undefined {
	let bits = '';
	for (const char of token.replace(/=+$/, '')) {
		const index = ALPHABET.indexOf(char);
		if (index < 0) return undefined;
		bits += index.toString(2).padStart(5, '0');
	}
	const bytes: number[] = [];
	for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
	try {
		const payload: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
		const { feed, at, id, generation = 0 } = (payload ?? {}) as Record<string, unknown>;
		return feed === 1 && Number.isInteger(at) && Number.isInteger(id) && Number.isInteger(generation)
			? { at: at as number, id: id as number, generation: generation as number }
			: undefined;
	} catch {
		return undefined;
	}
}

/** The token Get Paging Token answers for `sinceDatetime` (tests build request samples with it). */
export function feedTokenSince(sinceMs: number, generation = 0): string {
	return encodeFeedToken({ at: sinceMs, id: 0, generation });
}
