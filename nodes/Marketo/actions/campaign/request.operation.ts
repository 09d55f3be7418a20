import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { failed, succeeded, type ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import { marketoApiRequestRaw } from '../../transport';
import { chunkForEndpoint } from '../../transport/batch';
import { settle } from '../../transport/settle';
import { groupBy, readInputs } from '../inputs';
import { leadIdProperty } from '../lead/common';
import { oncePerLead, readRecordId, recordLocator } from '../staticList/recordOperations';
import { CAMPAIGN } from './common';
import { readTokens, tokensProperty, type MyToken } from './tokens';

/** Request Campaign takes at most 100 leads per call. */
export const REQUEST_CAMPAIGN_LEAD_LIMIT = 100;

const properties: INodeProperties[] = [
	recordLocator(
		CAMPAIGN,
		'The trigger campaign to run the leads through; it must be active and have a "Campaign is Requested" trigger with source Web Service API',
		'searchRequestableCampaigns',
	),
	leadIdProperty('The Marketo ID of the lead to run through the campaign'),
	tokensProperty,
];

export const description = forOperation('campaign', 'request', properties);

async function requestForLeads(
	ctx: IExecuteFunctions,
	campaignId: number,
	tokens: MyToken[],
	entries: Array<{ itemIndex: number; record: number }>,
): Promise<ItemOutcome[]> {
	const chunks = chunkForEndpoint(entries, { maxRecords: REQUEST_CAMPAIGN_LEAD_LIMIT });
	const sent = await Promise.all(
		chunks.map(async ({ start, end }) => {
			const chunk = entries.slice(start, end);
			// Not idempotent: a repeated request runs the leads through the flow again (emails sent twice).
			const answer = await settle(
				marketoApiRequestRaw(ctx, {
					method: 'POST',
					path: `/rest/v1/campaigns/${campaignId}/trigger.json`,
					body: { input: { leads: chunk.map(({ record }) => ({ id: record })), ...(tokens.length > 0 ? { tokens } : {}) } },
				}),
			);
			// Marketo answers for the call, not per lead: every lead of the call shares its outcome.
			return chunk.map(({ itemIndex, record }) =>
				answer.ok ? succeeded(itemIndex, { campaignId, leadId: record, status: 'requested' }) : failed(itemIndex, answer.error as Error),
			);
		}),
	);
	return sent.flat();
}

/** Leads of all items that share a campaign and the same My Tokens go together, 100 per call. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex) => ({
		campaignId: readRecordId(this, itemIndex, CAMPAIGN),
		leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
		tokens: readTokens(this, itemIndex),
	}));
	const outcomes = [...invalid];
	for (const group of groupBy(inputs, ({ input }) => `${input.campaignId}|${JSON.stringify(input.tokens)}`)) {
		const { campaignId, tokens } = group[0].input;
		const entries = group.map(({ itemIndex, input }) => ({ itemIndex, leadId: input.leadId }));
		outcomes.push(...(await oncePerLead(entries, async (unique) => await requestForLeads(this, campaignId, tokens, unique))));
	}
	return outcomes;
}
