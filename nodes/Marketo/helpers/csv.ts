/**
 * CSV as Marketo's bulk APIs speak it (RFC 4180): comma separated, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled inside quotes, CRLF or LF line ends.
 */

export type CsvSource = AsyncIterable<string | Uint8Array> | Iterable<string> | string;

/**
 * Turns text chunks into rows without holding more than the row being read: chunks may split a
 * field, a doubled quote or a CRLF anywhere. A blank line is an empty row (`[]`).
 */
export class CsvRowReader {
	/** Quote, delimiter, CR, LF: where unquoted text stops. */
	private readonly special: RegExp;
	private field = '';
	private row: string[] = [];
	private quoted = false;
	/** A quote inside a quoted field: the next character says whether it was doubled or closing. */
	private quotePending = false;
	private atFieldStart = true;
	private rowStarted = false;
	/** The previous chunk ended on CR: a LF at the start of the next one belongs to it. */
	private afterCr = false;

	/** `delimiter`: ',' for CSV; Marketo's bulk files may also be tab (TSV) or semicolon (SSV) separated. */
	constructor(private readonly delimiter = ',') {
		this.special = new RegExp(`["${delimiter}\\r\\n]`, 'g');
	}

	/** Reads one chunk; returns the rows it completed. */
	push(text: string): string[][] {
		const rows: string[][] = [];
		let at = 0;
		if (this.afterCr && text.length > 0) {
			if (text[0] === '\n') at = 1;
			this.afterCr = false;
		}
		while (at < text.length) {
			at = this.quoted ? this.readQuoted(text, at) : this.readUnquoted(text, at, rows);
		}
		return rows;
	}

	/** The last row when the text does not end with a line break. */
	end(): string[][] {
		if (this.quoted && !this.quotePending) throw new Error('The CSV ends inside a quoted field (a closing quote is missing)');
		this.quoted = false;
		this.quotePending = false;
		const rows: string[][] = [];
		this.endRow(rows, true);
		return rows;
	}

	private readQuoted(text: string, at: number): number {
		if (this.quotePending) {
			this.quotePending = false;
			if (text[at] === '"') {
				this.field += '"';
				return at + 1;
			}
			this.quoted = false;
			return at;
		}
		const quote = text.indexOf('"', at);
		if (quote === -1) {
			this.field += text.slice(at);
			return text.length;
		}
		this.field += text.slice(at, quote);
		this.quotePending = true;
		return quote + 1;
	}

	private readUnquoted(text: string, at: number, rows: string[][]): number {
		this.special.lastIndex = at;
		const match = this.special.exec(text);
		const stop = match ? match.index : text.length;
		if (stop > at) {
			this.field += text.slice(at, stop);
			this.atFieldStart = false;
			this.rowStarted = true;
		}
		if (!match) return text.length;
		const next = stop + 1;
		switch (text[stop]) {
			case '"':
				// A quote opens a quoted field only at its start; elsewhere it is kept as text.
				if (this.atFieldStart) this.quoted = true;
				else this.field += '"';
				this.atFieldStart = false;
				this.rowStarted = true;
				return next;
			case this.delimiter:
				this.row.push(this.field);
				this.field = '';
				this.atFieldStart = true;
				this.rowStarted = true;
				return next;
			case '\r':
				this.endRow(rows);
				if (next < text.length) return text[next] === '\n' ? next + 1 : next;
				this.afterCr = true;
				return next;
			default:
				this.endRow(rows);
				return next;
		}
	}

	private endRow(rows: string[][], atEnd = false): void {
		if (this.rowStarted) {
			this.row.push(this.field);
			rows.push(this.row);
		} else if (!atEnd) {
			rows.push([]);
		}
		this.row = [];
		this.field = '';
		this.atFieldStart = true;
		this.rowStarted = false;
	}
}

async function* textChunks(source: CsvSource): AsyncGenerator<string> {
	if (typeof source === 'string') {
		yield source;
		return;
	}
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
		yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
	}
	const rest = decoder.decode();
	if (rest) yield rest;
}

/**
 * Rows of a CSV as arrays of fields, read chunk by chunk. A leading byte-order mark is dropped.
 * Blank lines are skipped, unless `keepBlankLines` (they come as `[]`).
 */
export async function* parseCsvRows(source: CsvSource, delimiter = ',', keepBlankLines = false): AsyncGenerator<string[]> {
	const reader = new CsvRowReader(delimiter);
	let first = true;
	for await (let text of textChunks(source)) {
		if (first && text.length > 0) {
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
			first = false;
		}
		for (const row of reader.push(text)) if (keepBlankLines || row.length > 0) yield row;
	}
	yield* reader.end();
}

/**
 * Records of a CSV whose first row names the columns. A short row leaves the missing columns
 * empty; fields past the header are kept under `column<N>` (1-based) rather than dropped. In a
 * one-column file a blank line is a record with an empty value (an export of just `email`).
 */
export async function* parseCsvRecords(source: CsvSource): AsyncGenerator<Record<string, string>> {
	let header: string[] | undefined;
	for await (const row of parseCsvRows(source, ',', true)) {
		if (!header) {
			if (row.length > 0) header = row;
			continue;
		}
		if (row.length === 0 && header.length > 1) continue;
		const record: Record<string, string> = {};
		header.forEach((name, index) => (record[name] = row[index] ?? ''));
		for (let index = header.length; index < row.length; index++) record[`column${index + 1}`] = row[index];
		yield record;
	}
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One value as a CSV field: empty for null/undefined, JSON for objects and arrays, quoted when needed. */
export function csvField(value: unknown): string {
	let text: string;
	if (value === null || value === undefined) text = '';
	else if (value instanceof Date) text = value.toISOString();
	else if (typeof value === 'object') text = JSON.stringify(value);
	else text = String(value);
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsvRow(values: unknown[]): string {
	return values.map(csvField).join(',');
}

/** A CSV file: the header, then one line per row in column order, each line ending in LF. */
export function formatCsv(columns: string[], rows: Iterable<Record<string, unknown>>): string {
	const lines = [formatCsvRow(columns)];
	for (const row of rows) lines.push(formatCsvRow(columns.map((column) => row[column])));
	return `${lines.join('\n')}\n`;
}
