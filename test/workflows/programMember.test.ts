import type { INodeParameters } from 'n8n-workflow';

import { programsOf } from '../emulator/programs/ProgramStore';
import { searchList } from './listSearch';
import { callsTo, credentialStore, dropdown, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const WEBINAR = 1001;
const TRADE_SHOW = 1003;

const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

async function instance(leads: number) {
	const emulator = await startEmulator({ seedLeads: leads });
	return { emulator, store: credentialStore(emulator), programs: programsOf(emulator) };
}

const operation = (name: string, parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'programMember',
	operation: name,
	programId: byId(WEBINAR),
	leadId: '={{ $json.id }}',
	...parameters,
});

type Body = { statusName?: string; input: Array<Record<string, unknown>> };
const bodyOf = (call: { body: unknown }) => call.body as Body;

describe('Program Member → Change Status', () => {
	it('changes the status of 650 leads in 3 calls, each item paired; a lead Marketo does not know is that item\'s error', async () => {
		const { emulator, store, programs } = await instance(649);
		const items = Array.from({ length: 650 }, (_, i) => ({ id: i === 500 ? 987654 : i + 1 - (i > 500 ? 1 : 0) }));

		const result = await runMarketo(operation('changeStatus', { statusName: 'Registered' }), { store, items, continueOnFail: true });

		const calls = callsTo(emulator, 'POST', `/rest/v1/programs/${WEBINAR}/members/status.json`);
		expect(calls.map((call) => [bodyOf(call).statusName, bodyOf(call).input.length])).toEqual([
			['Registered', 300],
			['Registered', 300],
			['Registered', 50],
		]);
		expect(bodyOf(calls[0]).input[0]).toEqual({ leadId: 1 });
		const output = result.output(MARKETO_NODE);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(output[0].json).toEqual({ programId: WEBINAR, statusName: 'Registered', leadId: 1, status: 'updated' });
		expect(output[500].json).toEqual({ error: expect.stringMatching(/^Item 500: Marketo skipped this record \(1004/), code: '1004' });
		expect(programs.membersOf(WEBINAR).filter((member) => member.statusName === 'Registered')).toHaveLength(649);
	});

	it('pools by program and status: items for two statuses and two programs make one call each', async () => {
		const { emulator, store } = await instance(4);
		const items = [
			{ id: 1, program: WEBINAR, status: 'Attended' },
			{ id: 2, program: WEBINAR, status: 'No Show' },
			{ id: 3, program: WEBINAR, status: 'Attended' },
			{ id: 4, program: TRADE_SHOW, status: 'Visited Booth' },
		];
		await runMarketo(operation('changeStatus', { programId: byId('={{ $json.program }}'), statusName: '={{ $json.status }}' }), { store, items });
		const webinar = callsTo(emulator, 'POST', `/rest/v1/programs/${WEBINAR}/members/status.json`);
		expect(webinar.map((call) => [bodyOf(call).statusName, bodyOf(call).input.map((record) => record.leadId)])).toEqual([
			['Attended', [1, 3]],
			['No Show', [2]],
		]);
		expect(callsTo(emulator, 'POST', `/rest/v1/programs/${TRADE_SHOW}/members/status.json`)).toHaveLength(1);
	});

	it('takes the program from its Marketo URL, and repeats a call whose answer was lost (setting a status twice is harmless)', async () => {
		const { emulator, store } = await instance(2);
		emulator.inject({ on: 1, drop: 'afterExecuting' });
		const programId = { __rl: true, mode: 'url', value: 'https://app-sj01.marketo.com/#PG1003A1' };
		const result = await runMarketo(operation('changeStatus', { programId, statusName: 'Invited' }), { store, items: [{ id: 1 }, { id: 2 }] });
		expect(callsTo(emulator, 'POST', `/rest/v1/programs/${TRADE_SHOW}/members/status.json`)).toHaveLength(2);
		expect(result.output(MARKETO_NODE).map((item) => item.json.status)).toEqual(['updated', 'updated']);
	});

	it('names bad input before any call: a lead ID that is not one, a program URL that is not one', async () => {
		const { emulator, store } = await instance(2);
		const badLead = await runMarketo(operation('changeStatus', { statusName: 'Invited' }), { store, items: [{ id: 1 }, { id: 'abc' }] });
		expect(badLead.error?.message).toMatch(/Item 1, field "Lead ID": "abc" is not a Marketo id/);
		const programId = { __rl: true, mode: 'url', value: '={{ $json.url }}' };
		const badUrl = await runMarketo(operation('changeStatus', { programId, statusName: 'Invited' }), { store, items: [{ id: 1, url: 'https://example.com/program' }] });
		expect(badUrl.error?.message).toMatch(/Item 0, field "Program": "https:\/\/example.com\/program" is not a Marketo program URL/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('fails every item of a call Marketo refuses: a status the program\'s channel does not have (1003)', async () => {
		const { store } = await instance(2);
		const result = await runMarketo(operation('changeStatus', { statusName: 'Visited Booth' }), { store, items: [{ id: 1 }, { id: 2 }], continueOnFail: true });
		expect(result.output(MARKETO_NODE).map((item) => item.json.code)).toEqual(['1003', '1003']);
	});
});

describe('Program Member → Get Many, Sync Data, Delete, Describe', () => {
	it('Get Many pools the items\' values in one call and hands each member to the item that matched it', async () => {
		const { emulator, store } = await instance(5);
		const items = [{ ids: '2,4' }, { ids: '5' }, { ids: '3, 999' }];
		const result = await runMarketo(
			operation('getMany', { filterType: 'leadId', filterValues: '={{ $json.ids }}', returnAll: true, fields: ['statusName', 'registrationCode'] }),
			{ store, items },
		);
		const [call] = callsTo(emulator, 'GET', `/rest/v1/programs/${WEBINAR}/members.json`);
		expect(call.query).toMatchObject({ filterType: 'leadId', filterValues: '2,4,5,3,999' });
		expect(result.output(MARKETO_NODE).map((item) => [item.pairedItem, item.json.leadId, item.json.statusName])).toEqual([
			[{ item: 0 }, 2, 'Registered'],
			[{ item: 0 }, 4, 'Attended'],
			[{ item: 1 }, 5, 'No Show'],
			[{ item: 2 }, 3, 'Registered'],
		]);
		expect(result.output(MARKETO_NODE)[0].json).toEqual({
			leadId: 2,
			programId: WEBINAR,
			reachedSuccess: false,
			acquiredBy: false,
			membershipDate: expect.any(String),
			statusName: 'Registered',
			registrationCode: 'WEB26-0002',
		});
	});

	it('Sync Data sets member fields, 300 per call; a lead that is not a member is that item\'s error', async () => {
		const { emulator, store, programs } = await instance(7);
		const fields = { field: [{ name: 'attendanceMinutes', value: '={{ $json.minutes }}' }] };
		const result = await runMarketo(operation('syncData', { fieldsToSend: 'defineBelow', fieldValues: fields }), { store, items: [{ id: 1, minutes: 45 }, { id: 7, minutes: 3 }], continueOnFail: true });
		const [call] = callsTo(emulator, 'POST', `/rest/v1/programs/${WEBINAR}/members.json`);
		expect(bodyOf(call).input).toEqual([
			{ leadId: 1, attendanceMinutes: 45 },
			{ leadId: 7, attendanceMinutes: 3 },
		]);
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([
			{ programId: WEBINAR, attendanceMinutes: 45, leadId: 1, status: 'updated' },
			{ error: expect.stringMatching(/^Item 1: Marketo skipped this record \(1004/), code: '1004' },
		]);
		expect(programs.member(WEBINAR, 1)?.attendanceMinutes).toBe(45);
	});

	it('Delete removes members and does not repeat a call whose answer was lost', async () => {
		const { emulator, store, programs } = await instance(5);
		const result = await runMarketo(operation('delete'), { store, items: [{ id: 4 }, { id: 5 }] });
		expect(callsTo(emulator, 'POST', `/rest/v1/programs/${WEBINAR}/members/delete.json`).map((call) => bodyOf(call).input)).toEqual([[{ leadId: 4 }, { leadId: 5 }]]);
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([
			{ programId: WEBINAR, leadId: 4, status: 'deleted' },
			{ programId: WEBINAR, leadId: 5, status: 'deleted' },
		]);
		expect(programs.membersOf(WEBINAR).map((member) => member.leadId)).toEqual([1, 2, 3]);

		emulator.inject({ on: () => true, drop: 'afterExecuting' });
		const lost = await runMarketo(operation('delete'), { store, items: [{ id: 3 }], continueOnFail: true });
		expect(callsTo(emulator, 'POST', `/rest/v1/programs/${WEBINAR}/members/delete.json`)).toHaveLength(2);
		expect(lost.output(MARKETO_NODE)[0].json.error).toBeDefined();
	});

	it('Describe lists the program member fields once for the run, marking the ones Get Many can filter on', async () => {
		const { emulator, store } = await instance(0);
		const result = await runMarketo({ resource: 'programMember', operation: 'describe' }, { store });
		const fields = result.output(MARKETO_NODE).map((item) => [item.json.name, item.json.searchable]);
		expect(fields).toEqual(expect.arrayContaining([['statusName', true], ['webinarUrl', false]]));
		expect(callsTo(emulator, 'GET', '/rest/v1/programs/members/describe.json')).toHaveLength(1);
	});
});

describe('program dropdowns and locator', () => {
	it('offers the statuses of the chosen program\'s channel in step order, hidden ones left out', async () => {
		const { emulator, store } = await instance(0);
		const parameters = { resource: 'programMember', operation: 'changeStatus', programId: byId(WEBINAR) };
		const statuses = await dropdown('getProgramStatuses', store, parameters);
		expect(statuses.map((option) => option.value)).toEqual(['Not in Program', 'Invited', 'Registered', 'No Show', 'Attended', 'Attended On-demand']);
		expect(statuses.find((option) => option.value === 'Attended')?.description).toMatch(/success/);
		expect(callsTo(emulator, 'GET', `/rest/asset/v1/program/${WEBINAR}.json`)).toHaveLength(1);
		expect(await dropdown('getProgramStatuses', store, { ...parameters, programId: byId('') })).toEqual([]);
	});

	it('offers describe\'s searchable fields as filter types and the updateable fields for Sync Data', async () => {
		const { store } = await instance(0);
		expect((await dropdown('getProgramMemberFilterTypes', store)).map((option) => option.value).sort()).toEqual(['leadId', 'reachedSuccess', 'registrationCode', 'statusName']);
		expect((await dropdown('getWritableProgramMemberFields', store)).map((option) => option.value).sort()).toEqual(['attendanceMinutes', 'registrationCode', 'webinarUrl']);
	});

	it('searches programs by name or id, and pages through more than 200 programs', async () => {
		const { emulator, store, programs } = await instance(0);
		const found = await searchList('searchPrograms', store, 'webinar');
		expect(found).toEqual({ results: [{ name: 'Webinar 2026 (Webinar)', value: '1001', url: 'https://app-sj01.marketo.com/#PG1001A1' }] });
		expect((await searchList('searchPrograms', store, '1003')).results.map((result) => result.value)).toEqual(['1003']);

		for (let i = 0; i < 250; i++) programs.create({ name: `Campaign ${i}`, type: 'program', channel: 'Email Blast' });
		const first = await searchList('searchPrograms', store);
		expect(first.results).toHaveLength(200);
		expect(first.paginationToken).toBe('200');
		const second = await searchList('searchPrograms', store, undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(54);
		expect(second.paginationToken).toBeUndefined();
		expect(callsTo(emulator, 'GET', '/rest/asset/v1/programs.json').map((call) => call.query.offset)).toEqual(['0', '0', '0', '200']);
	});
});
