import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readWaitSettings, waitingProperty, type WaitSettings } from '../../helpers/bulkWait';
import { forOperation } from '../../helpers/displayOptions';
import { failed, ItemInputError, succeeded, type ItemOutcome } from '../../helpers/outcomes';
import { readRecordFields, recordFieldProperties } from '../../helpers/recordFields';
import { requirePresent, type Scalar } from '../../helpers/validation';
import { settle } from '../../transport/settle';
import { BINARY_FIELD, binaryFileOf, binaryPropertyProperty, type PendingFile } from '../asset/upload';
import { groupBy, readInputs } from '../inputs';
import { FILE_DELIMITERS, ImportFileError, importParts, rowsOfFile, type ImportRows } from './importFile';
import { IMPORT_KINDS, readTarget, targetKey, targetProperties, type ImportTarget } from './importKinds';
import { runImport, type ImportPlan } from './importRun';

const fromItems = { show: { source: ['items'] } };
const fromBinary = { show: { source: ['binary'] } };

const properties: INodeProperties[] = [
	...targetProperties('import'),
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Input Items',
				value: 'items',
				description: "Each item is a row, its fields the columns; the items of one run go in one import (split into 10 MB files), whose output is paired with the first of them",
			},
			{
				name: 'Binary File',
				value: 'binary',
				description: 'Each item carries a CSV, TSV or SSV file whose first row names the fields; each file is its own import',
			},
		],
		default: 'items',
	},
	...recordFieldProperties('import', {
		loadOptionsMethod: 'getBulkImportFields',
		loadOptionsDependsOn: ['objectKind', 'customObjectName'],
	}).map((property) => ({ ...property, displayOptions: { show: { ...property.displayOptions?.show, ...fromItems.show } } })),
	{ ...binaryPropertyProperty('The binary property holding the file to import'), displayOptions: fromBinary },
	{
		displayName: 'File Format',
		name: 'fileFormat',
		type: 'options',
		options: [
			{ name: 'CSV (Comma-Separated)', value: 'csv' },
			{ name: 'TSV (Tab-Separated)', value: 'tsv' },
			{ name: 'SSV (Semicolon-Separated)', value: 'ssv' },
		],
		default: 'csv',
		description: "The file's first row must name the fields (Marketo REST API names, e.g. email, firstName)",
		displayOptions: fromBinary,
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until Marketo has imported every file and output each batch\'s final status. Off: output each batch ID at once; check it later with Get Status.',
	},
	{
		displayName: 'Output Failed and Warned Rows',
		name: 'outputRowProblems',
		type: 'boolean',
		default: true,
		description: 'Whether to also output, one item each, the rows Marketo could not import or imported with a warning, with its reason',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
	waitingProperty({
		maxWaitDescription:
			"Give up waiting for a batch after this long (it goes on in Marketo; its batch ID is in the error, for Get Status), or for room in Marketo's import queue (10 jobs per instance)",
		firstCheckDescription: 'The wait before the first status check (or before sending again to a full queue); each later wait doubles, up to the longest wait',
	}),
];

export const description = forOperation('bulkImport', 'import', properties);

type ImportSource = { kind: 'items'; record: Record<string, Scalar> } | { kind: 'binary'; file: PendingFile; delimiter: string };

interface ImportInput {
	target: ImportTarget;
	source: ImportSource;
	wait: WaitSettings;
	waitForCompletion: boolean;
	outputRowProblems: boolean;
}

