import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BULK_POLL_DEFAULTS } from './bulkJob';

/** How long and how often a bulk operation checks its job. */
export interface WaitSettings {
	maxWaitMs: number;
	initialDelayMs: number;
	maxDelayMs: number;
}

/** Bulk jobs of big files run for tens of minutes when Marketo's queue is busy. */
export const DEFAULT_MAX_WAIT_MINUTES = 120;

interface WaitingFieldOptions {
	/** What happens to the job when waiting stops, and how the user picks it up again. */
	maxWaitDescription: string;
	firstCheckDescription: string;
	displayOptions?: INodeProperties['displayOptions'];
}

/** The "Waiting" options of Bulk Extract and Bulk Import: one shape, their own defaults and words. */
export function waitingProperty(options: WaitingFieldOptions): INodeProperties {
	return {
		displayName: 'Waiting',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		...(options.displayOptions ? { displayOptions: options.displayOptions } : {}),
		options: [
			{
				displayName: 'Max Wait (Minutes)',
				name: 'maxWaitMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 120, // DEFAULT_MAX_WAIT_MINUTES; n8n's lint wants the literal
				description: options.maxWaitDescription,
			},
			{
				displayName: 'First Check After (Seconds)',
				name: 'firstCheckSeconds',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 5, // BULK_POLL_DEFAULTS.initialDelayMs
				description: options.firstCheckDescription,
			},
			{
				displayName: 'Longest Wait Between Checks (Seconds)',
				name: 'maxCheckSeconds',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 60, // BULK_POLL_DEFAULTS.maxDelayMs
				description: 'Marketo updates a bulk job status about once a minute, so checking more often only spends API calls',
			},
		],
	};
}

export function readWaitSettings(ctx: IExecuteFunctions, itemIndex: number): WaitSettings {
	const options = ctx.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject;
	const seconds = (name: string, fallbackMs: number) => Math.max(0.1, Number(options[name] ?? fallbackMs / 1000)) * 1000;
	return {
		maxWaitMs: Math.max(0, Number(options.maxWaitMinutes ?? DEFAULT_MAX_WAIT_MINUTES)) * 60_000,
		initialDelayMs: seconds('firstCheckSeconds', BULK_POLL_DEFAULTS.initialDelayMs),
		maxDelayMs: seconds('maxCheckSeconds', BULK_POLL_DEFAULTS.maxDelayMs),
	};
}
