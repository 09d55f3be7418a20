/** Consecutive slices of at most `size` values: Marketo's per-call limits (10 activity types, 300 ids…). */
export function chunksOf<T>(values: T[], size: number): T[][] {
	return Array.from({ length: Math.ceil(values.length / size) }, (_, index) => values.slice(index * size, (index + 1) * size));
}
