import type { CallOptions } from './testClient';

/** One succeeding request per lead action endpoint, for the contract test (leads 1–5 are seeded). */
export const LEAD_ACTION_CONTRACT_SAMPLES: Record<string, { path: string } & CallOptions> = {
	'POST /rest/v1/leads/{leadId}/merge.json': { path: '/rest/v1/leads/1/merge.json?leadId=2&mergeInCRM=false' },
	'POST /rest/v1/leads/{leadId}/associate.json': {
		path: `/rest/v1/leads/1/associate.json?cookie=${encodeURIComponent('id:123-ABC-456&token:_mch-example.com-1700000000000-12345')}`,
	},
	'POST /rest/v1/leads/push.json': {
		path: '/rest/v1/leads/push.json',
		json: { programName: 'Webinar 2026', source: 'n8n', input: [{ email: 'push@example.com' }] },
	},
	'POST /rest/v1/leads/submitForm.json': {
		path: '/rest/v1/leads/submitForm.json',
		json: { formId: 1029, input: [{ leadFormFields: { email: 'form@example.com' }, visitorData: { pageURL: 'https://example.com/' } }] },
	},
	'GET /rest/v1/leads/partitions.json': { path: '/rest/v1/leads/partitions.json' },
	'GET /rest/v1/leads/{leadId}/listMembership.json': { path: '/rest/v1/leads/1/listMembership.json?batchSize=1' },
	'GET /rest/v1/leads/{leadId}/programMembership.json': { path: '/rest/v1/leads/1/programMembership.json' },
	'GET /rest/v1/leads/{leadId}/smartCampaignMembership.json': { path: '/rest/v1/leads/1/smartCampaignMembership.json' },
	'POST /rest/v1/leads/programs/{programId}/status.json': {
		path: '/rest/v1/leads/programs/1001/status.json',
		json: { status: 'Registered', input: [{ id: 1 }] },
	},
};
