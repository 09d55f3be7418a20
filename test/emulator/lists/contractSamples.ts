import type { CallOptions } from '../testClient';

/** One succeeding request per static-list endpoint, keyed like the contract test's SAMPLES (`METHOD route path`); list 1001 holds leads 1–5. */
export const LIST_CONTRACT_SAMPLES: Record<string, { path: string } & CallOptions> = {
	'GET /rest/v1/lists.json': { path: '/rest/v1/lists.json?name=Newsletter%20Subscribers,Customer%20Advisory%20Board&batchSize=1' },
	'GET /rest/v1/lists/{listId}/leads.json': { path: '/rest/v1/lists/1001/leads.json?fields=email,leadScore&batchSize=2' },
	'POST /rest/v1/lists/{listId}/leads.json': { path: '/rest/v1/lists/1002/leads.json?id=1,999' },
	'DELETE /rest/v1/lists/{listId}/leads.json': { path: '/rest/v1/lists/1001/leads.json?id=1,3' },
	'GET /rest/v1/lists/{listId}/leads/ismember.json': { path: '/rest/v1/lists/1001/leads/ismember.json?id=1,2,999' },
};
