import type { Replay } from '../replayTypes';

const getLeads = { resource: 'lead', operation: 'get', leadId: '={{ $json.id }}' };
const LEADS = [{ id: 318581 }, { id: 318592 }];
const FOUND = [{ id: 318581, email: 'abe@usa.gov' }, { id: 318592, email: 'george@usa.gov' }];
const usage = { resource: 'usage', operation: 'getDailyUsage' };

/** A token Marketo refuses on a read: one renewal, and the same call again with the new token. */
function renewedAndRepeated(title: string, refusal: string): Replay {
	return {
		title,
		replays: [refusal],
		parameters: getLeads,
		items: LEADS,
		answers: [refusal, 'adobe-leads-by-id'],
		expect: {
			items: FOUND,
			tokenRequests: 2,
			calls: [
				{ call: 'GET /rest/v1/leads.json', bearer: 'replay-token-1' },
				{ call: 'GET /rest/v1/leads.json', bearer: 'replay-token-2' },
			],
		},
	};
}

/** Response-level errors at the point they happen, identity's answers, and the usage reports. */
export const TRANSPORT: Replay[] = [
	renewedAndRepeated('601 "Unauthorized": the token is renewed and the call repeated with the new one', 'adobe-601'),
	{
		title: '601 "Access token invalid" on a write: renewed and repeated (6xx: nothing was written)',
		replays: ['rudder-601-access-token-invalid'],
		parameters: { resource: 'lead', operation: 'upsert', action: 'createOrUpdate', fieldsToSend: 'autoMapInputData' },
		items: [{ email: 'brian@bleonard.com' }],
		answers: ['rudder-601-access-token-invalid', 'grp-upsert-created'],
		expect: {
			items: [{ id: 7149, status: 'created' }],
			tokenRequests: 2,
			calls: [
				{ call: 'POST /rest/v1/leads.json', bearer: 'replay-token-1' },
				{ call: 'POST /rest/v1/leads.json', bearer: 'replay-token-2' },
			],
		},
	},
	renewedAndRepeated('602 "Access token expired": the token is renewed and the call repeated', 'doc-602'),
	{
		title: '606 (the real rate-limit wording): the call is repeated after a wait, same token',
		replays: ['real-606'],
		parameters: getLeads,
		items: LEADS,
		answers: ['real-606', 'adobe-leads-by-id'],
		expect: {
			items: FOUND,
			tokenRequests: 1,
			calls: ['GET /rest/v1/leads.json', 'GET /rest/v1/leads.json'],
		},
	},
	{
		title: '615 "Concurrent access limit reached": the call is repeated',
		replays: ['doc-615'],
		parameters: getLeads,
		items: LEADS,
		answers: ['doc-615', 'adobe-leads-by-id'],
		expect: { items: FOUND, calls: ['GET /rest/v1/leads.json', 'GET /rest/v1/leads.json'] },
	},
	{
		title: '607 "Daily quota reached": each item fails naming the reset; nothing is repeated',
		replays: ['doc-607'],
		parameters: getLeads,
		items: LEADS,
		continueOnFail: true,
		answers: ['doc-607'],
		expect: {
			items: [{ error: /resets at .*00:00 US Central/ }, { error: /resets at .*00:00 US Central/ }],
			calls: ['GET /rest/v1/leads.json'],
		},
	},
	{
		title: 'Identity’s token (recorded: 516 s left) is the one REST calls carry',
		replays: ['mk-identity-516'],
		parameters: getLeads,
		items: LEADS,
		identity: ['mk-identity-516'],
		answers: ['adobe-leads-by-id'],
		expect: { items: FOUND, tokenRequests: 1, calls: [{ call: 'GET /rest/v1/leads.json', bearer: 'foobar' }] },
	},
	{
		title: 'Identity answering expires_in 0: the node neither crashes nor loops, and the call goes out once',
		replays: ['rudder-identity-expires-in-0'],
		parameters: getLeads,
		items: LEADS,
		identity: ['rudder-identity-expires-in-0'],
		answers: ['adobe-leads-by-id'],
		expect: { items: FOUND, calls: ['GET /rest/v1/leads.json'] },
	},
	{
		title: 'Get Daily Usage: one item per API user',
		replays: ['adobe-usage-daily'],
		parameters: usage,
		answers: ['adobe-usage-daily'],
		expect: {
			items: [
				{ date: '2015-10-17', userId: 'some.body@yahoo.com', count: 200, dayTotal: 1120 },
				{ userId: 'some.body@marketo.com', count: 200 },
				{ userId: 'some.body@gmail.com', count: 720 },
			],
		},
	},
	{
		title: 'Get Daily Errors: one item per error code',
		replays: ['adobe-errors-daily'],
		parameters: { resource: 'usage', operation: 'getDailyErrors' },
		answers: ['adobe-errors-daily'],
		expect: {
			items: [
				{ date: '2015-10-17', errorCode: '604', count: 1, dayTotal: 73 },
				{ errorCode: '609', count: 56 },
				{ errorCode: '610', count: 16 },
			],
		},
	},
];
