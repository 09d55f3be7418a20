import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { onceForAllItems } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import { marketoApiRequest } from '../../transport';

export const description: INodeProperties[] = forOperation('lead', 'getPartitions', []);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await onceForAllItems(items, async () => {
		const response = await marketoApiRequest<IDataObject>(this, { method: 'GET', path: '/rest/v1/leads/partitions.json' });
		return response.result ?? [];
	});
}
