import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { succeeded, type ItemOutcome } from '../../helpers/outcomes';
import { marketoApiRequest } from '../../transport';

export const description: INodeProperties[] = [];

interface UsageDay {
	date?: string;
	total?: number;
	users?: Array<{ userId?: string; count?: number }>;
}

/** One row per API user and day: easy to chart or sum in a report. */
export function usageRows(days: UsageDay[]): IDataObject[] {
	return days.flatMap((day): IDataObject[] =>
		day.users && day.users.length > 0
			? day.users.map((user) => ({ date: day.date, userId: user.userId, count: user.count ?? 0, dayTotal: day.total ?? 0 }))
			: [{ date: day.date, userId: null, count: 0, dayTotal: day.total ?? 0 }],
	);
}

/** The answer is the same for every item, so it is fetched once per run. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const response = await marketoApiRequest<UsageDay>(this, { method: 'GET', path: '/rest/v1/stats/usage.json' });
	const rows = usageRows(response.result ?? []);
	return items.map((_item, itemIndex) => succeeded(itemIndex, ...rows));
}
