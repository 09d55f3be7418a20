import type { MarketoEmulator } from '../MarketoEmulator';
import { outcome, send, startEmulator, tokenFor } from '../testClient';
import { campaignsOf } from './CampaignStore';

async function instance(): Promise<{ emulator: MarketoEmulator; call: (method: string, path: string, json?: unknown) => ReturnType<typeof send> }> {
	const emulator = await startEmulator({ seedLeads: 3 });
	const token = await tokenFor(emulator);
	return { emulator, call: (method, path, json) => send(emulator, method, path, { token, ...(json === undefined ? {} : { json }) }) };
}

const leads = (count: number) => Array.from({ length: count }, (_, i) => ({ id: i + 1 }));

describe('Request Campaign (POST /rest/v1/campaigns/{campaignId}/trigger.json)', () => {
	it('records the leads and tokens of each request and answers the campaign', async () => {
		const { emulator, call } = await instance();
		const tokens = [{ name: '{{my.Title}}', value: 'Hello' }];
		const answer = await call('POST', '/rest/v1/campaigns/2001/trigger.json', { input: { leads: leads(2), tokens } });
		expect(answer.body.result).toEqual([expect.objectContaining({ id: 2001, type: 'trigger', active: true })]);
		expect(campaignsOf(emulator).requests).toEqual([{ campaignId: 2001, leadIds: [1, 2], tokens }]);
	});

	it('takes at most 100 leads (1003 past it)', async () => {
		const { call } = await instance();
		expect(outcome(await call('POST', '/rest/v1/campaigns/2001/trigger.json', { input: { leads: leads(100) } }))).toBe('success');
		expect(outcome(await call('POST', '/rest/v1/campaigns/2001/trigger.json', { input: { leads: leads(101) } }))).toBe('1003');
	});

	it.each([
		['a batch campaign', 2005, '1003'],
		['a trigger campaign without "Campaign is Requested"', 2003, '1003'],
		['an inactive campaign', 2004, '1003'],
		['an unknown campaign', 9999, '1013'],
	])('refuses %s', async (_what, campaignId, code) => {
		const { emulator, call } = await instance();
		expect(outcome(await call('POST', `/rest/v1/campaigns/${campaignId}/trigger.json`, { input: { leads: leads(1) } }))).toBe(code);
		expect(campaignsOf(emulator).requests).toEqual([]);
	});

	it('refuses a request without leads (1002) and a token not named {{my.…}} (1003)', async () => {
		const { call } = await instance();
		expect(outcome(await call('POST', '/rest/v1/campaigns/2001/trigger.json', { input: {} }))).toBe('1002');
		const badToken = { input: { leads: leads(1), tokens: [{ name: 'Title', value: 'x' }] } };
		expect(outcome(await call('POST', '/rest/v1/campaigns/2001/trigger.json', badToken))).toBe('1003');
	});
});

describe('Schedule Campaign (POST /rest/v1/campaigns/{campaignId}/schedule.json)', () => {
	it('records a batch campaign schedule; refuses trigger campaigns (1003) and dates that are not (704)', async () => {
		const { emulator, call } = await instance();
		const input = { runAt: '2030-01-31T09:00:00Z', cloneToProgramName: 'Newsletter Feb', tokens: [{ name: '{{my.Subject}}', value: 'Feb' }] };
		expect(outcome(await call('POST', '/rest/v1/campaigns/2005/schedule.json', { input }))).toBe('success');
		expect(outcome(await call('POST', '/rest/v1/campaigns/2005/schedule.json'))).toBe('success');
		expect(campaignsOf(emulator).schedules).toEqual([{ campaignId: 2005, ...input }, { campaignId: 2005, tokens: [] }]);
		expect(outcome(await call('POST', '/rest/v1/campaigns/2001/schedule.json', { input: {} }))).toBe('1003');
		expect(outcome(await call('POST', '/rest/v1/campaigns/2005/schedule.json', { input: { runAt: 'soon' } }))).toBe('704');
	});
});

describe('Get Campaigns (GET /rest/v1/campaigns.json)', () => {
	it('filters by isTriggerable, name and program, and pages by batchSize', async () => {
		const { call } = await instance();
		const ids = async (query: string) => (await call('GET', `/rest/v1/campaigns.json?${query}`)).body.result?.map((campaign) => campaign.id);
		expect(await ids('isTriggerable=true')).toEqual([2001, 2002]);
		expect(await ids('programName=Newsletter,Scoring')).toEqual([2003, 2005]);
		expect(await ids('name=Winback%20Offer')).toEqual([2004]);
		const first = await call('GET', '/rest/v1/campaigns.json?batchSize=3');
		expect(first.body.result).toHaveLength(3);
		const rest = await call('GET', `/rest/v1/campaigns.json?batchSize=3&nextPageToken=${encodeURIComponent(String(first.body.nextPageToken))}`);
		expect(rest.body.result?.map((campaign) => campaign.id)).toEqual([2004, 2005]);
		expect(rest.body.nextPageToken).toBeUndefined();
	});
});
