import { parseCsvRows } from '../../nodes/Marketo/helpers/csv';
import { FILE_DELIMITERS, ImportFileError, importParts, MAX_IMPORT_FILE_BYTES, rowsOfFile, type ImportPart, type ImportRows } from '../../nodes/Marketo/actions/bulkImport/importFile';
import { IMPORT_KINDS, type ImportTarget } from '../../nodes/Marketo/actions/bulkImport/importKinds';

const bytes = (text: string) => new TextEncoder().encode(text);

function rowsOf(header: string[], rows: unknown[][]): ImportRows {
	return { header, rows: (async function* () { yield* rows; })() };
}

async function partsOf(source: ImportRows, maxBytes?: number): Promise<ImportPart[]> {
	const parts: ImportPart[] = [];
	for await (const part of importParts(source, maxBytes)) parts.push(part);
	return parts;
}

async function allRows(text: string): Promise<string[][]> {
	const rows: string[][] = [];
	for await (const row of parseCsvRows(text)) rows.push(row);
	return rows;
}

describe('import files: split on row boundaries, each part under the limit with the header', () => {
	it('keeps every part within the byte limit, repeats the header, and keeps the rows in order', async () => {
		const rows = Array.from({ length: 10 }, (_, i) => [`p${i}@example.com`, `Name ${i}`]);
		// header "email,name\n" is 11 bytes, each row 24: two rows fit in 60 bytes, three do not.
		const parts = await partsOf(rowsOf(['email', 'name'], rows), 60);

		expect(parts.map((part) => [part.index, part.firstRow, part.rowCount])).toEqual([
			[1, 1, 2],
			[2, 3, 2],
			[3, 5, 2],
			[4, 7, 2],
			[5, 9, 2],
		]);
		for (const part of parts) {
			expect(Buffer.byteLength(part.csv)).toBeLessThanOrEqual(60);
			expect(part.csv.startsWith('email,name\n')).toBe(true);
		}
		const rejoined = (await Promise.all(parts.map(async (part) => (await allRows(part.csv)).slice(1)))).flat();
		expect(rejoined).toEqual(rows);
	});

	it('writes values as CSV: quoted when needed, numbers and booleans as text, null as an empty field', async () => {
		const [part] = await partsOf(rowsOf(['email', 'company', 'score', 'active', 'note'], [['a@example.com', 'Comma, "Quoted" Ltd', 7, true, null]]));
		expect(part.csv).toBe('email,company,score,active,note\na@example.com,"Comma, ""Quoted"" Ltd",7,true,\n');
	});

	it('counts bytes, not characters: a multi-byte row moves to the next part', async () => {
		const parts = await partsOf(rowsOf(['name'], [['ä'.repeat(10)], ['ä'.repeat(10)]]), 5 + 21 + 10);
		expect(parts.map((part) => part.rowCount)).toEqual([1, 1]);
	});

	it('refuses a row that cannot fit in a file by itself, a row longer than the header, and no rows at all', async () => {
		await expect(partsOf(rowsOf(['note'], [['short'], ['x'.repeat(100)]]), 50)).rejects.toEqual(new ImportFileError('row 2 is larger than a whole import file may be (50 bytes)', 2));
		await expect(partsOf(rowsOf(['email'], [['a@example.com', 'extra']]))).rejects.toEqual(new ImportFileError('row 1 has 2 fields, but the header names 1', 1));
		await expect(partsOf(rowsOf(['email'], []))).rejects.toThrow('there are no rows under the header');
	});

	it('the default limit leaves room for the multipart envelope within Marketo\'s 10 MB', () => {
		expect(MAX_IMPORT_FILE_BYTES).toBeLessThan(10 * 1024 * 1024 - 1024);
	});
});

describe('import files from binary data: CSV, TSV, SSV', () => {
	it.each([
		['csv', 'email,company\na@example.com,"Semi; Colon, Comma"\n'],
		['tsv', 'email\tcompany\na@example.com\t"Semi; Colon, Comma"\n'],
		['ssv', 'email;company\na@example.com;"Semi; Colon, Comma"\n'],
	])('%s: the first row is the header; the rest become CSV rows', async (format, text) => {
		const source = await rowsOfFile(bytes(text), FILE_DELIMITERS[format]);
		expect(source.header).toEqual(['email', 'company']);
		const [part] = await partsOf(source);
		expect(part.csv).toBe('email,company\na@example.com,"Semi; Colon, Comma"\n');
	});

	it('reads a file bigger than one read chunk, with a quoted line break across the chunk edge', async () => {
		// The 1 MiB read chunk ends inside "line one\nline two".
		const filler = 'f'.repeat((1 << 20) - 46);
		const text = `email,note\na@example.com,${filler}\nb@example.com,"line one\nline two"\n`;
		const [part] = await partsOf(await rowsOfFile(bytes(text), ','));
		expect((await allRows(part.csv)).slice(1)).toEqual([
			['a@example.com', filler],
			['b@example.com', 'line one\nline two'],
		]);
	});

	it('an empty file, or a broken quote, is an ImportFileError that says where', async () => {
		await expect(rowsOfFile(bytes(''), ',')).rejects.toThrow('the file is empty');
		await expect(partsOf(await rowsOfFile(bytes('email\n"a@example.com\n'), ','))).rejects.toThrow('(reading row 1 under the header)');
	});
});

describe('import kinds are data: one table says where each kind uploads and where its jobs are read', () => {
	const target = (kind: ImportTarget['kind']): ImportTarget => ({ kind, customObjectName: 'car_c', programId: 1001, programMemberStatus: 'Registered', lookupField: 'email' });
	it.each([
		['leads', '/bulk/v1/leads.json', '/bulk/v1/leads/batch/7.json', '/bulk/v1/leads/batch/7/failures.json'],
		['customObject', '/bulk/v1/customobjects/car_c/import.json', '/bulk/v1/customobjects/car_c/import/7/status.json', '/bulk/v1/customobjects/car_c/import/7/failures.json'],
		['programMembers', '/bulk/v1/program/1001/members/import.json', '/bulk/v1/program/members/import/7/status.json', '/bulk/v1/program/members/import/7/failures.json'],
	] as const)('%s', (kind, upload, status, failures) => {
		const spec = IMPORT_KINDS[kind];
		expect(spec.uploadPath(target(kind))).toBe(upload);
		expect(`${spec.jobPath(target(kind), 7)}${spec.statusSuffix}`).toBe(status);
		expect(`${spec.jobPath(target(kind), 7)}/failures.json`).toBe(failures);
	});
});
