import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { failed, succeeded, type ItemOutcome } from '../../helpers/outcomes';
import { marketoApiRequestRaw } from '../../transport';
import { settle } from '../../transport/settle';

const properties: INodeProperties[] = [];

export const description = forOperation('customObject', 'listTypes', properties);

/** The instance's custom object types (apiName, keys, searchable fields): the same for every item, so one call per run. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const answer = await settle(marketoApiRequestRaw<IDataObject>(this, { method: 'GET', path: '/rest/v1/customobjects.json' }));
	return items.map((_item, itemIndex) =>
		answer.ok ? succeeded(itemIndex, ...(answer.value.result ?? [])) : failed(itemIndex, answer.error as Error),
	);
}
