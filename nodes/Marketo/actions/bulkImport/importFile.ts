import { formatCsvRow, parseCsvRows } from '../../helpers/csv';
import { settle } from '../../transport/settle';

/**
 * Marketo takes import files up to 10 MB (HTTP 413 past it). Parts stay under 10,000,000 bytes,
 * which leaves room for the multipart envelope within Marketo's 10 MiB.
 */
export const MAX_IMPORT_FILE_BYTES = 10_000_000;

/** The file formats Marketo's bulk import reads, by the delimiter between fields. */
export const FILE_DELIMITERS: Readonly<Record<string, string>> = { csv: ',', tsv: '\t', ssv: ';' };

/** Rows to import: the header (Marketo REST field names), then the rows. */
export interface ImportRows {
	header: string[];
	rows: AsyncIterator<unknown[]>;
}

/** One file Marketo is sent: the header and as many rows as fit. Parts and rows are numbered from 1 (rows under the header). */
export interface ImportPart {
	index: number;
	csv: string;
	firstRow: number;
	rowCount: number;
}

/** A problem with the file itself, found before anything is sent; `row` (from 1, under the header) when one row is to blame. */
export class ImportFileError extends Error {
	constructor(
		message: string,
		readonly row?: number,
	) {
		super(message);
		this.name = 'ImportFileError';
	}
}

async function* byteChunks(data: Uint8Array, size = 1 << 20): AsyncGenerator<Uint8Array> {
	for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

/** The next row; the CSV reader's own complaint (a quote never closed) becomes an ImportFileError saying where. */
async function nextRow(rows: AsyncIterator<unknown[]>, rowNumber: number): Promise<IteratorResult<unknown[]>> {
	const next = await settle(rows.next());
	if (next.ok) return next.value;
	const where = rowNumber === 0 ? 'the header' : `row ${rowNumber} under the header`;
	throw new ImportFileError(`${(next.error as Error)?.message ?? String(next.error)} (reading ${where})`, rowNumber || undefined);
}

/** A CSV, TSV or SSV file's rows; its first row is the header. */
export async function rowsOfFile(data: Uint8Array, delimiter: string): Promise<ImportRows> {
	const rows = parseCsvRows(byteChunks(data), delimiter);
	const first = await nextRow(rows, 0);
	const header = first.done ? [] : first.value.map((name) => String(name).trim());
	if (header.every((name) => name === '')) throw new ImportFileError('the file is empty; its first row must name the fields (Marketo REST API names)');
	return { header, rows };
}

/**
 * Splits rows into files Marketo accepts (each at most `maxBytes`, each with the header), on row
 * boundaries, written as CSV whatever the source's format. A row longer than the header, or one
 * that cannot fit in a file by itself, is an ImportFileError.
 */
export async function* importParts(source: ImportRows, maxBytes = MAX_IMPORT_FILE_BYTES): AsyncGenerator<ImportPart> {
	const headerLine = `${formatCsvRow(source.header)}\n`;
	const headerBytes = Buffer.byteLength(headerLine);
	let lines: string[] = [];
	let bytes = headerBytes;
	let firstRow = 1;
	let rowNumber = 0;
	let index = 0;
	const part = (): ImportPart => ({ index: ++index, csv: headerLine + lines.join(''), firstRow, rowCount: lines.length });
	for (;;) {
		const next = await nextRow(source.rows, rowNumber + 1);
		if (next.done) break;
		const row = next.value;
		rowNumber += 1;
		if (row.length > source.header.length) {
			throw new ImportFileError(`row ${rowNumber} has ${row.length} fields, but the header names ${source.header.length}`, rowNumber);
		}
		const line = `${formatCsvRow(row)}\n`;
		const lineBytes = Buffer.byteLength(line);
		if (headerBytes + lineBytes > maxBytes) throw new ImportFileError(`row ${rowNumber} is larger than a whole import file may be (${maxBytes} bytes)`, rowNumber);
		if (bytes + lineBytes > maxBytes) {
			yield part();
			lines = [];
			bytes = headerBytes;
			firstRow = rowNumber;
		}
		lines.push(line);
		bytes += lineBytes;
	}
	if (rowNumber === 0) throw new ImportFileError('there are no rows under the header');
	yield part();
}
