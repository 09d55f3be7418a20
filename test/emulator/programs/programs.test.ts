import { outcome, send, startEmulator, tokenFor } from '../testClient';
import { programsOf } from './ProgramStore';

const WEBINAR = 1001;

async function instance(seedLeads = 8) {
	const emulator = await startEmulator({ seedLeads });
	return { emulator, programs: programsOf(emulator), token: await tokenFor(emulator) };
}

const reasonCodes = (result: Array<Record<string, unknown>> | undefined) =>
	result?.map((entry) => [entry.leadId, entry.status, (entry.reasons as Array<{ code: string }> | undefined)?.[0]?.code]);

describe('programs and channels (asset API)', () => {
	it('Get Programs pages by offset and maxReturn (at most 200); Get Program by Id calls a default program "default"', async () => {
		const { emulator, programs, token } = await instance(0);
		for (let i = 0; i < 6; i++) programs.create({ name: `Campaign ${i}`, type: 'program', channel: 'Email Blast' });
		const first = await send(emulator, 'GET', '/rest/asset/v1/programs.json?maxReturn=4', { token });
		const second = await send(emulator, 'GET', '/rest/asset/v1/programs.json?maxReturn=4&offset=4', { token });
		const last = await send(emulator, 'GET', '/rest/asset/v1/programs.json?maxReturn=4&offset=8', { token });
		const past = await send(emulator, 'GET', '/rest/asset/v1/programs.json?maxReturn=4&offset=12', { token });
		expect([first, second, last, past].map((page) => page.body.result?.length)).toEqual([4, 4, 2, 0]);
		expect(second.body.result?.[0]).toMatchObject({ id: 1005, name: 'Campaign 0', type: 'program', channel: 'Email Blast', url: 'https://app-sj01.marketo.com/#PG1005A1' });
		expect(outcome(await send(emulator, 'GET', '/rest/asset/v1/programs.json?maxReturn=201', { token }))).toBe('1003');

		const byId = await send(emulator, 'GET', '/rest/asset/v1/program/1002.json', { token });
		expect(byId.body.result?.[0]).toMatchObject({ id: 1002, name: 'Newsletter', type: 'default', channel: 'Email Blast' });
		expect(outcome(await send(emulator, 'GET', '/rest/asset/v1/program/4242.json', { token }))).toBe('702');
	});

	it('Get Channels lists each channel with its progression statuses', async () => {
		const { emulator, token } = await instance(0);
		const answer = await send(emulator, 'GET', '/rest/asset/v1/channels.json?maxReturn=200', { token });
		const webinar = answer.body.result?.find((channel) => channel.name === 'Webinar') as { progressionStatuses: Array<{ name: string; hidden: boolean }> };
		expect(webinar.progressionStatuses.map((status) => status.name)).toEqual([
			'Not in Program',
			'Invited',
			'Registered',
			'Waitlisted',
			'No Show',
			'Attended',
			'Attended On-demand',
		]);
	});
});

describe('Get Program Members (GET /rest/v1/programs/{programId}/members.json)', () => {
	it('matches a searchable field, always returns the membership fields, pages by token', async () => {
		const { emulator, token } = await instance();
		const registered = await send(emulator, 'GET', '/rest/v1/programs/1001/members.json?filterType=statusName&filterValues=registered&batchSize=1', { token });
		expect(registered.body.result).toEqual([
			expect.objectContaining({ seq: 0, leadId: 2, programId: WEBINAR, statusName: 'Registered', reachedSuccess: false, acquiredBy: false }),
		]);
		const next = await send(
			emulator,
			'GET',
			`/rest/v1/programs/1001/members.json?filterType=statusName&filterValues=registered&batchSize=1&nextPageToken=${encodeURIComponent(String(registered.body.nextPageToken))}`,
			{ token },
		);
		expect(next.body.result?.map((member) => member.leadId)).toEqual([3]);
		expect(next.body.nextPageToken).toBeUndefined();

		const withFields = await send(emulator, 'GET', '/rest/v1/programs/1001/members.json?filterType=leadId&filterValues=4&fields=registrationCode', { token });
		expect(withFields.body.result?.[0]).toMatchObject({ leadId: 4, registrationCode: 'WEB26-0004' });
	});

	it('refuses a field that is not searchable (1003), more than 300 values (1003), an unknown field (1006), an unknown program (1013)', async () => {
		const { emulator, token } = await instance();
		const values = Array.from({ length: 301 }, (_, i) => String(i + 1)).join(',');
		expect(outcome(await send(emulator, 'GET', '/rest/v1/programs/1001/members.json?filterType=membershipDate&filterValues=x', { token }))).toBe('1003');
		expect(outcome(await send(emulator, 'GET', `/rest/v1/programs/1001/members.json?filterType=leadId&filterValues=${values}`, { token }))).toBe('1003');
		expect(outcome(await send(emulator, 'GET', '/rest/v1/programs/1001/members.json?filterType=leadId&filterValues=1&fields=shoeSize', { token }))).toBe('1006');
		expect(outcome(await send(emulator, 'GET', '/rest/v1/programs/4242/members.json?filterType=leadId&filterValues=1', { token }))).toBe('1013');
	});
});

