/**
 * `npm start`: n8n 2.41 with this package installed from its tarball, a Marketo emulator with
 * demo leads, a ready "Marketo API (emulator)" credential and the example workflows. Everything
 * listens on 127.0.0.1 only. Ctrl-C stops n8n and the emulator.
 */
import { join } from 'node:path';

import { MarketoEmulator } from '../test/emulator';
import { loadExamples, marketoCredential, EXAMPLE_CREDENTIAL } from './lib/examples';
import { N8n } from './lib/n8n';
import { N8nServer, SANDBOX_OWNER } from './lib/n8nServer';
import { installIntoN8n, packPackage } from './lib/packageTarball';
import { cacheDir } from './lib/paths';
import { acceptsConnections, tail } from './lib/processes';
import { ensureToolchain } from './lib/toolchain';

const DEMO_LEADS = 300;

async function main(): Promise<void> {
	const say = (line = '') => process.stdout.write(`${line}\n`);
	const emulator = new MarketoEmulator({ seedLeads: DEMO_LEADS });
	let server: N8nServer | undefined;
	let stopping = false;
	// From the start: a Ctrl-C during the first install must end npm too (process exit ends the children).
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		await server?.stop();
		await emulator.stop();
		process.exit(code);
	};
	process.once('SIGINT', () => void stop(0));
	process.once('SIGTERM', () => void stop(0));

	const port = Number(process.env.N8N_PORT || 5678);
	if (await acceptsConnections(port)) throw new Error(`Port ${port} is in use. Stop what uses it, or run: N8N_PORT=5679 npm start`);

	const toolchain = await ensureToolchain(say);
	// Kept between runs, so workflows you build in the sandbox are still there next time.
	const sandboxDir = process.env.N8N_MARKETO_SANDBOX_DIR || join(cacheDir(), 'sandbox');
	const n8n = new N8n(toolchain, join(sandboxDir, 'n8n'));

	say('sandbox: installing this package into n8n from its packed tarball');
	const packed = await packPackage(join(sandboxDir, 'package'));
	await installIntoN8n(packed, n8n.nodesDir);

	await emulator.start();

	try {
		// The emulator's port changes every run: the credential is imported again each time.
		await n8n.importCredentials([marketoCredential(emulator.restEndpoint, emulator.options)]);
		const present = new Set(await n8n.workflowIds());
		const missing = loadExamples().filter(({ workflow }) => !present.has(workflow.id));
		if (missing.length > 0) await n8n.importWorkflows(missing.map(({ workflow }) => workflow));

		say(`sandbox: starting n8n (log: ${join(sandboxDir, 'n8n.log')})`);
		server = await N8nServer.start(n8n, { port, logFile: join(sandboxDir, 'n8n.log') });
		await server.login();
		const nodeTypes = await server.get<Array<{ name: string }>>('/types/nodes.json');
		const nodeType = `${packed.name}.marketo`;
		if (!nodeTypes.some((type) => type.name === nodeType)) throw new Error(`n8n started but did not load ${nodeType}; see ${server.service.logFile}`);
	} catch (error) {
		await server?.stop();
		await emulator.stop();
		throw error;
	}

	const n8nServer = server;
	void n8nServer.service.whenExited().then(async (code) => {
		if (stopping) return;
		process.stderr.write(`n8n exited (code ${code}). The end of its log:\n${tail(n8nServer.service.log(), 30)}\n`);
		await emulator.stop();
		process.exit(1);
	});

	say();
	say(`  n8n ${packed.name}@${packed.version} sandbox is ready: ${n8nServer.url}`);
	say();
	say(`  Sign in:     ${SANDBOX_OWNER.email} / ${SANDBOX_OWNER.password}`);
	say(`  Credential:  "${EXAMPLE_CREDENTIAL.name}" -> Marketo emulator at ${emulator.restEndpoint} (${DEMO_LEADS} demo leads, in memory)`);
	say(`  Workflows:   ${loadExamples().map(({ workflow }) => `"${workflow.name}"`).join(', ')}`);
	say(`  n8n data:    ${sandboxDir} (delete it to start over)`);
	say();
	say('  Press Ctrl-C to stop n8n and the emulator.');
}

main().catch((error: unknown) => {
	process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
