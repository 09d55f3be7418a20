/** Marketo's per-call limits on batch writes. */
export const LEAD_DATABASE_BATCH_LIMIT = 300;
export const MAX_BODY_BYTES = 1_048_576;
/** Leaves room for the envelope around `input` (action, lookupField, partitionName...). */
const ENVELOPE_ALLOWANCE_BYTES = 4_096;

export interface ChunkLimits {
	maxRecords: number;
	maxBodyBytes?: number;
}

function jsonBytes(value: unknown): number {
	return Buffer.byteLength(JSON.stringify(value));
}

/**
 * Splits records into batches of at most `maxRecords` whose JSON stays under the body limit.
 * Returns the batches as index ranges into `records`, so results map back to their items.
 */
export function chunkForEndpoint(records: unknown[], limits: ChunkLimits): Array<{ start: number; end: number }> {
	const maxBytes = (limits.maxBodyBytes ?? MAX_BODY_BYTES) - ENVELOPE_ALLOWANCE_BYTES;
	const chunks: Array<{ start: number; end: number }> = [];
	let start = 0;
	let bytes = 0;
	records.forEach((record, index) => {
		const size = jsonBytes(record) + 1;
		const full = index - start >= limits.maxRecords || (index > start && bytes + size > maxBytes);
		if (full) {
			chunks.push({ start, end: index });
			start = index;
			bytes = 0;
		}
		bytes += size;
	});
	if (start < records.length) chunks.push({ start, end: records.length });
	return chunks;
}
