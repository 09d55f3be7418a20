import { splitRange } from '../../nodes/Marketo/actions/bulkExtract/exportFilter';

const at = (iso: string) => Date.parse(iso);

describe('splitRange: date ranges as Marketo bulk extract takes them (at most 31 days, both ends included)', () => {
	it('keeps a range of up to 31 days as one window, in whole seconds', () => {
		expect(splitRange(at('2024-01-01T00:00:00.750Z'), at('2024-02-01T00:00:00.999Z'))).toEqual([{ startAt: '2024-01-01T00:00:00Z', endAt: '2024-02-01T00:00:00Z' }]);
		expect(splitRange(at('2024-03-05T10:00:00Z'), at('2024-03-05T10:00:00Z'))).toEqual([{ startAt: '2024-03-05T10:00:00Z', endAt: '2024-03-05T10:00:00Z' }]);
	});

	it('cuts a longer range into back-to-back windows: no second in two windows, none left out', () => {
		const windows = splitRange(at('2024-01-01T00:00:00Z'), at('2024-12-31T23:59:59Z'));
		expect(windows).toHaveLength(12);
		expect(windows[0]).toEqual({ startAt: '2024-01-01T00:00:00Z', endAt: '2024-01-31T23:59:59Z' });
		expect(windows.at(-1)?.endAt).toBe('2024-12-31T23:59:59Z');
		for (const [index, window] of windows.entries()) {
			expect(at(window.endAt) - at(window.startAt)).toBeLessThanOrEqual(31 * 86_400_000);
			if (index > 0) expect(at(window.startAt) - at(windows[index - 1].endAt)).toBe(1000);
		}
	});

	it('a range of 31 days and one second needs a second, one-second window', () => {
		expect(splitRange(at('2024-01-01T00:00:00Z'), at('2024-02-01T00:00:01Z'))).toEqual([
			{ startAt: '2024-01-01T00:00:00Z', endAt: '2024-01-31T23:59:59Z' },
			{ startAt: '2024-02-01T00:00:00Z', endAt: '2024-02-01T00:00:01Z' },
		]);
	});
});
