/**
 * A date Marketo wrote, in ms (0 when it is none). Real answers use several forms: `…T…Z`,
 * `…T…+0000` (activity feeds), `…T…Z+0000` (assets) and, in older answers, `2014-11-13 12:43:04`
 * without a zone, which is UTC (JavaScript would read it as local time).
 */
export function marketoTimeMs(value: unknown): number {
	const text = String(value ?? '')
		.trim()
		.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T')
		.replace(/Z(?=[+-]\d{2}:?\d{2}$)/i, '')
		.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
	const zoned = /T[\d:.]+$/.test(text) ? `${text}Z` : text;
	const ms = Date.parse(zoned);
	return Number.isNaN(ms) ? 0 : ms;
}
