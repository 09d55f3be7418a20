import type { CallOptions } from '../testClient';

const tokens = [{ name: '{{my.Subject}}', value: 'Welcome aboard' }];

/** One succeeding request per campaign endpoint, keyed like the contract test's SAMPLES; 2001 is requestable, 2005 a batch campaign. */
export const CAMPAIGN_CONTRACT_SAMPLES: Record<string, { path: string } & CallOptions> = {
	'GET /rest/v1/campaigns.json': { path: '/rest/v1/campaigns.json?isTriggerable=true&batchSize=1' },
	'POST /rest/v1/campaigns/{campaignId}/trigger.json': {
		path: '/rest/v1/campaigns/2001/trigger.json',
		json: { input: { leads: [{ id: 1 }, { id: 2 }], tokens } },
	},
	'POST /rest/v1/campaigns/{campaignId}/schedule.json': {
		path: '/rest/v1/campaigns/2005/schedule.json',
		json: { input: { runAt: '2030-01-31T09:00:00Z', tokens } },
	},
};
