import { request } from 'undici';

import type { N8n } from './n8n';
import { inheritedEnv, run, type Service, waitUntil } from './processes';

/** n8n 2.x opens on a sign-up page unless an owner exists; the sandbox creates this one from the environment. */
export const SANDBOX_OWNER = { email: 'demo@example.com', password: 'Marketo-Sandbox-1' } as const;

// Generous for a busy 2-core machine: n8n is ready in about 15 s when idle, and answers the editor in well under a second.
const START_TIMEOUT_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 3 * 60_000;

// n8n ties its session cookie to the browser that logged in; any stable id will do.
const BROWSER_ID = 'n8n-nodes-marketo-sandbox';

/** `n8n start` on 127.0.0.1 with a ready owner: the editor opens at a sign-in page, no sign-up. */
export class N8nServer {
	private cookie?: string;

	private constructor(
		readonly url: string,
		readonly service: Service,
	) {}

	static async start(n8n: N8n, options: { port: number; logFile: string; owner?: { email: string; password: string } }): Promise<N8nServer> {
		const owner = options.owner ?? SANDBOX_OWNER;
		const service = await n8n.start(options.logFile, {
			N8N_PORT: String(options.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_PROTOCOL: 'http',
			// Plain http on localhost: a secure-only cookie would lock out browsers that don't treat it as secure.
			N8N_SECURE_COOKIE: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: owner.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: 'Sandbox',
			N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
			N8N_INSTANCE_OWNER_PASSWORD_HASH: await bcryptHash(n8n, owner.password),
		});
		const server = new N8nServer(`http://localhost:${options.port}`, service);
		const readiness = `http://127.0.0.1:${options.port}/healthz/readiness`;
		await waitUntil('n8n to answer /healthz/readiness', async () => (await request(readiness)).statusCode === 200, {
			timeoutMs: START_TIMEOUT_MS,
			intervalMs: 500,
			alive: () => service.running,
		}).catch(async (error: Error) => {
			await service.stop();
			throw new Error(`${error.message}; see ${options.logFile}`);
		});
		return server;
	}

	async login(owner: { email: string; password: string } = SANDBOX_OWNER): Promise<void> {
		const answer = await request(`${this.apiBase()}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		const text = await answer.body.text();
		if (answer.statusCode !== 200) throw new Error(`n8n login answered ${answer.statusCode}: ${text}`);
		const setCookie = answer.headers['set-cookie'];
		this.cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).map((cookie) => cookie.split(';')[0]).join('; ');
	}

	async get<T>(path: string): Promise<T> {
		return this.send<T>('GET', path);
	}

	async post<T>(path: string, body: unknown): Promise<T> {
		return this.send<T>('POST', path, body);
	}

	async stop(): Promise<void> {
		await this.service.stop();
	}

	private apiBase(): string {
		return this.url.replace('//localhost:', '//127.0.0.1:');
	}

	private async send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
		const answer = await request(`${this.apiBase()}${path}`, {
			method,
			headers: {
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			headersTimeout: REQUEST_TIMEOUT_MS,
			bodyTimeout: REQUEST_TIMEOUT_MS,
		});
		const text = await answer.body.text();
		if (answer.statusCode !== 200) throw new Error(`n8n ${method} ${path} answered ${answer.statusCode}: ${text.slice(0, 500)}`);
		return JSON.parse(text) as T;
	}
}

/** With n8n's own bcryptjs, so the hash is one n8n accepts. */
async function bcryptHash(n8n: N8n, password: string): Promise<string> {
	const result = await run(n8n.toolchain.node24, ['-e', 'process.stdout.write(require("bcryptjs").hashSync(process.env.SANDBOX_PASSWORD, 10))'], {
		cwd: n8n.toolchain.n8nDir,
		env: inheritedEnv({ SANDBOX_PASSWORD: password }),
		timeoutMs: 2 * 60_000,
	});
	if (result.exitCode !== 0) throw new Error(`bcrypt hash failed: ${result.stderr}`);
	return result.stdout;
}
