import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

import { freePort, inheritedEnv, run, runChecked, Service, tail, type RunResult } from './processes';
import type { Toolchain } from './toolchainPaths';

/** A credential as `n8n import:credentials` reads it: `data` in clear, n8n encrypts it on import. */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters?: Record<string, unknown>; [key: string]: unknown }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface NodeRun {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: ExecutionError;
}

export interface ExecutionError {
	name?: string;
	message: string;
	description?: string | null;
	node?: { name: string; type: string };
	context?: Record<string, unknown>;
}

/** What `n8n execute` printed about the run: n8n's IRun, as JSON. */
export interface ExecutionResult {
	status: string;
	data: { resultData: { runData: Record<string, NodeRun[]>; error?: ExecutionError; lastNodeExecuted?: string } };
}

export interface Execution extends RunResult {
	/** Undefined when n8n printed no execution (it failed before running the workflow). */
	result?: ExecutionResult;
}

// Limits for a busy 2-core machine (a command takes seconds when idle); `run` reports one that is hit as a timeout.
const CLI_TIMEOUT_MS = 5 * 60_000;
// One execution may run every operation the node has (test/e2e/operationsMatchSpec.e2e.ts).
const EXECUTE_TIMEOUT_MS = 10 * 60_000;

/**
 * One n8n 2.x instance on Node 24: its user folder (SQLite database, settings, installed community
 * packages) and the environment every command runs with. Talks to nothing but 127.0.0.1.
 */
export class N8n {
	readonly nodesDir: string;
	private brokerPort?: number;

	constructor(
		readonly toolchain: Toolchain,
		readonly userFolder: string,
		private readonly extraEnv: Record<string, string> = {},
	) {
		this.nodesDir = join(userFolder, '.n8n', 'nodes');
		mkdirSync(this.nodesDir, { recursive: true });
	}

	async env(): Promise<NodeJS.ProcessEnv> {
		// Each instance's task broker needs a port of its own, or a running sandbox blocks the e2e run.
		this.brokerPort ??= await freePort();
		return {
			...inheritedEnv(),
			// n8n starts its JavaScript task runner as plain `node`: it must find Node 24 first.
			PATH: `${dirname(this.toolchain.node24)}${delimiter}${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			// Its only job at start is to fetch a registry from api.n8n.io.
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			NO_PROXY: '127.0.0.1,localhost',
			no_proxy: '127.0.0.1,localhost',
			...this.extraEnv,
		};
	}

	async cli(args: string[], timeoutMs = CLI_TIMEOUT_MS, env: Record<string, string> = {}): Promise<RunResult> {
		return run(this.toolchain.node24, [this.toolchain.n8nBin, ...args], { env: { ...(await this.env()), ...env }, timeoutMs });
	}

	async cliChecked(args: string[], timeoutMs = CLI_TIMEOUT_MS): Promise<RunResult> {
		return runChecked(this.toolchain.node24, [this.toolchain.n8nBin, ...args], { env: await this.env(), timeoutMs });
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		await this.withJsonFile(credentials, (file) => this.cliChecked(['import:credentials', `--input=${file}`]));
	}

	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		const dir = mkdtempSync(join(this.userFolder, 'import-'));
		try {
			workflows.forEach((workflow, index) => writeFileSync(join(dir, `${index}.json`), JSON.stringify(workflow)));
			await this.cliChecked(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	async workflowIds(): Promise<string[]> {
		const { stdout } = await this.cliChecked(['list:workflow', '--onlyId']);
		return stdout.split('\n').map((line) => line.trim()).filter((line) => /^[A-Za-z0-9]{1,21}$/.test(line));
	}

	/**
	 * `n8n execute --id`: n8n 2.x runs only stored workflows, from their Manual Trigger.
	 *
	 * On the legacy expression engine: n8n 2.41's `execute` ends with process.exit without disposing
	 * its engine. The default engine ("vm") hands each execution an isolate from a pool, and
	 * isolated-vm builds the replacement on a thread of its own; when a run fails fast on a busy
	 * machine the process exits while that thread still runs, and dies of SIGSEGV with its exit code
	 * lost (7 of 15 such runs on a loaded 2-core machine; none on the legacy engine). `n8n start`
	 * disposes the engine when it stops, so the running n8n keeps the default.
	 */
	async execute(workflowId: string, timeoutMs = EXECUTE_TIMEOUT_MS): Promise<Execution> {
		const output = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs, { N8N_EXPRESSION_ENGINE: 'legacy' });
		if (output.signal) {
			throw new Error(`\`n8n execute --id=${workflowId}\` was killed by ${output.signal}, not by its time limit; the end of its output:\n${tail(output.stdout + output.stderr, 30)}`);
		}
		return { ...output, result: executionIn(output.stdout) };
	}

	/** Every node type this n8n has loaded, as the editor gets them. */
	async nodeTypes(): Promise<Array<{ name: string; version: number | number[]; credentials?: Array<{ name: string }>; properties: unknown[] }>> {
		const file = join(this.userFolder, `node-types-${process.pid}.json`);
		try {
			await this.cliChecked(['export:nodes', `--output=${file}`]);
			return JSON.parse(readFileSync(file, 'utf8'));
		} finally {
			rmSync(file, { force: true });
		}
	}

	async start(logFile: string, env: Record<string, string>): Promise<Service> {
		return Service.start('n8n', this.toolchain.node24, [this.toolchain.n8nBin, 'start'], {
			env: { ...(await this.env()), ...env },
			logFile,
		});
	}

	private async withJsonFile<T>(content: unknown, use: (file: string) => Promise<T>): Promise<T> {
		const file = join(this.userFolder, `import-${process.pid}-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(content));
		try {
			return await use(file);
		} finally {
			rmSync(file, { force: true });
		}
	}
}

/**
 * n8n prints its logs and the execution to stdout alike; the execution is the one JSON object
 * printed with two-space indentation, so it starts with a line "{" and ends with a line "}".
 */
export function executionIn(stdout: string): ExecutionResult | undefined {
	const lines = stdout.split('\n');
	for (let start = lines.indexOf('{'); start >= 0; start = lines.indexOf('{', start + 1)) {
		for (let end = lines.indexOf('}', start); end > start; end = lines.indexOf('}', end + 1)) {
			try {
				const parsed = JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionResult;
				if (parsed?.data?.resultData) return parsed;
			} catch {
				// Not the end of the object yet.
			}
		}
	}
	return undefined;
}

/** The items a node put out on its first output, in its last run. */
export function outputOf(result: ExecutionResult | undefined, nodeName: string): Array<Record<string, unknown>> {
	const runs = result?.data.resultData.runData[nodeName];
	const last = runs?.[runs.length - 1];
	return (last?.data?.main?.[0] ?? []).map((item) => item.json);
}
