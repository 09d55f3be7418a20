import { campaignsOf, type Campaign, type CampaignStore, type Token } from '../campaigns/CampaignStore';
import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { integerParam, listParam, matchingAny, pageOf } from '../lists/queryParams';
import type { Route, RouteContext, RouteRequest } from './route';

/** Request Campaign takes at most 100 leads per call (the official description; 1003 past it). */
export const REQUEST_CAMPAIGN_LEAD_LIMIT = 100;

// My tokens are named as they appear in content: {{my.Token Name}}.
const MY_TOKEN = /^\{\{my\.[^{}]+\}\}$/;

function campaignOf({ pathParams }: RouteRequest, context: RouteContext): { campaigns: CampaignStore; campaign: Campaign } {
	const campaigns = campaignsOf(context);
	const campaign = campaigns.get(integerParam(pathParams.campaignId));
	if (!campaign) throw new MarketoFailure({ code: '1013', message: `Campaign '${pathParams.campaignId}' not found` });
	return { campaigns, campaign };
}

function inputOf(body: unknown): Record<string, unknown> {
	if (body === undefined) return {};
	if (!isRecord(body) || (body.input !== undefined && !isRecord(body.input))) {
		throw new MarketoFailure(marketoErrors.invalidData('input must be an object'));
	}
	return (body.input as Record<string, unknown> | undefined) ?? {};
}

function checkedTokens(tokens: unknown): Token[] {
	if (tokens === undefined) return [];
	if (!Array.isArray(tokens)) throw new MarketoFailure(marketoErrors.invalidData('tokens must be a list of {name, value}'));
	return tokens.map((token) => {
		if (!isRecord(token) || typeof token.name !== 'string' || !MY_TOKEN.test(token.name) || typeof token.value !== 'string') {
			throw new MarketoFailure(marketoErrors.invalidData(`Invalid token ${JSON.stringify(token)}: name must be "{{my.Name}}" and value text`));
		}
		return { name: token.name, value: token.value };
	});
}

function checkedLeadIds(leads: unknown): number[] {
	if (!Array.isArray(leads) || leads.length === 0) throw new MarketoFailure(marketoErrors.missingParameter('leads'));
	if (leads.length > REQUEST_CAMPAIGN_LEAD_LIMIT) {
		throw new MarketoFailure(marketoErrors.invalidData(`${leads.length} leads given; the maximum is ${REQUEST_CAMPAIGN_LEAD_LIMIT}`));
	}
	return leads.map((lead) => {
		const id = isRecord(lead) ? lead.id : undefined;
		if (!Number.isInteger(id)) throw new MarketoFailure(marketoErrors.invalidData(`Invalid lead ${JSON.stringify(lead)}: id must be an integer`));
		return id as number;
	});
}

export const campaignRoutes: Route[] = [
	{
		method: 'GET',
		path: '/rest/v1/campaigns.json',
		handle: ({ params }, context) => {
			listParam(params.id).forEach(integerParam);
			const campaigns = campaignsOf(context);
			let found = campaigns.all();
			found = matchingAny(found, params.id, (campaign) => campaign.id);
			found = matchingAny(found, params.name, (campaign) => campaign.name);
			found = matchingAny(found, params.programName, (campaign) => campaign.programName);
			found = matchingAny(found, params.workspaceName, (campaign) => campaign.workspaceName);
			if (params.isTriggerable === 'true') found = found.filter((campaign) => campaigns.isTriggerable(campaign));
			const query = ['id', 'name', 'programName', 'workspaceName', 'isTriggerable'].map((key) => params[key] ?? '').join('\n');
			return pageOf(found, params, `campaigns\n${query}`);
		},
	},
	{
		method: 'POST',
		path: '/rest/v1/campaigns/{campaignId}/trigger.json',
		jsonBody: true,
		handle: (request, context) => {
			const { campaigns, campaign } = campaignOf(request, context);
			if (!campaigns.isTriggerable(campaign)) {
				// Marketo's error-code page: 1003 "when using Request Campaign on a batch campaign" (and inactive or unrequestable ones).
				throw new MarketoFailure(
					marketoErrors.invalidData(
						`Campaign '${campaign.name}' cannot be requested: it must be an active trigger campaign with a "Campaign is Requested" (Web Service API) trigger`,
					),
				);
			}
			const input = inputOf(request.body);
			const leadIds = checkedLeadIds(input.leads);
			const tokens = checkedTokens(input.tokens);
			// Leads unknown to the instance are not reported: the campaign just does not run for them.
			campaigns.requests.push({ campaignId: campaign.id, leadIds, tokens });
			return { result: [campaign] };
		},
	},
	{
		method: 'POST',
		path: '/rest/v1/campaigns/{campaignId}/schedule.json',
		jsonBody: true,
		handle: (request, context) => {
			const { campaigns, campaign } = campaignOf(request, context);
			if (campaign.type !== 'batch') {
				throw new MarketoFailure(marketoErrors.invalidData(`Campaign '${campaign.name}' is a trigger campaign; only batch campaigns can be scheduled`));
			}
			const input = inputOf(request.body);
			const { runAt, cloneToProgramName } = input;
			if (runAt !== undefined && (typeof runAt !== 'string' || Number.isNaN(Date.parse(runAt)))) {
				throw new MarketoFailure({ code: '704', message: `Invalid date format '${String(runAt)}'` });
			}
			if (cloneToProgramName !== undefined && (typeof cloneToProgramName !== 'string' || cloneToProgramName === '')) {
				throw new MarketoFailure(marketoErrors.invalidData('cloneToProgramName must be a program name'));
			}
			campaigns.schedules.push({
				campaignId: campaign.id,
				tokens: checkedTokens(input.tokens),
				...(runAt === undefined ? {} : { runAt }),
				...(cloneToProgramName === undefined ? {} : { cloneToProgramName }),
			});
			return { result: [campaign] };
		},
	},
];
