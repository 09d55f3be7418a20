import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failed, type ItemOutcome } from '../helpers/outcomes';

/**
 * Reads every item's input before anything is sent. Items whose input is bad become error
 * outcomes; without Continue On Fail the first of them stops the node before any call.
 */
export function readInputs<T>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (itemIndex: number) => T,
): { inputs: Array<{ itemIndex: number; input: T }>; invalid: ItemOutcome[] } {
	const inputs: Array<{ itemIndex: number; input: T }> = [];
	const invalid: ItemOutcome[] = [];
	items.forEach((_item, itemIndex) => {
		try {
			inputs.push({ itemIndex, input: read(itemIndex) });
		} catch (error) {
			if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			invalid.push(failed(itemIndex, error as Error));
		}
	});
	return { inputs, invalid };
}

/** Groups values by a key, keeping first-seen order (items that share settings share calls). */
export function groupBy<T>(values: T[], keyOf: (value: T) => string): T[][] {
	const groups = new Map<string, T[]>();
	for (const value of values) {
		const group = groups.get(keyOf(value));
		if (group) group.push(value);
		else groups.set(keyOf(value), [value]);
	}
	return [...groups.values()];
}
