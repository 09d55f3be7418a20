import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readWaitSettings, waitingProperty, type WaitSettings } from '../../helpers/bulkWait';
import { ItemInputError } from '../../helpers/outcomes';
import { customObjectNameProperty } from '../customObject/customObjectKind';
import { EXPORT_KINDS } from './exportKinds';

const forCustomObjects = { show: { exportObject: ['customObject'] } };

/** Which records (and, for custom objects, which type): every Bulk Extract operation starts with these. */
export const targetProperties: INodeProperties[] = [
	{
		displayName: 'Object',
		name: 'exportObject',
		type: 'options',
		noDataExpression: true,
		options: EXPORT_KINDS.map(({ name, value }) => ({ name, value })),
		default: 'leads',
		description: 'What the export holds. Marketo runs 2 export jobs at once per instance and queues 10; the files count against a daily export quota (500 MB by default).',
	},
	{ ...customObjectNameProperty, displayOptions: forCustomObjects },
];

export const exportIdProperty: INodeProperties = {
	displayName: 'Export ID',
	name: 'exportId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'ce45a7a1-f19d-4ce2-882c-a3c795940a7d',
	description: 'The export job ID: Extract outputs it when "Wait for Completion" is off; Get Many Jobs lists the jobs of the last 7 days',
};

/** Marketo's export IDs are UUIDs; anything else (or an empty field) is named before any call. */
export function readExportId(ctx: IExecuteFunctions, itemIndex: number): string {
	const exportId = String(ctx.getNodeParameter('exportId', itemIndex, '') ?? '').trim();
	if (!/^[A-Za-z0-9-]+$/.test(exportId)) {
		throw new ItemInputError(itemIndex, 'Export ID', exportId ? `"${exportId}" is not a Marketo export job ID` : 'is empty; enter the export job ID');
	}
	return exportId;
}

const whenWaiting = { show: { waitForCompletion: [true] } };

/**
 * Wait for the job, then items or a file; waiting settings for slow jobs. `waitSwitch` offers not
 * waiting at all (Extract); without it the job is always waited for (Download File).
 */
export function resultProperties(waitSwitch: boolean): INodeProperties[] {
	const displayOptions = waitSwitch ? whenWaiting : undefined;
	const onlyWhen = (show: Record<string, string[]>) => ({ displayOptions: { show: { ...displayOptions?.show, ...show } } });
	const waitProperty: INodeProperties = {
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until Marketo has written the files and then output their records. Off: output the jobs (their Export IDs) as soon as they are queued, for Download File later (files are kept 7 days).',
	};
	return [
		...(waitSwitch ? [waitProperty] : []),
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			displayOptions,
			options: [
				{ name: 'Items', value: 'items', description: 'One item per record of the file (read as it downloads; values are text)' },
				{ name: 'File', value: 'binary', description: 'The CSV file as binary data, one item per export job' },
			],
			default: 'items',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			...onlyWhen({ output: ['binary'] }),
			hint: 'The name of the output binary field to put the file in',
		},
		waitingProperty({
			maxWaitDescription: 'Give up waiting for a job after this long (the job goes on in Marketo; its Export ID is in the error so Download File can fetch it later)',
			firstCheckDescription: 'The wait before the first status check; each later wait doubles, up to the longest wait',
			displayOptions,
		}),
	];
}

export interface ResultSettings {
	wait?: WaitSettings;
	output: 'items' | 'binary';
	binaryPropertyName: string;
}

export function readResultSettings(ctx: IExecuteFunctions, itemIndex: number): ResultSettings {
	if (!(ctx.getNodeParameter('waitForCompletion', itemIndex, true) as boolean)) return { output: 'items', binaryPropertyName: '' };
	const output = ctx.getNodeParameter('output', itemIndex, 'items') === 'binary' ? 'binary' : 'items';
	const binaryPropertyName = output === 'binary' ? String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() : '';
	if (output === 'binary' && !binaryPropertyName) throw new ItemInputError(itemIndex, 'Put Output File in Field', 'is empty; enter the name of the output binary field');
	return {
		wait: readWaitSettings(ctx, itemIndex),
		output,
		binaryPropertyName,
	};
}
