import type { CallOptions } from '../testClient';
import { feedTokenSince } from './feedToken';

const SINCE_SEEDS = encodeURIComponent(feedTokenSince(Date.parse('2024-01-01T00:00:00Z')));

/** One succeeding request per activity endpoint, keyed like the contract test's SAMPLES; leads 1–5 and their demo activities exist. */
export const ACTIVITY_CONTRACT_SAMPLES: Record<string, { path: string } & CallOptions> = {
	'GET /rest/v1/activities/types.json': { path: '/rest/v1/activities/types.json' },
	'GET /rest/v1/activities/external/types.json': { path: '/rest/v1/activities/external/types.json' },
	'GET /rest/v1/activities/pagingtoken.json': { path: '/rest/v1/activities/pagingtoken.json?sinceDatetime=2024-01-01T00:00:00Z' },
	'GET /rest/v1/activities.json': { path: `/rest/v1/activities.json?nextPageToken=${SINCE_SEEDS}&activityTypeIds=1,10,12&batchSize=4` },
	'GET /rest/v1/activities/leadchanges.json': { path: `/rest/v1/activities/leadchanges.json?nextPageToken=${SINCE_SEEDS}&fields=title,email` },
	'GET /rest/v1/activities/deletedleads.json': { path: `/rest/v1/activities/deletedleads.json?nextPageToken=${SINCE_SEEDS}&batchSize=2` },
	'POST /rest/v1/activities/external.json': {
		path: '/rest/v1/activities/external.json',
		json: {
			input: [
				{
					leadId: 1,
					activityTypeId: 100001,
					activityDate: '2024-03-01T10:00:00Z',
					primaryAttributeValue: 'Booth 12',
					attributes: [{ name: 'Event Name', value: 'Marketing Nation Berlin' }],
				},
			],
		},
	},
};
