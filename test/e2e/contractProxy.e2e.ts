import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';

import { ContractProxy } from '../../scripts/lib/contractProxy';
import { findOfficialOperation } from '../../scripts/lib/officialSpec';
import { ensureToolchain } from '../../scripts/lib/toolchain';
import { MarketoEmulator } from '../emulator';

/** The judge is judged first: a proxy that let everything through would make the other suites pass for nothing. */
describe('the contract proxy built from the official OpenAPI files', () => {
	let emulator: MarketoEmulator;
	let proxy: ContractProxy;
	let workDir: string;
	let token: string;

	beforeAll(async () => {
		workDir = mkdtempSync(join(tmpdir(), 'n8n-marketo-proxy-'));
		emulator = new MarketoEmulator({ seedLeads: 5 });
		await emulator.start();
		proxy = await ContractProxy.start(await ensureToolchain(undefined, { install: false }), emulator.baseUrl, workDir);
		const { clientId, clientSecret } = emulator.options;
		const identity = await request(`${proxy.url}/identity/oauth/token?grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`, {
			method: 'POST',
		});
		token = ((await identity.body.json()) as { access_token: string }).access_token;
	});

	afterAll(async () => {
		await proxy?.stop();
		await emulator?.stop();
		rmSync(workDir, { recursive: true, force: true });
	});

	const get = (path: string) => request(`${proxy.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

	it('forwards a request the files define, unchanged', async () => {
		const answer = await get('/rest/v1/lead/1.json?fields=email');

		expect(answer.statusCode).toBe(200);
		expect(await answer.body.json()).toMatchObject({ success: true, result: [{ id: 1 }] });
		expect(emulator.apiCalls().at(-1)).toMatchObject({ method: 'GET', path: '/rest/v1/lead/1.json' });
		expect(proxy.violations()).toEqual([]);
	});

	it('refuses a request that breaks the files (a lead id that is not an integer) and records it', async () => {
		const before = emulator.calls.length;
		const answer = await get('/rest/v1/lead/abc.json');

		expect(answer.statusCode).toBe(422);
		expect(JSON.stringify(await answer.body.json())).toContain('must be integer');
		expect(emulator.calls.length).toBe(before);
		expect(proxy.violations()).toHaveLength(1);
	});

	it('refuses a path no official file defines', async () => {
		const answer = await get('/rest/v1/leads/nothing.json');
		await answer.body.dump();

		expect(answer.statusCode).toBe(404);
		expect(proxy.violations()).toHaveLength(2);
	});

	it('takes a list as one comma-separated value and refuses the same list as repeated keys (the relaxation of the files\' `multi`)', async () => {
		const isMember = '/rest/v1/lists/1001/leads/ismember.json';
		const asOneValue = await get(`${isMember}?id=1,2,3`);
		expect(asOneValue.statusCode).toBe(200);
		expect(((await asOneValue.body.json()) as { result: unknown[] }).result).toHaveLength(3);
		expect(proxy.violations()).toHaveLength(2);

		const repeated = await get(`${isMember}?id=1&id=2`);
		expect(repeated.statusCode).toBe(422);
		expect(JSON.stringify(await repeated.body.json())).toContain('must be string');
		expect(proxy.violations()).toHaveLength(3);
	});

	it('lets Remove from List send its ids once, in the query, without the body the file also requires', async () => {
		const answer = await request(`${proxy.url}/rest/v1/lists/1001/leads.json?id=4,5`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
		expect(answer.statusCode).toBe(200);
		expect(await answer.body.json()).toMatchObject({ success: true, result: [{ id: 4, status: 'removed' }, { id: 5, status: 'removed' }] });
		expect(proxy.violations()).toHaveLength(3);
	});

	it('matches a concrete request to the official operation it instantiates', () => {
		expect(findOfficialOperation('GET', '/rest/v1/lead/42.json')).toEqual({ file: 'swagger-mapi.json', method: 'GET', pathTemplate: '/rest/v1/lead/{leadId}.json' });
		expect(findOfficialOperation('POST', '/identity/oauth/token')).toMatchObject({ file: 'swagger-identity.json' });
		expect(findOfficialOperation('GET', '/rest/asset/v1/email/7.json')).toMatchObject({ file: 'swagger-asset.json' });
		expect(findOfficialOperation('DELETE', '/rest/v1/lead/42.json')).toBeUndefined();
		expect(findOfficialOperation('GET', '/rest/v1/lead/42/extra.json')).toBeUndefined();
	});
});
