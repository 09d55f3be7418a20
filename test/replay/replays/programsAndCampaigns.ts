import type { Replay } from '../replayTypes';

const byId = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });
const MEMBER_LEADS = Array.from({ length: 12 }, (_, i) => 1789 + i);

/** Campaigns, programs as assets, program members, custom object types. */
export const PROGRAMS_AND_CAMPAIGNS: Replay[] = [
	{
		title: 'Request Campaign: success (Marketo names the campaign, not the leads) is every lead requested',
		replays: ['adobe-campaign-request'],
		parameters: { resource: 'campaign', operation: 'request', campaignId: byId(3712), leadId: '={{ $json.id }}', tokens: { token: [] } },
		items: [{ id: 1 }, { id: 2 }],
		answers: ['adobe-campaign-request'],
		expect: {
			items: [
				{ campaignId: 3712, leadId: 1, status: 'requested' },
				{ campaignId: 3712, leadId: 2, status: 'requested' },
			],
			calls: [{ call: 'POST /rest/v1/campaigns/3712/trigger.json', body: { input: { leads: [{ id: 1 }, { id: 2 }] } } }],
		},
	},
	{
		title: 'Schedule Campaign: success is the campaign scheduled',
		replays: ['adobe-campaign-schedule'],
		parameters: { resource: 'campaign', operation: 'schedule', campaignId: byId(3713) },
		answers: ['adobe-campaign-schedule'],
		expect: { items: [{ campaignId: 3713, status: 'scheduled' }], calls: ['POST /rest/v1/campaigns/3713/schedule.json'] },
	},
	{
		title: 'Smart Campaign (Asset) → Get: the campaign as Marketo describes it',
		replays: ['adobe-smart-campaign-by-id'],
		parameters: { resource: 'smartCampaign', operation: 'get', assetId: byId(1001) },
		answers: ['adobe-smart-campaign-by-id'],
		expect: { items: [{ id: 1001, name: 'Process Bounced Emails', status: 'Never Run', type: 'batch', smartListId: 1001 }] },
	},
	{
		title: 'Program → Get: tags and folder {type, value, folderName}',
		replays: ['adobe-program-by-id'],
		parameters: { resource: 'program', operation: 'get', assetId: byId(1107) },
		answers: ['adobe-program-by-id'],
		expect: {
			items: [{ id: 1107, name: 'AAA2QueryProgramName', channel: 'Online Advertising', folder: { type: 'Folder', value: 1910 }, tags: [{ tagType: 'AAA1 Required Tag Type', tagValue: 'AAA1 RT1' }] }],
			calls: ['GET /rest/asset/v1/program/1107.json'],
		},
	},
	{
		title: 'Program → Get Many: a page shorter than asked for is the last',
		replays: ['adobe-programs-browse'],
		parameters: { resource: 'program', operation: 'getMany', returnAll: true },
		answers: ['adobe-programs-browse'],
		expect: {
			items: [
				{ id: 1035, name: 'clone it', type: 'Engagement', status: 'on' },
				{ id: 1032, name: 'email prog', type: 'Email', status: 'unlocked' },
			],
			calls: [{ call: 'GET /rest/asset/v1/programs.json', query: { offset: '0', maxReturn: '200' } }],
		},
	},
	{
		title: 'Program Members → Get Many: each member, `seq` dropped',
		replays: ['adobe-program-members'],
		parameters: { resource: 'programMember', operation: 'getMany', programId: byId(1044), filterType: 'leadId', filterValues: MEMBER_LEADS.join(', '), returnAll: true },
		answers: ['adobe-program-members'],
		expect: {
			itemCount: 12,
			including: [
				{ leadId: 1789, programId: 1044, reachedSuccess: true, acquiredBy: true, membershipDate: '2020-01-08T18:10:26Z' },
				{ leadId: 1800, programId: 1044 },
			],
			calls: [{ call: 'GET /rest/v1/programs/1044/members.json', query: { filterType: 'leadId', filterValues: MEMBER_LEADS.join(',') } }],
		},
	},
	{
		title: 'Program Members → Change Status: 1037 skipped, updated and created, by position',
		replays: ['adobe-program-members-status'],
		parameters: { resource: 'programMember', operation: 'changeStatus', programId: byId(1044), statusName: 'Registered', leadId: '={{ $json.leadId }}' },
		items: [{ leadId: 1800 }, { leadId: 1801 }, { leadId: 1235 }],
		continueOnFail: true,
		answers: ['adobe-program-members-status'],
		expect: {
			items: [
				{ error: /^Item 0: Marketo skipped this record \(1037 Lead skipped because it is already in or past this status\)/, code: '1037' },
				{ programId: 1044, statusName: 'Registered', leadId: 1801, status: 'updated' },
				{ programId: 1044, statusName: 'Registered', leadId: 1235, status: 'created' },
			],
			calls: [{ call: 'POST /rest/v1/programs/1044/members/status.json', body: { statusName: 'Registered', input: [{ leadId: 1800 }, { leadId: 1801 }, { leadId: 1235 }] } }],
		},
	},
	{
		title: 'Program Members → Describe: the member fields',
		replays: ['adobe-program-members-describe'],
		parameters: { resource: 'programMember', operation: 'describe' },
		answers: ['adobe-program-members-describe'],
		expect: { including: [{ name: 'leadId', dataType: 'integer', updateable: false }, { name: 'membershipDate', dataType: 'datetime' }] },
	},
	{
		title: 'Custom Object → Describe: the type with its keys and fields',
		replays: ['adobe-co-describe'],
		parameters: { resource: 'customObject', operation: 'describe', customObjectName: 'car_c' },
		answers: ['adobe-co-describe'],
		expect: {
			items: [{ name: 'car_c', idField: 'marketoGUID', dedupeFields: ['vIN'], searchableFields: [['vIN'], ['marketoGUID'], ['leadID']], relationships: [{ field: 'leadID', type: 'child' }] }],
			calls: ['GET /rest/v1/customobjects/car_c/describe.json'],
		},
	},
];
