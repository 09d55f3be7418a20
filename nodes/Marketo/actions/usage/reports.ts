import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { onceForAllItems } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import { marketoApiRequest } from '../../transport';
import type { MarketoOperation } from '../operation';

interface UsageDay {
	date?: string;
	total?: number;
	users?: Array<{ userId?: string; count?: number }>;
	errors?: Array<{ errorCode?: string; count?: number }>;
}

/** One row per API user and day: easy to chart or sum in a report. A day without calls still gets a row. */
export function usageRows(days: UsageDay[]): IDataObject[] {
	return days.flatMap((day): IDataObject[] =>
		day.users && day.users.length > 0
			? day.users.map((user) => ({ date: day.date, userId: user.userId, count: user.count ?? 0, dayTotal: day.total ?? 0 }))
			: [{ date: day.date, userId: null, count: 0, dayTotal: day.total ?? 0 }],
	);
}

/** One row per error code and day. A day without errors still gets a row. */
export function errorRows(days: UsageDay[]): IDataObject[] {
	return days.flatMap((day): IDataObject[] =>
		day.errors && day.errors.length > 0
			? day.errors.map((error) => ({ date: day.date, errorCode: error.errorCode, count: error.count ?? 0, dayTotal: day.total ?? 0 }))
			: [{ date: day.date, errorCode: null, count: 0, dayTotal: day.total ?? 0 }],
	);
}

/** Marketo's four usage reports differ only by path and by what a row is. */
export const USAGE_REPORTS = [
	{
		operation: 'getDailyUsage',
		name: 'Get Daily Usage',
		description: "Get today's API call count per API user, one item per user",
		action: 'Get daily usage',
		path: '/rest/v1/stats/usage.json',
		rows: usageRows,
	},
	{
		operation: 'getLast7DaysUsage',
		name: 'Get Last 7 Days Usage',
		description: 'Get the API call count per API user for each of the last 7 days, one item per user and day',
		action: 'Get usage of the last 7 days',
		path: '/rest/v1/stats/usage/last7days.json',
		rows: usageRows,
	},
	{
		operation: 'getDailyErrors',
		name: 'Get Daily Errors',
		description: "Get today's API errors by error code, one item per code",
		action: 'Get daily errors',
		path: '/rest/v1/stats/errors.json',
		rows: errorRows,
	},
	{
		operation: 'getLast7DaysErrors',
		name: 'Get Last 7 Days Errors',
		description: 'Get the API errors by error code for each of the last 7 days, one item per code and day',
		action: 'Get errors of the last 7 days',
		path: '/rest/v1/stats/errors/last7days.json',
		rows: errorRows,
	},
] as const;

/** The answer is the same for every item, so it is fetched once per run. */
export function reportOperation({ path, rows }: (typeof USAGE_REPORTS)[number]): MarketoOperation {
	return {
		description: [],
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			return await onceForAllItems(items, async () => rows((await marketoApiRequest<UsageDay>(this, { method: 'GET', path })).result ?? []));
		},
	};
}
