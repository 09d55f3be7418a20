import type { INodeParameters } from 'n8n-workflow';

import { campaignsOf } from '../emulator/campaigns/CampaignStore';
import { searchList } from './listSearch';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const WELCOME = 2001; // active trigger campaign with "Campaign is Requested: Web Service API"
const SCORING = 2003; // trigger campaign without that trigger
const WINBACK = 2004; // requestable but inactive
const NEWSLETTER = 2005; // batch campaign

async function withLeads(count: number) {
	const emulator = await startEmulator();
	const ids = Array.from({ length: count }, (_, i) => emulator.leads.insert({ email: `person${i}@example.com` }).id);
	return { emulator, store: credentialStore(emulator), campaigns: campaignsOf(emulator), ids };
}

const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

const request = (campaignId: INodeParameters[string], tokens: Array<{ name: string; value: string }> = []): INodeParameters => ({
	resource: 'campaign',
	operation: 'request',
	campaignId,
	leadId: '={{ $json.id }}',
	tokens: { token: tokens },
});

describe('Campaign → Request', () => {
	it('requests a campaign for 250 leads in 3 calls with tokens, each item paired', async () => {
		const { emulator, store, campaigns, ids } = await withLeads(250);
		const tokens = [
			{ name: '{{my.Webinar Title}}', value: 'Scaling Engagement' },
			{ name: 'Join Link', value: 'https://webinars.example.com/join/abc' },
		];
		const result = await runMarketo(request(byId(WELCOME), tokens), { store, items: ids.map((id) => ({ id })) });

		const calls = callsTo(emulator, 'POST', `/rest/v1/campaigns/${WELCOME}/trigger.json`);
		expect(calls.map((call) => (call.body as { input: { leads: unknown[] } }).input.leads.length)).toEqual([100, 100, 50]);
		const sentTokens = [
			{ name: '{{my.Webinar Title}}', value: 'Scaling Engagement' },
			{ name: '{{my.Join Link}}', value: 'https://webinars.example.com/join/abc' },
		];
		expect(campaigns.requests.map((sent) => sent.tokens)).toEqual([sentTokens, sentTokens, sentTokens]);
		expect(campaigns.requestedLeads(WELCOME)).toEqual(ids);
		const output = result.output(MARKETO_NODE);
		expect(output).toHaveLength(250);
		expect(output[249]).toEqual({ json: { campaignId: WELCOME, leadId: ids[249], status: 'requested' }, pairedItem: { item: 249 } });
	});

	it('sends no tokens when none are given, and a lead named by several items once', async () => {
		const { emulator, store, campaigns } = await withLeads(2);
		const result = await runMarketo(request(byId(WELCOME)), { store, items: [{ id: 1 }, { id: 2 }, { id: 1 }] });
		expect(callsTo(emulator, 'POST', `/rest/v1/campaigns/${WELCOME}/trigger.json`).map((call) => call.body)).toEqual([
			{ input: { leads: [{ id: 1 }, { id: 2 }] } },
		]);
		expect(campaigns.requests).toEqual([{ campaignId: WELCOME, leadIds: [1, 2], tokens: [] }]);
		expect(result.output(MARKETO_NODE).map((item) => item.json.leadId)).toEqual([1, 2, 1]);
	});

	it('does not repeat a request whose answer was lost: the leads could run through the flow twice', async () => {
		const { emulator, store, campaigns } = await withLeads(2);
		emulator.inject({ on: 1, drop: 'afterExecuting' });
		const result = await runMarketo(request(byId(WELCOME)), { store, items: [{ id: 1 }, { id: 2 }] });
		expect(result.error?.message).toMatch(/may or may not have applied it, so it was not sent again/);
		expect(callsTo(emulator, 'POST', `/rest/v1/campaigns/${WELCOME}/trigger.json`)).toHaveLength(1);
		expect(campaigns.requests).toHaveLength(1);
	});

	it('makes one call per distinct set of My Token values', async () => {
		const { emulator, store, campaigns } = await withLeads(3);
		const parameters = request(byId(WELCOME), [{ name: '{{my.Title}}', value: '={{ $json.title }}' }]);
		const items = [{ id: 1, title: 'A' }, { id: 2, title: 'B' }, { id: 3, title: 'A' }];
		await runMarketo(parameters, { store, items });
		expect(callsTo(emulator, 'POST', `/rest/v1/campaigns/${WELCOME}/trigger.json`)).toHaveLength(2);
		expect(campaigns.requests.map(({ leadIds, tokens }) => [leadIds, tokens[0].value])).toEqual([
			[[1, 3], 'A'],
			[[2], 'B'],
		]);
	});

	it.each([
		['a batch campaign', NEWSLETTER],
		['a trigger campaign without "Campaign is Requested"', SCORING],
		['an inactive trigger campaign', WINBACK],
	])('refuses %s with Marketo\'s 1003 for every item of the call', async (_what, campaignId) => {
		const { store, campaigns } = await withLeads(2);
		const result = await runMarketo(request(byId(campaignId)), { store, items: [{ id: 1 }, { id: 2 }], continueOnFail: true });
		expect(result.output(MARKETO_NODE).map((item) => item.json.code)).toEqual(['1003', '1003']);
		expect(String(result.output(MARKETO_NODE)[0].json.error)).toMatch(/cannot be requested/);
		expect(campaigns.requests).toEqual([]);
	});

	it.each([
		['{{lead.First Name}}', /"\{\{lead\.First Name\}\}" is not a My Token/],
		['', /has a token without a name/],
	])('names the bad token %p before any call', async (name, problem) => {
		const { emulator, store } = await withLeads(1);
		const result = await runMarketo(request(byId(WELCOME), [{ name, value: 'x' }]), { store, items: [{ id: 1 }] });
		expect(result.error?.message).toMatch(/^Item 0, field "My Tokens": /);
		expect(result.error?.message).toMatch(problem);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('names a bad lead ID before any call', async () => {
		const { emulator, store } = await withLeads(1);
		const result = await runMarketo(request(byId(WELCOME)), { store, items: [{ id: 1 }, { id: -4 }] });
		expect(result.error?.message).toMatch(/Item 1, field "Lead ID": "-4" is not a Marketo id/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('takes the campaign from its Marketo URL', async () => {
		const { store, campaigns } = await withLeads(1);
		const url = { __rl: true, mode: 'url', value: 'https://app-ab12.marketo.com/#/classic/SC2001A1ZN38' };
		await runMarketo(request(url), { store, items: [{ id: 1 }] });
		expect(campaigns.requestedLeads(WELCOME)).toEqual([1]);
	});
});

describe('Campaign → Schedule', () => {
	it('schedules a batch campaign with run time, clone name and tokens; one call per item', async () => {
		const { emulator, store, campaigns } = await withLeads(0);
		const result = await runMarketo(
			{
				resource: 'campaign',
				operation: 'schedule',
				campaignId: byId(NEWSLETTER),
				tokens: { token: [{ name: 'Subject', value: 'January news' }] },
				options: { runAt: '2030-01-31T09:00:00Z', cloneToProgramName: 'Newsletter January' },
			},
			{ store },
		);
		const schedule = { runAt: '2030-01-31T09:00:00.000Z', cloneToProgramName: 'Newsletter January', tokens: [{ name: '{{my.Subject}}', value: 'January news' }] };
		expect(callsTo(emulator, 'POST', `/rest/v1/campaigns/${NEWSLETTER}/schedule.json`)[0].body).toEqual({ input: schedule });
		expect(campaigns.schedules).toEqual([{ campaignId: NEWSLETTER, ...schedule }]);
		expect(result.output(MARKETO_NODE)[0].json).toEqual({ campaignId: NEWSLETTER, status: 'scheduled', ...schedule });
	});

	it('refuses a trigger campaign with 1003, and names a run time that is not a date before any call', async () => {
		const { emulator, store } = await withLeads(0);
		const trigger = await runMarketo({ resource: 'campaign', operation: 'schedule', campaignId: byId(WELCOME) }, { store, continueOnFail: true });
		expect(trigger.output(MARKETO_NODE)[0].json).toMatchObject({ code: '1003', error: expect.stringMatching(/only batch campaigns can be scheduled/) });

		emulator.resetCounters();
		const badDate = await runMarketo(
			{ resource: 'campaign', operation: 'schedule', campaignId: byId(NEWSLETTER), options: { runAt: '={{ "next tuesday" }}' } },
			{ store },
		);
		expect(badDate.error?.message).toMatch(/Item 0, field "Run At": "next tuesday" is not a date and time/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});

describe('Campaign → Get and Get Many', () => {
	it('gets campaigns for many items in one call', async () => {
		const { emulator, store } = await withLeads(0);
		const items = [{ c: WELCOME }, { c: NEWSLETTER }];
		const result = await runMarketo({ resource: 'campaign', operation: 'get', campaignId: { __rl: true, mode: 'id', value: '={{ $json.c }}' } }, { store, items });
		expect(result.output(MARKETO_NODE).map((item) => [item.json.name, item.json.type])).toEqual([
			['Send Welcome Email', 'trigger'],
			['Monthly Newsletter Send', 'batch'],
		]);
		expect(callsTo(emulator, 'GET', '/rest/v1/campaigns.json').map((call) => call.query.id)).toEqual(['2001,2005']);
	});

	it('gets only the triggerable campaigns when asked, with the limit as batch size', async () => {
		const { emulator, store } = await withLeads(0);
		const result = await runMarketo({ resource: 'campaign', operation: 'getMany', limit: 5, filters: { isTriggerable: true } }, { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json.id)).toEqual([WELCOME, 2002]);
		expect(callsTo(emulator, 'GET', '/rest/v1/campaigns.json')[0].query).toEqual({ isTriggerable: 'true', batchSize: '5' });
	});
});

describe('Campaign locator search', () => {
	it('offers only requestable campaigns for Request, every campaign elsewhere', async () => {
		const { store } = await withLeads(0);
		const requestable = await searchList('searchRequestableCampaigns', store);
		expect(requestable.results.map((campaign) => campaign.value)).toEqual(['2001', '2002']);
		const all = await searchList('searchCampaigns', store, 'NEWS');
		expect(all.results).toEqual([{ name: 'Monthly Newsletter Send (Newsletter)', value: String(NEWSLETTER) }]);
	});
});