describe('program member writes', () => {
	it('Change Status: members and new members take the status, success sticks, unknown leads are skipped (1004)', async () => {
		const { emulator, programs, token } = await instance();
		const input = [{ leadId: 1 }, { leadId: 7 }, { leadId: 999 }];
		const answer = await send(emulator, 'POST', '/rest/v1/programs/1001/members/status.json', { token, json: { statusName: 'Attended', input } });
		expect(reasonCodes(answer.body.result)).toEqual([
			[1, 'updated', undefined],
			[7, 'updated', undefined],
			[999, 'skipped', '1004'],
		]);
		expect(programs.member(WEBINAR, 7)).toMatchObject({ statusName: 'Attended', reachedSuccess: true });
	});

	it('Change Status refuses a missing status (1002), one of another channel or hidden (1003), and more than 300 leads (1003)', async () => {
		const { emulator, token } = await instance();
		const change = async (json: unknown) => outcome(await send(emulator, 'POST', '/rest/v1/programs/1001/members/status.json', { token, json }));
		expect(await change({ input: [{ leadId: 1 }] })).toBe('1002');
		expect(await change({ statusName: 'Visited Booth', input: [{ leadId: 1 }] })).toBe('1003');
		expect(await change({ statusName: 'Waitlisted', input: [{ leadId: 1 }] })).toBe('1003');
		expect(await change({ statusName: 'Invited', input: Array.from({ length: 301 }, () => ({ leadId: 1 })) })).toBe('1003');
	});

	it('Sync Data: sets updateable fields of members; non-members, unknown and read-only fields are skipped', async () => {
		const { emulator, programs, token } = await instance();
		const input = [
			{ leadId: 1, attendanceMinutes: '45', webinarUrl: 'https://example.com/w/1' },
			{ leadId: 7, attendanceMinutes: 10 },
			{ leadId: 2, shoeSize: 44 },
			{ leadId: 3, statusName: 'Attended' },
			{ leadId: 4, attendanceMinutes: 'a while' },
		];
		const answer = await send(emulator, 'POST', '/rest/v1/programs/1001/members.json', { token, json: { input } });
		expect(reasonCodes(answer.body.result)).toEqual([
			[1, 'updated', undefined],
			[7, 'skipped', '1004'],
			[2, 'skipped', '1006'],
			[3, 'skipped', '1003'],
			[4, 'skipped', '1001'],
		]);
		expect(programs.member(WEBINAR, 1)).toMatchObject({ attendanceMinutes: 45, webinarUrl: 'https://example.com/w/1' });
	});

	it('Delete: members leave the program, non-members are skipped (1004)', async () => {
		const { emulator, programs, token } = await instance();
		const answer = await send(emulator, 'POST', '/rest/v1/programs/1001/members/delete.json', { token, json: { input: [{ leadId: 5 }, { leadId: 6 }] } });
		expect(reasonCodes(answer.body.result)).toEqual([
			[5, 'deleted', undefined],
			[6, 'skipped', '1004'],
		]);
		expect(programs.member(WEBINAR, 5)).toBeUndefined();
	});

	it('Describe Program Member lists the fields, which are updateable and which searchable', async () => {
		const { emulator, token } = await instance(0);
		const answer = await send(emulator, 'GET', '/rest/v1/programs/members/describe.json', { token });
		const [describe] = answer.body.result ?? [];
		expect(describe.searchableFields).toEqual([['leadId'], ['statusName'], ['reachedSuccess'], ['registrationCode']]);
		expect((describe.fields as Array<{ name: string; updateable: boolean }>).filter((field) => field.updateable).map((field) => field.name)).toEqual([
			'registrationCode',
			'attendanceMinutes',
			'webinarUrl',
		]);
	});
});
