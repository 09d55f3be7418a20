import type { Replay } from '../replayTypes';

const SINCE = '2013-09-01T00:00:00Z';
const PAGE_TOKEN = 'GIYDAOBNGEYS2MBWKQYDAORQGA5DAMBOGAYDAKZQGAYDALBQ';
const FEED_TOKEN = 'GIYDAOBNGEYS2MBWKQYDAORQGA5DAMBOGAYDAKZQGAYDALBRGA3TQ===';

/** Activity feeds (from a date's paging token), activity types and custom activities. */
export const ACTIVITIES: Replay[] = [
	{
		title: 'Get Activities: the date’s paging token, then one page; a token beside moreResult false ends the walk',
		replays: ['adobe-paging-token', 'adobe-activities-visit-webpage'],
		parameters: { resource: 'activity', operation: 'getMany', sinceDatetime: SINCE, activityTypeIds: [1], returnAll: true },
		answers: ['adobe-paging-token', 'adobe-activities-visit-webpage'],
		expect: {
			items: [{ id: 102988, leadId: 1, activityTypeId: 1, activityDate: '2023-01-16T23:32:19Z', primaryAttributeValue: 'localhost/munchkintest2.html' }],
			calls: [
				{ call: 'GET /rest/v1/activities/pagingtoken.json', query: { sinceDatetime: '2013-09-01T00:00:00.000Z' } },
				{ call: 'GET /rest/v1/activities.json', query: { nextPageToken: PAGE_TOKEN, activityTypeIds: '1' } },
			],
		},
	},
	{
		title: 'Get Lead Changes: goes on with the next token while moreResult is true',
		replays: ['adobe-activities-leadchanges'],
		parameters: { resource: 'activity', operation: 'getLeadChanges', fields: ['firstName'], sinceDatetime: SINCE, returnAll: true },
		answers: [
			'adobe-paging-token',
			'adobe-activities-leadchanges',
			{ route: 'GET /rest/v1/activities/leadchanges.json', body: { requestId: 'replay#last', success: true, nextPageToken: 'REPLAYLASTTOKEN', moreResult: false } },
		],
		expect: {
			items: [{ id: 1078, leadId: 775, activityDate: '2014-09-17T22:31:49+0000', fields: [{ name: 'firstName', newValue: 'FirstName_6176', oldValue: 'FirstName_4914' }] }],
			calls: [
				'GET /rest/v1/activities/pagingtoken.json',
				{ call: 'GET /rest/v1/activities/leadchanges.json', query: { nextPageToken: PAGE_TOKEN, fields: 'firstName' } },
				{ call: 'GET /rest/v1/activities/leadchanges.json', query: { nextPageToken: FEED_TOKEN } },
			],
		},
	},
	{
		title: 'Get Deleted Leads: an empty page that says moreResult but repeats its token ends the walk',
		replays: ['adobe-activities-deletedleads'],
		parameters: { resource: 'activity', operation: 'getDeletedLeads', sinceDatetime: SINCE, returnAll: true },
		answers: [
			'adobe-paging-token',
			'adobe-activities-deletedleads',
			{ route: 'GET /rest/v1/activities/deletedleads.json', body: { requestId: 'replay#stuck', success: true, nextPageToken: FEED_TOKEN, moreResult: true, result: [] } },
		],
		expect: {
			items: [
				{ id: 2, leadId: 6, activityDate: '2013-09-26T06:56:35+0000', primaryAttributeValue: 'Owyliphys Iledil' },
				{ id: 3, leadId: 9, activityDate: '2013-12-28T00:39:45+0000' },
			],
			calls: ['GET /rest/v1/activities/pagingtoken.json', 'GET /rest/v1/activities/deletedleads.json', { call: 'GET /rest/v1/activities/deletedleads.json', query: { nextPageToken: FEED_TOKEN } }],
		},
	},
	{
		title: 'Get Activity Types: one item per type',
		replays: ['mk-activity-types'],
		parameters: { resource: 'activity', operation: 'getTypes' },
		answers: ['mk-activity-types'],
		expect: { items: [{ id: 1, name: 'Visit Webpage', primaryAttribute: { name: 'Webpage ID', dataType: 'integer' } }] },
	},
	{
		title: 'Add Custom Activity: a skipped record’s code and message come under `errors`, and reach its item',
		replays: ['adobe-activities-add-custom'],
		parameters: { resource: 'activity', operation: 'addCustom', leadId: '={{ $json.leadId }}', activityTypeId: 100001, primaryAttributeValue: 'Booth 12' },
		items: [{ leadId: 1 }, { leadId: 2 }, { leadId: 999999 }],
		continueOnFail: true,
		answers: ['adobe-activities-add-custom'],
		expect: {
			items: [
				{ leadId: 1, id: 50, marketoGUID: '50', status: 'added', primaryAttributeValue: 'Booth 12' },
				{ leadId: 2, id: 51, status: 'added' },
				{ error: /^Item 2: Marketo skipped this record \(1004 Lead not found\)/, code: '1004' },
			],
			calls: [{ call: 'POST /rest/v1/activities/external.json', body: { input: [{ leadId: 1 }, { leadId: 2 }, { leadId: 999999 }] } }],
		},
	},
];
