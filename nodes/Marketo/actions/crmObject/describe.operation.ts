import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { failed, succeeded, type ItemOutcome } from '../../helpers/outcomes';
import { marketoApiRequestRaw } from '../../transport';
import { settle } from '../../transport/settle';
import { groupBy, readInputs } from '../inputs';
import type { MarketoOperation } from '../operation';
import type { ObjectKind } from './objectKinds';
import { basePathFor } from './objectTarget';

/** Describe: the object's fields, searchable fields and keys; one call per object type, whatever the item count. */
export function describeOperation(kind: ObjectKind): MarketoOperation {
	return {
		description: forOperation(kind.resource, 'describe', [...kind.leadingProperties]),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			const { inputs, invalid } = readInputs(this, items, (itemIndex) => basePathFor(this, kind, itemIndex));
			const outcomes = [...invalid];
			for (const group of groupBy(inputs, ({ input }) => input)) {
				const answer = await settle(marketoApiRequestRaw<IDataObject>(this, { method: 'GET', path: `${group[0].input}/describe.json` }));
				for (const { itemIndex } of group) {
					outcomes.push(answer.ok ? succeeded(itemIndex, ...(answer.value.result ?? [])) : failed(itemIndex, answer.error as Error));
				}
			}
			return outcomes;
		},
	};
}
