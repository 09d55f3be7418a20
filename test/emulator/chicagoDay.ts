// Marketo's daily quota resets at 00:00 US Central time, whatever the season (CST or CDT).
const centralDate = new Intl.DateTimeFormat('en-US', {
	timeZone: 'America/Chicago',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
});

/** The US Central calendar day (YYYY-MM-DD) that contains the instant `ms`. */
export function chicagoDay(ms: number): string {
	const parts = Object.fromEntries(centralDate.formatToParts(ms).map((p) => [p.type, p.value]));
	return `${parts.year}-${parts.month}-${parts.day}`;
}

/** `day` and the `count - 1` calendar days before it, most recent first. */
export function daysEndingOn(day: string, count: number): string[] {
	const noonUtc = Date.parse(`${day}T12:00:00Z`);
	return Array.from({ length: count }, (_, i) => new Date(noonUtc - i * 86_400_000).toISOString().slice(0, 10));
}
