import { csvField, formatCsv, parseCsvRecords, parseCsvRows } from '../../nodes/Marketo/helpers/csv';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const value of source) out.push(value);
	return out;
}

/** The same text cut into chunks of `size` characters: every boundary a parser can meet. */
async function* chunked(text: string, size: number): AsyncGenerator<string> {
	for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

const TRICKY = 'id,name,note\r\n1,"Doe, Jane","said ""hi""\r\nthen left"\r\n2,,""\r\n3,plain,x';
const TRICKY_ROWS = [
	['id', 'name', 'note'],
	['1', 'Doe, Jane', 'said "hi"\r\nthen left'],
	['2', '', ''],
	['3', 'plain', 'x'],
];

describe('parseCsvRows (RFC 4180)', () => {
	it('reads quoted commas, doubled quotes, embedded CRLF and a last row without a line break', async () => {
		expect(await collect(parseCsvRows(TRICKY))).toEqual(TRICKY_ROWS);
	});

	it.each([1, 2, 3, 5, 7, 64])('gives the same rows whatever the chunk size (%i characters)', async (size) => {
		expect(await collect(parseCsvRows(chunked(TRICKY, size)))).toEqual(TRICKY_ROWS);
	});

	it('accepts LF and lone CR line ends, skips blank lines and drops a byte-order mark', async () => {
		expect(await collect(parseCsvRows('\uFEFFa,b\n\n1,2\r3,4\n'))).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4'],
		]);
	});

	it('decodes bytes split inside a multi-byte character', async () => {
		const bytes = Buffer.from('name\nJosé Ünal\n', 'utf8');
		const split = bytes.indexOf(0xc3) + 1;
		async function* parts() {
			yield bytes.subarray(0, split);
			yield bytes.subarray(split);
		}
		expect(await collect(parseCsvRows(parts()))).toEqual([['name'], ['José Ünal']]);
	});

	it('refuses a file that ends inside a quoted field instead of inventing its end', async () => {
		await expect(collect(parseCsvRows('a\n"open'))).rejects.toThrow(/closing quote is missing/);
	});
});

describe('parseCsvRecords', () => {
	it('keeps a record whose only value is empty in a one-column file (an export of just email)', async () => {
		expect(await collect(parseCsvRecords('email\n\na@b.c\r\n\r\nd@e.f\n'))).toEqual([{ email: '' }, { email: 'a@b.c' }, { email: '' }, { email: 'd@e.f' }]);
		expect(await collect(parseCsvRecords(chunked('email\n\na@b.c\n', 1)))).toEqual([{ email: '' }, { email: 'a@b.c' }]);
	});

	it('skips blank lines in a file of several columns', async () => {
		expect(await collect(parseCsvRecords('id,email\n\n1,a@b.c\n\n'))).toEqual([{ id: '1', email: 'a@b.c' }]);
	});

	it('keys each row by the header; short rows get empty fields, extra fields are kept', async () => {
		expect(await collect(parseCsvRecords('id,email\n1\n2,b@x.io,extra\n'))).toEqual([
			{ id: '1', email: '' },
			{ id: '2', email: 'b@x.io', column3: 'extra' },
		]);
	});

	it('yields records before the source is finished (streaming, not whole-file)', async () => {
		let chunksRead = 0;
		async function* endless() {
			yield 'id\n';
			for (;;) {
				chunksRead++;
				yield `${chunksRead}\n`;
			}
		}
		const records = parseCsvRecords(endless());
		const first = await records.next();
		await records.return(undefined);
		expect(first.value).toEqual({ id: '1' });
		expect(chunksRead).toBeLessThan(3);
	});
});

describe('formatCsv', () => {
	it('writes the header first and quotes only fields that need it', () => {
		expect(formatCsv(['id', 'name', 'note'], [{ id: 1, name: 'Doe, Jane', note: 'said "hi"\nbye' }, { id: 2 }])).toBe(
			'id,name,note\n1,"Doe, Jane","said ""hi""\nbye"\n2,,\n',
		);
	});

	it('encodes objects and arrays as JSON, dates as ISO, null as empty', () => {
		expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
		expect(csvField([1, 2])).toBe('"[1,2]"');
		expect(csvField(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02T00:00:00.000Z');
		expect(csvField(null)).toBe('');
		expect(csvField(false)).toBe('false');
	});

	it('round-trips through parseCsvRecords', async () => {
		const rows = [{ email: 'a@x.io', note: 'line1\r\nline2, "q"' }, { email: 'b@x.io', note: '' }];
		expect(await collect(parseCsvRecords(formatCsv(['email', 'note'], rows)))).toEqual(rows);
	});
});
