import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { onceForAllItems } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import { CREDENTIAL_TYPE, marketoApiRequest, spentToday } from '../../transport';
import { chicagoDayKey, nextChicagoMidnight } from '../../transport/chicagoDay';
import { resolveEndpoints } from '../../transport/endpoints';

const properties: INodeProperties[] = [
	{
		displayName: 'Warn at Percent',
		name: 'warnAtPercent',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 80,
		description: 'Set "warning" to true once this share of the daily budget is used, by this n8n process or by the whole instance as Marketo counts it',
	},
];

export const description = forOperation('usage', 'getQuota', properties);

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * What this n8n process has spent today on the credential's instance (the throttle's own count)
 * next to Marketo's count for the whole instance (every integration), against the daily budget.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const warnAt = Number(this.getNodeParameter('warnAtPercent', 0, 80));
	return await onceForAllItems(items, async () => {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const usage = await marketoApiRequest<{ date?: string; total?: number }>(this, { method: 'GET', path: '/rest/v1/stats/usage.json' });
		// Read after the usage call, so the count includes it.
		const { spent, limits } = await spentToday(this);
		const now = Date.now();
		const marketoCallsToday = usage.result?.[0]?.total ?? 0;
		const budget = limits.dailyBudget;
		const usedPercent = percent(Math.max(spent, marketoCallsToday), budget);
		return [
			{
				instance: resolveEndpoints(String(credentials.restEndpoint ?? '')).instanceBase,
				date: chicagoDayKey(now),
				spentByThisProcess: spent,
				marketoCallsToday,
				dailyBudget: budget,
				remainingBudget: Math.max(0, budget - Math.max(spent, marketoCallsToday)),
				usedPercent,
				warning: usedPercent >= warnAt,
				resetsAt: new Date(nextChicagoMidnight(now)).toISOString(),
			},
		];
	});
}
