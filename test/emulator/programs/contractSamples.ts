import type { CallOptions } from '../testClient';

/** One succeeding request per program and program member endpoint; program 1001 (Webinar 2026) holds leads 1–5. */
export const PROGRAM_CONTRACT_SAMPLES: Record<string, { path: string } & CallOptions> = {
	'GET /rest/v1/programs/members/describe.json': { path: '/rest/v1/programs/members/describe.json' },
	'GET /rest/v1/programs/{programId}/members.json': {
		path: '/rest/v1/programs/1001/members.json?filterType=statusName&filterValues=Registered,Attended&fields=statusName,registrationCode&batchSize=2',
	},
	'POST /rest/v1/programs/{programId}/members/status.json': {
		path: '/rest/v1/programs/1001/members/status.json',
		json: { statusName: 'Attended', input: [{ leadId: 2 }, { leadId: 999 }] },
	},
	'POST /rest/v1/programs/{programId}/members.json': {
		path: '/rest/v1/programs/1001/members.json',
		json: { input: [{ leadId: 1, attendanceMinutes: 42 }, { leadId: 999, attendanceMinutes: 1 }] },
	},
	'POST /rest/v1/programs/{programId}/members/delete.json': {
		path: '/rest/v1/programs/1001/members/delete.json',
		json: { input: [{ leadId: 5 }, { leadId: 999 }] },
	},
	'GET /rest/asset/v1/programs.json': { path: '/rest/asset/v1/programs.json?maxReturn=2&offset=1' },
	'GET /rest/asset/v1/program/{id}.json': { path: '/rest/asset/v1/program/1002.json' },
	'GET /rest/asset/v1/channels.json': { path: '/rest/asset/v1/channels.json?maxReturn=200' },
};