function readImportInput(ctx: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): ImportInput {
	const target = readTarget(ctx, itemIndex, true);
	const wait = readWaitSettings(ctx, itemIndex);
	const waitForCompletion = ctx.getNodeParameter('waitForCompletion', itemIndex, true) as boolean;
	const outputRowProblems = waitForCompletion && (ctx.getNodeParameter('outputRowProblems', itemIndex, true) as boolean);
	const settings = { target, wait, waitForCompletion, outputRowProblems };
	if (ctx.getNodeParameter('source', itemIndex) === 'binary') {
		const file = binaryFileOf(ctx, itemIndex, String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')));
		const delimiter = FILE_DELIMITERS[String(ctx.getNodeParameter('fileFormat', itemIndex, 'csv'))] ?? ',';
		return { ...settings, source: { kind: 'binary', file, delimiter } };
	}
	const record = readRecordFields(ctx, item, itemIndex);
	for (const { column, why } of IMPORT_KINDS[target.kind].requiredColumns(target)) requirePresent(itemIndex, column, record[column], why);
	return { ...settings, source: { kind: 'items', record } };
}

type Group = Array<{ itemIndex: number; input: ImportInput }>;

/** The items of a group as rows: the columns are every field any of them has, in first-seen order. */
function rowsOfItems(group: Group): ImportRows {
	const records = group.map(({ input }) => (input.source as { record: Record<string, Scalar> }).record);
	const header = [...new Set(records.flatMap((record) => Object.keys(record)))];
	const rows = (async function* () {
		for (const record of records) yield header.map((column) => record[column]);
	})();
	return { header, rows };
}

/** How the group's rows are read: again each time (once to check them, once to send them). */
function openerOf(group: Group): { open(): Promise<ImportRows>; fileName: string } {
	const { source } = group[0].input;
	if (source.kind === 'items') return { open: async () => rowsOfItems(group), fileName: 'n8n-import' };
	return {
		open: async () => await rowsOfFile(await source.file.load(), source.delimiter),
		fileName: source.file.fileName.replace(/\.[^.]*$/, '') || 'n8n-import',
	};
}

/** The item and field a problem with the group's rows belongs to (items: the row's item). */
function inputErrorOf(group: Group, error: ImportFileError): ItemInputError {
	const { source } = group[0].input;
	if (source.kind === 'binary') return new ItemInputError(group[0].itemIndex, BINARY_FIELD, `"${source.file.fileName}": ${error.message}`);
	const blamed = error.row !== undefined ? group[error.row - 1] : undefined;
	return new ItemInputError(blamed?.itemIndex ?? group[0].itemIndex, 'Fields', error.message.replace(/^row \d+ /, 'the row '));
}

/** Reads every part once, before anything is sent: a broken file, a missing key column or an oversized row is caught here. */
async function checkedPlan(group: Group): Promise<ImportPlan> {
	const { target, wait, waitForCompletion, outputRowProblems } = group[0].input;
	const { open, fileName } = openerOf(group);
	const rows = await open();
	for (const { column, why } of IMPORT_KINDS[target.kind].requiredColumns(target)) {
		if (!rows.header.includes(column)) throw new ImportFileError(`the header has no column "${column}"; ${why}`);
	}
	let parts = 0;
	for await (const part of importParts(rows)) parts = part.index;
	return { target, open, parts, fileName, wait, waitForCompletion, outputRowProblems };
}

/**
 * Bulk import: items (all that share the same settings) or each item's binary file become CSV
 * files of at most 10 MB, sent to Marketo's import endpoint for leads, a custom object or a
 * program's members. Everything is read and checked before the first upload.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex) => readImportInput(this, items[itemIndex], itemIndex));
	// Items become one import per target and settings; binary files one import each.
	const groups = groupBy(inputs, ({ itemIndex, input }) =>
		input.source.kind === 'binary' ? `file ${itemIndex}` : `${targetKey(input.target)}|${JSON.stringify([input.wait, input.waitForCompletion, input.outputRowProblems])}`,
	);
	const outcomes = [...invalid];
	const plans: Array<{ itemIndex: number; plan: ImportPlan }> = [];
	for (const group of groups) {
		const checked = await settle(checkedPlan(group));
		if (checked.ok) {
			plans.push({ itemIndex: group[0].itemIndex, plan: checked.value });
			continue;
		}
		const error = checked.error instanceof ImportFileError ? inputErrorOf(group, checked.error) : (checked.error as Error);
		const itemIndex = error instanceof ItemInputError ? error.itemIndex : group[0].itemIndex;
		if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error, { itemIndex });
		outcomes.push(failed(itemIndex, error));
	}
	// One import after the other: Marketo imports two at a time per instance anyway.
	for (const { itemIndex, plan } of plans) {
		const run = await settle(runImport(this, plan));
		outcomes.push(run.ok ? succeeded(itemIndex, ...run.value) : failed(itemIndex, run.error as Error));
	}
	return outcomes;
}
