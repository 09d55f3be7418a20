/**
 * Marketo's daily quota resets at 00:00 US Central time (America/Chicago), DST included.
 * Intl is built into Node, so no time-zone library is needed.
 */
const chicagoParts = new Intl.DateTimeFormat('en-US', {
	timeZone: 'America/Chicago',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
});

function partsOf(epochMs: number): Record<string, number> {
	const parts: Record<string, number> = {};
	for (const part of chicagoParts.formatToParts(new Date(epochMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return parts;
}

/** `YYYY-MM-DD` of the Chicago calendar day that contains this instant. */
export function chicagoDayKey(epochMs: number): string {
	const { year, month, day } = partsOf(epochMs);
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Chicago's offset from UTC at this instant, in ms (negative: Chicago is behind UTC). */
function chicagoOffsetMs(epochMs: number): number {
	const p = partsOf(epochMs);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant of the next 00:00 in Chicago after `epochMs`. */
export function nextChicagoMidnight(epochMs: number): number {
	const p = partsOf(epochMs);
	const midnightAsUtc = Date.UTC(p.year, p.month - 1, p.day + 1, 0, 0, 0);
	// The offset at midnight can differ from now's around DST changes: correct once with it.
	const guess = midnightAsUtc - chicagoOffsetMs(epochMs);
	return midnightAsUtc - chicagoOffsetMs(guess);
}
