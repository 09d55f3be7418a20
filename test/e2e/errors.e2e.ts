import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { E2eSession, explain } from './support/session';
import { singleMarketoNodeWorkflow } from './support/workflows';

const WRONG_SECRET = 'wrong-secret-e2e-Zq7xK2pL9';
const WRONG_SECRET_CREDENTIAL = { id: 'mktoWrongSecret', name: 'Marketo API (wrong secret)' };

describe('errors surface as n8n errors in n8n 2.41', () => {
	let session: E2eSession;

	beforeAll(async () => {
		session = await E2eSession.start({ seedLeads: 20 });
		await session.n8n.importCredentials([session.credential({ ...WRONG_SECRET_CREDENTIAL, clientSecret: WRONG_SECRET })]);
		await session.importWorkflows([
			singleMarketoNodeWorkflow('e2eUnknownLead01', { resource: 'lead', operation: 'get', leadId: '999999' }),
			singleMarketoNodeWorkflow('e2eBadLeadId0001', { resource: 'lead', operation: 'get', leadId: 'abc' }),
			singleMarketoNodeWorkflow('e2eWrongSecret01', { resource: 'usage', operation: 'getDailyUsage' }, WRONG_SECRET_CREDENTIAL),
		]);
	});

	afterAll(async () => {
		await session?.stop();
	});

	it('a lead id Marketo does not know fails the execution with a NodeOperationError naming the item and the field', async () => {
		const run = await session.execute('e2eUnknownLead01');

		expect(run.exitCode).toBe(1);
		expect(run.result?.status).toBe('error');
		expect(run.result?.data.resultData.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Item 0, field "Lead ID": no lead with id 999999 exists in Marketo',
			node: { name: 'Marketo', type: 'n8n-nodes-marketo.marketo' },
		});
		const api = run.calls.filter((call) => call.kind === 'api');
		expect(api).toHaveLength(1);
		expect(api[0]).toMatchObject({ method: 'GET', path: '/rest/v1/leads.json', query: { filterType: 'id', filterValues: '999999' } });
		expect(run.violations).toEqual([]);
	});

	it('a lead id that is not a number is refused before anything is sent', async () => {
		const run = await session.execute('e2eBadLeadId0001');

		expect(run.exitCode).toBe(1);
		expect(run.result?.data.resultData.error).toMatchObject({ name: 'NodeOperationError', message: expect.stringContaining('Item 0, field "Lead ID"') });
		expect(run.calls).toEqual([]);
	});

	it('a wrong client secret fails with the identity endpoint\'s 401 explained, and the secret appears nowhere n8n writes', async () => {
		const run = await session.execute('e2eWrongSecret01');

		expect(run.exitCode).toBe(1);
		const error = run.result?.data.resultData.error;
		expect(error?.message ?? explain(run)).toMatch(/Client ID or Client Secret.*HTTP 401/);
		expect(run.calls.length).toBeGreaterThan(0);
		expect(run.calls.every((call) => call.kind === 'identity' && call.httpStatus === 401)).toBe(true);
		expect(run.violations).toEqual([]);

		const written = [run.stdout, run.stderr, ...databaseFiles(session.n8n.userFolder)];
		for (const text of written) {
			expect(text).not.toContain(WRONG_SECRET);
			expect(text).not.toContain(encodeURIComponent(WRONG_SECRET));
		}
	});
});

/** n8n's SQLite database as text: stored executions must not hold the secret either (credentials are encrypted). */
function databaseFiles(userFolder: string): string[] {
	const dir = join(userFolder, '.n8n');
	return readdirSync(dir)
		.filter((file) => file.startsWith('database.sqlite'))
		.map((file) => readFileSync(join(dir, file)).toString('latin1'));
}
