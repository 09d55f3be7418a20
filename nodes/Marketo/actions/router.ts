import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ItemInputError, RecordRejectedError, type ItemOutcome } from '../helpers/outcomes';
import { toNodeApiError } from '../transport';
import { MarketoApiError } from '../transport/errors';
import { DailyBudgetExhaustedError } from '../transport/throttle';
import { RESOURCES } from './resources';

function toNodeError(ctx: IExecuteFunctions, error: Error, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	if (error instanceof ItemInputError) return new NodeOperationError(ctx.getNode(), error.message, { itemIndex });
	if (error instanceof RecordRejectedError) {
		return new NodeApiError(ctx.getNode(), { message: error.message, code: error.code ?? '' }, { message: error.message, itemIndex });
	}
	if (error instanceof MarketoApiError || error instanceof DailyBudgetExhaustedError) return toNodeApiError(ctx, error, [], itemIndex);
	return new NodeOperationError(ctx.getNode(), error, { itemIndex });
}

function errorJson(error: Error): IDataObject {
	const code =
		error instanceof RecordRejectedError ? error.code : error instanceof MarketoApiError ? error.details.code : undefined;
	return { error: error.message, ...(code ? { code } : {}) };
}

/**
 * Reads resource and operation, runs the operation over all items at once (operations batch),
 * and owns Continue On Fail: one item's error becomes that item's output or stops the node.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = RESOURCES.find((entry) => entry.value === resource)?.operations[operationName];
	if (!operation) {
		// n8n adds its own "Custom API Call" entry to every operation list; ours keeps the throttle and token renewal.
		const hint =
			operationName === '__CUSTOM_API_CALL__'
				? 'Choose the resource "Custom API Call" of this node instead: it sends any Marketo call through the same token renewal and rate limits.'
				: undefined;
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`, {
			description: hint,
		});
	}

	let outcomes: ItemOutcome[];
	try {
		outcomes = await operation.execute.call(this, items);
	} catch (error) {
		const itemIndex = error instanceof ItemInputError ? error.itemIndex : 0;
		throw toNodeError(this, error as Error, itemIndex);
	}

	const output: INodeExecutionData[] = [];
	for (const outcome of [...outcomes].sort((a, b) => a.itemIndex - b.itemIndex)) {
		const pairedItem = { item: outcome.itemIndex };
		if ('error' in outcome) {
			if (!this.continueOnFail()) throw toNodeError(this, outcome.error, outcome.itemIndex);
			output.push({ json: errorJson(outcome.error), pairedItem });
			continue;
		}
		output.push(...outcome.records.map((json, position) => ({ json, ...(outcome.binaries?.[position] ? { binary: outcome.binaries[position] } : {}), pairedItem })));
	}
	return [output];
}
