import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { onceForAllItems } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import { marketoCachedGet } from '../../transport';

export const description: INodeProperties[] = forOperation('activity', 'getTypes', []);

/** One item per activity type (standard and custom), with its primary and secondary attributes. Cached a day. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await onceForAllItems(items, async () => {
		const response = await marketoCachedGet<IDataObject>(this, '/rest/v1/activities/types.json');
		return response.result ?? [];
	});
}
