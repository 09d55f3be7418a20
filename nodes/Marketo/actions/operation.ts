import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemOutcome } from '../helpers/outcomes';

/** Every `<op>.operation.ts` exports this pair; the router does the rest. */
export interface MarketoOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]>;
}
