import type { Replay } from '../replayTypes';

const withIds = (...ids: number[]) => ids.map((id) => ({ id }));
const getLead = { resource: 'lead', operation: 'get', leadId: '={{ $json.id }}' };
const lastPage = (path: string) => ({ route: `GET ${path}`, body: { requestId: 'replay#last', success: true, result: [], moreResult: false } });

/** Lead Database reads: leads by id and filter, describe, memberships. */
export const LEAD_READS: Replay[] = [
	{
		title: 'Get Lead: two items ask in one call and each gets its own lead',
		replays: ['adobe-leads-by-id'],
		parameters: getLead,
		items: withIds(318581, 318592),
		answers: ['adobe-leads-by-id'],
		expect: {
			items: [
				{ id: 318581, firstName: 'Abraham', lastName: 'Lincoln', email: 'abe@usa.gov' },
				{ id: 318592, firstName: 'George', email: 'george@usa.gov' },
			],
			calls: [{ call: 'GET /rest/v1/leads.json', query: { filterType: 'id', filterValues: '318581,318592' } }],
		},
	},
	{
		title: 'Get Lead: 2014 dates without a zone pass through as Marketo wrote them',
		replays: ['mk-leads-by-ids-2014'],
		parameters: getLead,
		items: withIds(1, 2),
		answers: ['mk-leads-by-ids-2014'],
		expect: {
			items: [
				{ id: 1, email: 'ak+marketo1@usermind.com', updatedAt: '2014-11-13 12:43:04', createdAt: '2014-11-13 12:43:03' },
				{ id: 2, lastName: null, updatedAt: '2014-11-13 15:25:36' },
			],
		},
	},
	{
		title: 'Get Lead: typed fields keep their JSON types (boolean, float, null)',
		replays: ['grp-leads-by-id-typed-fields'],
		parameters: { ...getLead, fields: ['email', 'boolean_field', 'float_field', 'currency_field', 'date_field'] },
		items: withIds(7151),
		answers: ['grp-leads-by-id-typed-fields'],
		expect: {
			items: [{ id: 7151, lastName: null, boolean_field: true, integer_field: 5, float_field: 5.4, currency_field: 34.66, date_field: '2020-08-30' }],
			calls: [{ call: 'GET /rest/v1/leads.json', query: { filterValues: '7151', fields: /boolean_field/ } }],
		},
	},
	{
		title: 'Get Lead: an empty result is "no such lead", that item’s error',
		replays: ['adobe-leads-empty'],
		parameters: getLead,
		items: withIds(999999),
		continueOnFail: true,
		answers: ['adobe-leads-empty'],
		expect: { items: [{ error: /no lead with id 999999 exists/ }] },
	},
	{
		title: 'Get Many Leads: two emails in one call, two leads',
		replays: ['grp-leads-by-email-two'],
		parameters: { resource: 'lead', operation: 'getMany', filterType: 'email', filterValues: 'brian@bleonard.com, brian2@bleonard.com', returnAll: true },
		answers: ['grp-leads-by-email-two'],
		expect: {
			items: [
				{ id: 7149, firstName: 'Brian', email: 'brian@bleonard.com' },
				{ id: 7150, firstName: 'Andy', email: 'brian2@bleonard.com' },
			],
			calls: [{ call: 'GET /rest/v1/leads.json', query: { filterType: 'email', filterValues: 'brian@bleonard.com,brian2@bleonard.com' } }],
		},
	},
	{
		title: 'Get Many Leads: no match is no output, not an error',
		replays: ['grp-leads-by-email-empty'],
		parameters: { resource: 'lead', operation: 'getMany', filterType: 'email', filterValues: 'nobody@example.com', returnAll: true },
		answers: ['grp-leads-by-email-empty'],
		expect: { items: [], calls: ['GET /rest/v1/leads.json'] },
	},
	{
		title: 'Get Many Leads: 1003 "Too many results match the filter" stops the node with Marketo’s words',
		replays: ['doc-1003-too-many'],
		parameters: { resource: 'lead', operation: 'getMany', filterType: 'lastName', filterValues: 'Smith', returnAll: true },
		answers: ['doc-1003-too-many'],
		expect: { error: /1003.*Too many results match the filter/, calls: ['GET /rest/v1/leads.json'] },
	},
	{
		title: 'Describe Leads (describe2): one item per field, searchable ones marked',
		replays: ['rudder-describe2-trimmed'],
		parameters: { resource: 'lead', operation: 'describe' },
		answers: ['rudder-describe2-trimmed'],
		expect: { items: [{ name: 'email', displayName: 'Email Address', dataType: 'email', searchable: true }] },
	},
	{
		title: 'Lead field dropdown (describe): REST names with display names, read-only ones included',
		replays: ['grp-leads-describe'],
		parameters: { resource: 'lead', operation: 'get' },
		dropdown: 'getLeadFields',
		answers: ['grp-leads-describe'],
		expect: {
			including: [
				{ name: 'Company Name (company)', value: 'company', description: 'string' },
				{ name: 'Annual Revenue (annualRevenue)', value: 'annualRevenue', description: 'currency' },
			],
		},
	},
	{
		title: 'Get List Memberships: goes on with the token while moreResult is true',
		replays: ['adobe-lead-list-membership'],
		parameters: { resource: 'lead', operation: 'getListMemberships', leadId: '1001', returnAll: true },
		answers: ['adobe-lead-list-membership', lastPage('/rest/v1/leads/1001/listMembership.json')],
		expect: {
			items: [
				{ leadId: 1001, listId: 3379 },
				{ leadId: 1001, listId: 2792 },
				{ leadId: 1001, listId: 42, createdAt: '2009-04-22T19:24:22Z' },
			],
			calls: ['GET /rest/v1/leads/1001/listMembership.json', { call: 'GET /rest/v1/leads/1001/listMembership.json', query: { nextPageToken: 'BFRV7OMVSNJWDVKVTUFS3XHT4E======' } }],
		},
	},
	{
		title: 'Get Program Memberships: moreResult false is the last page',
		replays: ['adobe-lead-program-membership'],
		parameters: { resource: 'lead', operation: 'getProgramMemberships', leadId: '1001', returnAll: true },
		answers: ['adobe-lead-program-membership'],
		expect: { items: [{ leadId: 1001, id: 1044, progressionStatus: 'Sent', reachedSuccess: false }], calls: ['GET /rest/v1/leads/1001/programMembership.json'] },
	},
	{
		title: 'Get Smart Campaign Memberships: a limit reached on the first page asks for no more',
		replays: ['adobe-lead-campaign-membership'],
		parameters: { resource: 'lead', operation: 'getSmartCampaignMemberships', leadId: '1001', returnAll: false, limit: 2 },
		answers: ['adobe-lead-campaign-membership'],
		expect: {
			items: [
				{ leadId: 1001, smartCampaignId: 3746 },
				{ leadId: 1001, smartCampaignId: 3678 },
			],
			calls: ['GET /rest/v1/leads/1001/smartCampaignMembership.json'],
		},
	},
];
