import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ContractProxy } from '../../../scripts/lib/contractProxy';
import { EXAMPLE_CREDENTIAL, marketoCredential } from '../../../scripts/lib/examples';
import { N8n, type CredentialImport, type Execution, type WorkflowJson } from '../../../scripts/lib/n8n';
import { installIntoN8n, packPackage, type PackedPackage } from '../../../scripts/lib/packageTarball';
import { repoRoot } from '../../../scripts/lib/paths';
import { howItEnded } from '../../../scripts/lib/processes';
import { ensureToolchain } from '../../../scripts/lib/toolchain';
import { MarketoEmulator, type EmulatorOptions, type RecordedCall } from '../../emulator';

export interface WorkflowRun extends Execution {
	/** What the emulator received while the workflow ran (everything passed the contract proxy first). */
	calls: RecordedCall[];
	/** What the contract proxy refused or flagged while the workflow ran. */
	violations: string[];
}

/**
 * One real n8n 2.41 (Node 24, its own user folder and SQLite database) with this package
 * installed from its packed tarball, a Marketo emulator in this process, and the official-spec
 * contract proxy between them. The credential the examples name points at the proxy.
 */
export class E2eSession {
	private constructor(
		readonly workDir: string,
		readonly emulator: MarketoEmulator,
		readonly proxy: ContractProxy,
		readonly n8n: N8n,
		readonly packed: PackedPackage,
	) {}

	static async start(emulatorOptions: EmulatorOptions = {}): Promise<E2eSession> {
		if (!existsSync(join(repoRoot(), 'dist', 'nodes'))) throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does)');
		const toolchain = await ensureToolchain(undefined, { install: false });
		const workDir = mkdtempSync(join(tmpdir(), 'n8n-marketo-e2e-'));
		const emulator = new MarketoEmulator(emulatorOptions);
		await emulator.start();
		let proxy: ContractProxy | undefined;
		try {
			proxy = await ContractProxy.start(toolchain, emulator.baseUrl, workDir);
			const n8n = new N8n(toolchain, join(workDir, 'n8n'));
			const packed = await packPackage(workDir);
			await installIntoN8n(packed, n8n.nodesDir);
			const session = new E2eSession(workDir, emulator, proxy, n8n, packed);
			await n8n.importCredentials([session.credential()]);
			return session;
		} catch (error) {
			await proxy?.stop();
			await emulator.stop();
			rmSync(workDir, { recursive: true, force: true });
			throw error;
		}
	}

	/** A Marketo API credential for the emulator, through the contract proxy. */
	credential(overrides: { id?: string; name?: string; clientSecret?: string } = {}): CredentialImport {
		const { clientId, clientSecret } = this.emulator.options;
		return marketoCredential(
			this.proxy.restEndpoint,
			{ clientId, clientSecret: overrides.clientSecret ?? clientSecret },
			{ id: overrides.id ?? EXAMPLE_CREDENTIAL.id, name: overrides.name ?? EXAMPLE_CREDENTIAL.name },
		);
	}

	async execute(workflowId: string): Promise<WorkflowRun> {
		const callsBefore = this.emulator.calls.length;
		const violationsBefore = this.proxy.violations().length;
		const execution = await this.n8n.execute(workflowId);
		return {
			...execution,
			calls: this.emulator.calls.slice(callsBefore),
			violations: this.proxy.violations().slice(violationsBefore),
		};
	}

	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		await this.n8n.importWorkflows(workflows);
	}

	async stop(): Promise<void> {
		await this.proxy.stop();
		await this.emulator.stop();
		if (!process.env.N8N_MARKETO_KEEP_E2E) rmSync(this.workDir, { recursive: true, force: true });
	}
}

/** Why a run failed, in a form a failing expectation can show. */
export function explain(run: Execution): string {
	const error = run.result?.data.resultData.error;
	const tailOfOutput = (run.stdout + run.stderr).trimEnd().split('\n').slice(-30).join('\n');
	// A run past its time limit, or killed, never gets here: n8n.execute throws, naming the limit or the signal.
	return `n8n ${howItEnded(run)}; ${error ? `${error.name}: ${error.message}` : 'no execution error'}\n${tailOfOutput}`;
}
