import { createHash } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * An opaque position token, shaped like Marketo's (long, base32, "=" padded, so a client must
 * URL-encode it). It is bound to the query it came from: replaying it with another filter is an error.
 */
export function encodePageToken(offset: number, query: string): string {
	const payload = JSON.stringify({ v: 1, offset, query: digest(query) });
	return base32(Buffer.from(payload, 'utf8'));
}

/** The offset the token points at, or undefined if it is not a token for this query. */
export function decodePageToken(token: string, query: string): number | undefined {
	try {
		const payload: unknown = JSON.parse(unbase32(token).toString('utf8'));
		if (typeof payload !== 'object' || payload === null) return undefined;
		const { offset, query: bound } = payload as { offset?: unknown; query?: unknown };
		return Number.isInteger(offset) && (offset as number) >= 0 && bound === digest(query) ? (offset as number) : undefined;
	} catch {
		return undefined;
	}
}

function digest(query: string): string {
	return createHash('sha1').update(query).digest('hex');
}

function base32(bytes: Buffer): string {
	let bits = '';
	for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
	let out = '';
	for (let i = 0; i < bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
	return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}

function unbase32(text: string): Buffer {
	const clean = text.replace(/=+$/, '');
	let bits = '';
	for (const char of clean) {
		const index = ALPHABET.indexOf(char);
		if (index < 0) throw new Error('not base32');
		bits += index.toString(2).padStart(5, '0');
	}
	const bytes: number[] = [];
	for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
	return Buffer.from(bytes);
}
