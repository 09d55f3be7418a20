import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { onceForAllItems } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import { CREDENTIAL_TYPE, marketoApiRequest, spentToday } from '../../transport';
import { chicagoDayKey, nextChicagoMidnight } from '../../transport/chicagoDay';
import { resolveEndpoints } from '../../transport/endpoints';
import { processShare } from '../../transport/throttle';

const properties: INodeProperties[] = [
	{
		displayName: 'Warn at Percent',
		name: 'warnAtPercent',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 80,
		description: 'Set "warning" to true once this share of the daily budget is used, by the whole instance as Marketo counts it, or by this n8n process of its own part when several processes share the instance',
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
		// With several processes sharing the instance, this one stops at its own part of the budget.
		const processes = Math.max(1, Math.floor(limits.processes ?? 1));
		const ownBudget = processShare(limits).dailyBudget;
		const ownUsedPercent = percent(spent, ownBudget);
		const shared = processes > 1 ? { processesSharing: processes, thisProcessBudget: ownBudget, thisProcessUsedPercent: ownUsedPercent } : {};
		return [
			{
				instance: resolveEndpoints(String(credentials.restEndpoint ?? '')).instanceBase,
				date: chicagoDayKey(now),
				spentByThisProcess: spent,
				marketoCallsToday,
				dailyBudget: budget,
				remainingBudget: Math.max(0, budget - Math.max(spent, marketoCallsToday)),
				usedPercent,
				...shared,
				warning: Math.max(usedPercent, processes > 1 ? ownUsedPercent : 0) >= warnAt,
				resetsAt: new Date(nextChicagoMidnight(now)).toISOString(),
			},
		];
	});
}
