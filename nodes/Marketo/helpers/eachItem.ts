import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readInputs } from '../actions/inputs';
import { failed, succeeded, type ItemOutcome } from './outcomes';

/**
 * For operations Marketo has no batch endpoint for: read and check every item's input first
 * (bad input stops the node before any call), then make each item's call. Calls run side by
 * side; the transport's throttle decides how many fly at once. A failed call fails its item only.
 */
export async function eachItem<T>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (itemIndex: number) => T,
	call: (input: T, itemIndex: number) => Promise<IDataObject[]>,
): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(ctx, items, read);
	const done = await Promise.all(
		inputs.map(async ({ itemIndex, input }) => {
			try {
				return succeeded(itemIndex, ...(await call(input, itemIndex)));
			} catch (error) {
				return failed(itemIndex, error as Error);
			}
		}),
	);
	return [...invalid, ...done];
}

/**
 * For bulk jobs: item after item, not side by side. Every item's jobs share Marketo's queue of 10
 * and its 2 running slots, so one item's jobs finish before the next item's start. Bad input stops
 * the node before any call; a failed job fails its item only.
 */
export async function itemByItem<T>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (itemIndex: number) => T,
	run: (input: T, itemIndex: number) => Promise<ItemOutcome[]>,
): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(ctx, items, read);
	const outcomes = [...invalid];
	for (const { itemIndex, input } of inputs) {
		try {
			outcomes.push(...(await run(input, itemIndex)));
		} catch (error) {
			outcomes.push(failed(itemIndex, error as Error));
		}
	}
	return outcomes;
}

/** For answers that are the same for every item (describe, usage, partitions): one call per run, every item gets the rows. */
export async function onceForAllItems(items: INodeExecutionData[], fetch: () => Promise<IDataObject[]>): Promise<ItemOutcome[]> {
	const rows = await fetch();
	return items.map((_item, itemIndex) => succeeded(itemIndex, ...rows));
}
