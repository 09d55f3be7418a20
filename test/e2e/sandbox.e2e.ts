import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';

import { EXAMPLE_CREDENTIAL, loadExamples } from '../../scripts/lib/examples';
import { repoRoot } from '../../scripts/lib/paths';
import { acceptsConnections, freePort, inheritedEnv, runChecked, Service, waitUntil } from '../../scripts/lib/processes';
import { SANDBOX_OWNER } from '../../scripts/lib/n8nServer';
import { MARKETO_NODE_TYPE } from './support/workflows';

// Each step of the sandbox's start (pack, install into n8n, imports, n8n's start) has its own
// limit and ends the sandbox with a message when hit; this wait is only a backstop, far beyond
// the whole start on a busy machine (about a minute when idle).
const SANDBOX_START_LIMIT_MS = 30 * 60_000;
const TOOLS_BUILD_LIMIT_MS = 5 * 60_000;

/** `npm start` as a newcomer runs it (after its build steps), in a sandbox folder of its own. */
describe('the sandbox (npm start)', () => {
	let sandboxDir: string;
	let port: number;
	let sandbox: Service;
	let cookie = '';
	const browserId = 'sandbox-e2e';

	async function api<T>(path: string, body?: unknown): Promise<T> {
		const answer = await request(`http://127.0.0.1:${port}${path}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'browser-id': browserId, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await answer.body.text();
		if (answer.statusCode !== 200) throw new Error(`${path} answered ${answer.statusCode}: ${text.slice(0, 300)}`);
		const setCookie = answer.headers['set-cookie'];
		if (setCookie) cookie = (Array.isArray(setCookie) ? setCookie : [setCookie]).map((c) => c.split(';')[0]).join('; ');
		return JSON.parse(text) as T;
	}

	beforeAll(async () => {
		await runChecked(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.tools.json'], { cwd: repoRoot(), timeoutMs: TOOLS_BUILD_LIMIT_MS });
		sandboxDir = mkdtempSync(join(tmpdir(), 'n8n-marketo-sandbox-'));
		port = await freePort();
		sandbox = Service.start('sandbox', process.execPath, [join('.sandbox', 'tools', 'scripts', 'sandbox.js')], {
			cwd: repoRoot(),
			env: inheritedEnv({ N8N_MARKETO_SANDBOX_DIR: sandboxDir, N8N_PORT: String(port) }),
			logFile: join(sandboxDir, 'sandbox-output.log'),
		});
		await waitUntil('sandbox', async () => sandbox.log().includes('Press Ctrl-C'), { timeoutMs: SANDBOX_START_LIMIT_MS, intervalMs: 500, alive: () => sandbox.running }).catch(
			(error: Error) => {
				throw new Error(`${error.message}\n${sandbox.log()}`);
			},
		);
	});

	afterAll(async () => {
		await sandbox?.stop();
		rmSync(sandboxDir, { recursive: true, force: true });
	});

	it('prints the URL to open, the sign-in and how to stop', () => {
		const output = sandbox.log();
		expect(output).toContain(`sandbox is ready: http://localhost:${port}`);
		expect(output).toContain(`Sign in:     ${SANDBOX_OWNER.email} / ${SANDBOX_OWNER.password}`);
		expect(output).toContain('Press Ctrl-C to stop n8n and the emulator.');
	});

	it('the owner it printed can sign in (no sign-up page), and n8n has loaded the Marketo node and credential types', async () => {
		await api('/rest/login', { emailOrLdapLoginId: SANDBOX_OWNER.email, password: SANDBOX_OWNER.password });
		const nodeTypes = await api<Array<{ name: string }>>('/types/nodes.json');
		const credentialTypes = await api<Array<{ name: string }>>('/types/credentials.json');

		expect(nodeTypes.map((type) => type.name)).toContain(MARKETO_NODE_TYPE);
		expect(credentialTypes.map((type) => type.name)).toContain('marketoApi');
	});

	it('the examples and the emulator credential are there, and the credential test passes against the emulator', async () => {
		const workflows = await api<{ data: Array<{ id: string }> }>('/rest/workflows');
		const credentials = await api<{ data: Array<{ id: string; type: string }> }>('/rest/credentials');
		expect(workflows.data.map((workflow) => workflow.id).sort()).toEqual(loadExamples().map(({ workflow }) => workflow.id).sort());
		expect(credentials.data).toContainEqual(expect.objectContaining({ id: EXAMPLE_CREDENTIAL.id, type: 'marketoApi' }));

		const restEndpoint = /Marketo emulator at (\S+)/.exec(sandbox.log())?.[1];
		const { data } = await api<{ data: { status: string } }>('/rest/credentials/test', {
			credentials: { ...EXAMPLE_CREDENTIAL, type: 'marketoApi', data: { restEndpoint, clientId: 'emulator-client-id', clientSecret: 'emulator-client-secret' } },
		});
		expect(data.status).toBe('OK');
	});

	it('Ctrl-C stops n8n and the emulator', async () => {
		const restEndpoint = /Marketo emulator at http:\/\/127\.0\.0\.1:(\d+)/.exec(sandbox.log());
		process.kill(sandbox.child.pid as number, 'SIGINT');

		expect(await sandbox.whenExited()).toBe(0);
		expect(await acceptsConnections(port)).toBe(false);
		expect(await acceptsConnections(Number(restEndpoint?.[1]))).toBe(false);
	});
});
