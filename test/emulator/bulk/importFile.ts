import { CsvRowReader } from '../../../nodes/Marketo/helpers/csv';
import { multipartBody } from '../assets/requestBody';
import { MarketoFailure, marketoErrors } from '../errors';

/** Marketo's import file formats: comma, tab or semicolon separated. */
const DELIMITERS: Readonly<Record<string, string>> = { csv: ',', tsv: '\t', ssv: ';' };

export interface ImportFile {
	header: string[];
	rows: string[][];
}

/**
 * The upload of an import call: a multipart body whose `file` part holds the file (612 for another
 * content type, 613 for a broken one), in the `format` the query names; the first row is the header.
 */
export function readImportFile(body: unknown, format: string | undefined): ImportFile {
	if (!format) throw new MarketoFailure(marketoErrors.missingParameter('format'));
	const delimiter = DELIMITERS[format.toLowerCase()];
	if (delimiter === undefined) throw new MarketoFailure(marketoErrors.invalidData(`Invalid format '${format}'; use csv, tsv or ssv`));
	const file = multipartBody(body).get('file');
	if (file?.fileName === undefined) throw new MarketoFailure(marketoErrors.missingParameter('file'));
	const reader = new CsvRowReader(delimiter);
	let rows: string[][];
	try {
		rows = [...reader.push(file.value.replace(/^\uFEFF/, '')), ...reader.end()];
	} catch (error) {
		throw new MarketoFailure(marketoErrors.invalidData(`The file could not be read: ${(error as Error).message}`));
	}
	const [header, ...records] = rows;
	if (header === undefined || header.every((name) => name.trim() === '')) throw new MarketoFailure(marketoErrors.invalidData('Empty file: the first row must name the fields'));
	return { header: header.map((name) => name.trim()), rows: records };
}
