import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { onceForAllItems } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import { marketoCachedGet } from '../../transport';

export const description: INodeProperties[] = forOperation('programMember', 'describe', []);

interface MemberDescribe {
	searchableFields?: string[][];
	fields?: IDataObject[];
}

/** One item per program member field, with whether Get Many can filter on it. Cached a day. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await onceForAllItems(items, async () => {
		const response = await marketoCachedGet<MemberDescribe>(this, '/rest/v1/programs/members/describe.json');
		const describe = response.result?.[0] ?? {};
		const searchable = new Set((describe.searchableFields ?? []).filter((key) => key.length === 1).map(([name]) => name));
		return (describe.fields ?? []).map((field) => ({ ...field, searchable: searchable.has(String(field.name)) }));
	});
}
