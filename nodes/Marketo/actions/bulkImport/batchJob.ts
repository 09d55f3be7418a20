import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import type { MarketoOperation } from '../operation';
import { readTarget, targetProperties, type ImportTarget } from './importKinds';

/**
 * Get Status, Get Failures and Get Warnings share one shape: the kind (and custom object type)
 * and a batch ID, one call per item.
 */
export function batchOperation(operation: string, what: string, read: (ctx: IExecuteFunctions, target: ImportTarget, batchId: number) => Promise<IDataObject[]>): MarketoOperation {
	const properties: INodeProperties[] = [
		...targetProperties(operation),
		{
			displayName: 'Batch ID',
			name: 'batchId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '1001',
			description: `The batch ID Import output (or Marketo returned) for the import whose ${what}`,
		},
	];
	return {
		description: forOperation('bulkImport', operation, properties),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			return await eachItem(
				this,
				items,
				(itemIndex) => ({ target: readTarget(this, itemIndex, false), batchId: parseMarketoId(itemIndex, 'Batch ID', this.getNodeParameter('batchId', itemIndex)) }),
				async ({ target, batchId }) => await read(this, target, batchId),
			);
		},
	};
}
