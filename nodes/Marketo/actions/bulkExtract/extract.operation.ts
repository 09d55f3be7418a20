import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { splitValues } from '../../helpers/validation';
import { filterProperties, MAX_RANGE_DAYS, readJobFilters } from './exportFilter';
import { readExportTarget } from './exportKinds';
import { MAX_QUEUED_JOBS, queueJobs, runJobs, type PlannedJob } from './extractRun';
import { itemByItem } from '../../helpers/eachItem';
import { readResultSettings, resultProperties, targetProperties, type ResultSettings } from './properties';
import type { ExportTarget } from './exportKinds';

const properties: INodeProperties[] = [
	...targetProperties,
	{
		displayName: 'Field Names or IDs',
		name: 'exportFields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getBulkExportFields', loadOptionsDependsOn: ['exportObject', 'customObjectName'] },
		default: [],
		description:
			'The columns of the file, in this order (activities: all standard fields when empty). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...filterProperties,
	...resultProperties(true),
];

export const description = forOperation('bulkExtract', 'extract', properties);

interface ExtractInput {
	target: ExportTarget;
	planned: PlannedJob[];
	settings: ResultSettings;
}

function readFields(ctx: IExecuteFunctions, itemIndex: number, target: ExportTarget): string[] {
	const fields = splitValues(ctx.getNodeParameter('exportFields', itemIndex, []));
	if (fields.length > 0) return fields;
	if (target.kind.defaultFields) return target.kind.defaultFields;
	throw new ItemInputError(itemIndex, 'Field Names or IDs', 'is empty; choose the fields the file should hold (Marketo requires them)');
}

function readInput(ctx: IExecuteFunctions, itemIndex: number): ExtractInput {
	const target = readExportTarget(ctx, itemIndex);
	const fields = readFields(ctx, itemIndex, target);
	const planned = readJobFilters(ctx, itemIndex, target).map(({ filter, window }) => ({ body: { fields, format: 'CSV', filter }, window }));
	const settings = readResultSettings(ctx, itemIndex);
	if (!settings.wait && planned.length > MAX_QUEUED_JOBS) {
		throw new ItemInputError(
			itemIndex,
			'To',
			`the range needs ${planned.length} jobs of ${MAX_RANGE_DAYS} days, but Marketo queues at most ${MAX_QUEUED_JOBS}: turn on "Wait for Completion" (the jobs then run one after another) or shorten the range`,
		);
	}
	return { target, planned, settings };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await itemByItem(
		this,
		items,
		(itemIndex) => readInput(this, itemIndex),
		async ({ target, planned, settings }, itemIndex) =>
			settings.wait ? await runJobs(this, itemIndex, target, planned, settings) : await queueJobs(this, itemIndex, target, planned),
	);
}
