import { textFilter, type RecordKind } from '../staticList/recordOperations';

export const CAMPAIGN: RecordKind = {
	resource: 'campaign',
	noun: 'smart campaign',
	displayName: 'Campaign',
	parameter: 'campaignId',
	path: '/rest/v1/campaigns.json',
	urlCode: 'SC',
	searchListMethod: 'searchCampaigns',
	filters: [
		{
			displayName: 'Is Triggerable',
			name: 'isTriggerable',
			type: 'boolean',
			default: false,
			description:
				'Whether to return only campaigns that Request can run: active trigger campaigns with a "Campaign is Requested" trigger whose source is Web Service API',
		},
		textFilter('Name', 'name', 'Send Welcome Email', 'Exact names of the campaigns to return, separated by commas'),
		textFilter('Program Name', 'programName', 'Webinar 2026', 'Return the campaigns inside these programs (exact names, separated by commas)'),
		textFilter('Workspace Name', 'workspaceName', 'Default', 'Return the campaigns of these workspaces (exact names, separated by commas)'),
	],
};
