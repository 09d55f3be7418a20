import type { Replay } from '../replayTypes';

const people = (...emails: string[]) => emails.map((email) => ({ email }));
const upsert = (action = 'createOrUpdate') => ({ resource: 'lead', operation: 'upsert', action, fieldsToSend: 'autoMapInputData' });
const deleteLeads = { resource: 'lead', operation: 'delete', leadId: '={{ $json.id }}' };

/** Lead Database writes: sync, delete, merge, associate, push, submit form. */
export const LEAD_WRITES: Replay[] = [
	{
		title: 'Create or Update Leads: three created, each item with its new id',
		replays: ['adobe-leads-upsert-created'],
		parameters: upsert(),
		items: people('a@example.com', 'b@example.com', 'c@example.com'),
		answers: ['adobe-leads-upsert-created'],
		expect: {
			items: [
				{ id: 50, status: 'created' },
				{ id: 51, status: 'created' },
				{ id: 52, status: 'created' },
			],
			calls: [{ call: 'POST /rest/v1/leads.json', body: { action: 'createOrUpdate', lookupField: 'email', input: [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }] } }],
		},
	},
	{
		title: 'Create Only: a skipped record (1005 Lead already exists) fails its item only',
		replays: ['adobe-leads-record-skipped-1005'],
		parameters: upsert('createOnly'),
		items: people('a@example.com', 'b@example.com', 'c@example.com'),
		continueOnFail: true,
		answers: ['adobe-leads-record-skipped-1005'],
		expect: {
			items: [
				{ id: 50, status: 'created' },
				{ id: 51, status: 'created' },
				{ error: /^Item 2: Marketo skipped this record \(1005 Lead already exists\)/, code: '1005' },
			],
		},
	},
	{
		title: 'Create or Update Leads: one created (recorded)',
		replays: ['grp-upsert-created'],
		parameters: upsert(),
		items: people('brian@bleonard.com'),
		answers: ['grp-upsert-created'],
		expect: { items: [{ id: 7149, status: 'created' }] },
	},
	{
		title: 'Create or Update Leads: one updated (recorded, 2014)',
		replays: ['mk-upsert-updated-2014'],
		parameters: upsert(),
		items: people('ak+marketo1@usermind.com'),
		answers: ['mk-upsert-updated-2014'],
		expect: { items: [{ id: 1, status: 'updated' }] },
	},
	{
		title: 'Create or Update Leads: a 1003 invalid value stops the node with the field Marketo names',
		replays: ['grp-upsert-skipped-1003-boolean'],
		parameters: upsert(),
		items: [{ email: 'brian@bleonard.com', boolean_field: 'other' }],
		answers: ['grp-upsert-skipped-1003-boolean'],
		expect: { error: /Item 0: Marketo skipped this record \(1003 Invalid value for field 'boolean_field' and value 'other'\)/ },
	},
	{
		title: 'Create or Update Leads: one updated, one skipped (1003) — the good one is kept',
		replays: ['grp-upsert-updated-and-skipped-1003'],
		parameters: upsert(),
		items: [{ email: 'brian@bleonard.com' }, { email: 'brian2@bleonard.com', email_field: 'bademail' }],
		continueOnFail: true,
		answers: ['grp-upsert-updated-and-skipped-1003'],
		expect: {
			items: [
				{ id: 7149, status: 'updated' },
				{ error: /^Item 1: Marketo skipped this record \(1003 Invalid value for field 'email_field' and value 'bademail'\)/, code: '1003' },
			],
		},
	},
	{
		title: 'Create or Update Leads: 1006 on the whole request fails every item with Marketo’s words',
		replays: ['rudder-1006-lookup-field'],
		parameters: { ...upsert(), options: { lookupField: 'userId' } },
		items: [{ userId: 'u-1' }, { userId: 'u-2' }],
		continueOnFail: true,
		answers: ['rudder-1006-lookup-field'],
		expect: {
			items: [
				{ error: /1006.*Lookup field 'userId' not found/, code: '1006' },
				{ error: /1006.*Lookup field 'userId' not found/, code: '1006' },
			],
			calls: [{ call: 'POST /rest/v1/leads.json', body: { lookupField: 'userId' } }],
		},
	},
	{
		title: 'Delete Leads: each item gets "deleted"',
		replays: ['adobe-leads-delete'],
		parameters: deleteLeads,
		items: [{ id: 235 }, { id: 766 }],
		answers: ['adobe-leads-delete'],
		expect: {
			items: [
				{ id: 235, status: 'deleted' },
				{ id: 766, status: 'deleted' },
			],
			calls: [{ call: 'POST /rest/v1/leads/delete.json', body: { input: [{ id: 235 }, { id: 766 }] } }],
		},
	},
	{
		title: 'Delete Leads: three deleted (recorded)',
		replays: ['grp-leads-delete-three'],
		parameters: deleteLeads,
		items: [{ id: 7149 }, { id: 7151 }, { id: 7152 }],
		answers: ['grp-leads-delete-three'],
		expect: {
			items: [
				{ id: 7149, status: 'deleted' },
				{ id: 7151, status: 'deleted' },
				{ id: 7152, status: 'deleted' },
			],
		},
	},
	{
		title: 'Merge Leads: an answer without result is a merge done',
		replays: ['adobe-leads-merge'],
		parameters: { resource: 'lead', operation: 'merge', leadId: '1', losingLeadIds: '2, 3', mergeInCRM: false },
		answers: ['adobe-leads-merge'],
		expect: { items: [{ id: 1, mergedLeadIds: [2, 3], status: 'merged' }], calls: [{ call: 'POST /rest/v1/leads/1/merge.json', query: { leadIds: '2,3' } }] },
	},
	{
		title: 'Associate Web Activity: an answer without result is the cookie associated',
		replays: ['adobe-leads-associate'],
		parameters: { resource: 'lead', operation: 'associate', leadId: '1', cookie: 'id:123-ABC-456&token:_mch-example.com-1700000000000-12345' },
		answers: ['adobe-leads-associate'],
		expect: { items: [{ status: 'associated' }], calls: ['POST /rest/v1/leads/1/associate.json'] },
	},
	{
		title: 'Push Lead: created and updated succeed; a record with reasons and no status is its item’s error with Marketo’s code',
		replays: ['adobe-leads-push'],
		parameters: { resource: 'lead', operation: 'push', programName: 'Webinar 2026', fieldsToSend: 'autoMapInputData' },
		items: people('a@example.com', 'b@example.com', 'c@example.com'),
		continueOnFail: true,
		answers: ['adobe-leads-push'],
		expect: {
			items: [
				{ id: 483894, status: 'created' },
				{ id: 1087425, status: 'updated' },
				{ error: /^Item 2: Marketo gave no status for this record \(501 Bad stuff happened\)/, code: '501' },
			],
			calls: [{ call: 'POST /rest/v1/leads/push.json', body: { programName: 'Webinar 2026' } }],
		},
	},
	{
		title: 'Submit Form: the lead Marketo updated',
		replays: ['adobe-leads-submitform'],
		parameters: { resource: 'lead', operation: 'submitForm', formId: '1029', fieldsToSend: 'autoMapInputData' },
		items: people('a@example.com'),
		answers: ['adobe-leads-submitform'],
		expect: { items: [{ formId: 1029, id: 319174, status: 'updated' }] },
	},
];
