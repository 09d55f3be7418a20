import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { lookupLeads } from '../Marketo/helpers/leadLookup';

/**
 * Adds the chosen fields of each activity's lead under `lead`: one lookup for all the poll's
 * leads (their ids pooled, 300 per call), not one per activity. A lead deleted since gets null.
 */
export async function withLeads(ctx: IPollFunctions, activities: IDataObject[], fields: string[]): Promise<IDataObject[]> {
	const leadIds = [...new Set(activities.map((activity) => activity.leadId).filter((id) => id !== undefined && id !== null).map(String))];
	if (leadIds.length === 0) return activities;
	const answer = (await lookupLeads(ctx, 'id', fields, [{ itemIndex: 0, values: leadIds }])).get(0);
	if (answer && 'error' in answer) throw answer.error;
	const leads = new Map((answer?.records ?? []).map((lead) => [String(lead.id), lead]));
	return activities.map((activity) => ({ ...activity, lead: leads.get(String(activity.leadId)) ?? null }));
}
