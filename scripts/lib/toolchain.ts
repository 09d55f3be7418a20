import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { cacheDir } from './paths';
import { run, runChecked } from './processes';

export const NODE24_VERSION = '24.21.0';
export const N8N_VERSION = '2.41.0';
export const PRISM_VERSION = '5.16.0';
export const SCANNER_VERSION = '0.32.0';

export interface Toolchain {
	/** The Node 24 binary n8n and the e2e tools run on (the repository itself needs only Node 20). */
	node24: string;
	/** n8n's CLI entry; run it as `node24 n8nBin ...`. */
	n8nBin: string;
	/** Where n8n's own dependencies (bcryptjs, ...) resolve from. */
	n8nDir: string;
	prismCli: string;
	scannerModule: string;
}

export type Log = (line: string) => void;

const MINUTES = 60_000;

/**
 * Fetches what is missing into the cache (first run: n8n takes minutes and ~3 GB) and returns the
 * paths. With `install: false` a missing tool is an error instead (a test can't wait minutes).
 */
export async function ensureToolchain(log: Log = () => undefined, { install = true } = {}): Promise<Toolchain> {
	const root = cacheDir();
	mkdirSync(root, { recursive: true });

	// The npm package for this platform ships the real binary; the `node` package's installer would download it.
	const nodePackage = `node-${process.platform}-${process.arch}`;
	const node24Dir = join(root, 'node24');
	const node24 = join(node24Dir, 'node_modules', nodePackage, 'bin', 'node');
	await ensureInstalled(node24Dir, `Node ${NODE24_VERSION}`, log, install, {
		packages: [`${nodePackage}@${NODE24_VERSION}`],
		isComplete: async () => existsSync(node24) && (await run(node24, ['--version'], { timeoutMs: 20_000 })).stdout.trim() === `v${NODE24_VERSION}`,
	});

	const n8nDir = join(root, `n8n-${N8N_VERSION}`);
	const n8nBin = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
	await ensureInstalled(n8nDir, `n8n ${N8N_VERSION}`, log, install, {
		note: 'once per cache: about 3 to 7 minutes and 3 GB',
		packages: [`n8n@${N8N_VERSION}`],
		// Install scripts stay off (several download binaries from outside the npm registry); only
		// sqlite3 must be built, against the headers npm is configured with.
		afterInstall: (dir) => runChecked('npm', ['rebuild', 'sqlite3'], { cwd: dir, timeoutMs: 15 * MINUTES }).then(() => undefined),
		isComplete: async () =>
			existsSync(n8nBin) &&
			existsSync(join(n8nDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node')) &&
			packageVersion(join(n8nDir, 'node_modules', 'n8n')) === N8N_VERSION,
	});

	const toolsDir = join(root, `e2e-tools-prism${PRISM_VERSION}-scan${SCANNER_VERSION}`);
	const prismCli = join(toolsDir, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
	const scannerModule = join(toolsDir, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');
	await ensureInstalled(toolsDir, `the contract proxy (prism ${PRISM_VERSION}) and n8n's community-package scanner ${SCANNER_VERSION}`, log, install, {
		packages: [`@stoplight/prism-cli@${PRISM_VERSION}`, `@n8n/scan-community-package@${SCANNER_VERSION}`],
		isComplete: async () => existsSync(prismCli) && existsSync(scannerModule),
	});

	return { node24, n8nBin, n8nDir, prismCli, scannerModule };
}

interface InstallSpec {
	packages: string[];
	note?: string;
	afterInstall?: (dir: string) => Promise<void>;
	isComplete: () => Promise<boolean>;
}

/**
 * Installs into `<dir>.partial-<pid>` and renames it to `dir` only when everything succeeded, so
 * an interrupted install leaves no `dir` behind and is redone on the next run. Two runs racing
 * each install privately; the second rename loses and keeps the first one's result.
 */
async function ensureInstalled(dir: string, what: string, log: Log, install: boolean, spec: InstallSpec): Promise<void> {
	if (existsSync(dir) && (await spec.isComplete())) return;
	if (!install) throw new Error(`${what} is not in ${dir}: run \`npm run test:e2e\` (or \`node .sandbox/tools/scripts/toolchain.js\`) to fetch it`);
	removeAbandonedPartials(dir);
	if (existsSync(dir)) {
		log(`toolchain: ${dir} is incomplete; installing again`);
		rmSync(dir, { recursive: true, force: true });
	}
	log(`toolchain: installing ${what} into ${dir}${spec.note ? ` (${spec.note})` : ''}`);
	const partial = `${dir}.partial-${process.pid}`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	writeFileSync(join(partial, 'package.json'), `${JSON.stringify({ name: 'n8n-nodes-marketo-toolchain', private: true }, null, 2)}\n`);
	try {
		const installed = await runChecked(
			'npm',
			['install', '--ignore-scripts', '--save-exact', '--no-audit', '--no-fund', '--loglevel=error', ...spec.packages],
			{ cwd: partial, timeoutMs: 20 * MINUTES },
		);
		writeFileSync(join(partial, 'install.log'), installed.stdout + installed.stderr);
		await spec.afterInstall?.(partial);
	} catch (error) {
		rmSync(partial, { recursive: true, force: true });
		throw error;
	}
	try {
		renameSync(partial, dir);
	} catch (error) {
		if (!existsSync(dir)) throw error;
		rmSync(partial, { recursive: true, force: true });
	}
	if (!(await spec.isComplete())) throw new Error(`toolchain: ${what} installed into ${dir} but does not work`);
	log(`toolchain: ${what} ready`);
}

function removeAbandonedPartials(dir: string): void {
	const parent = join(dir, '..');
	const prefix = `${dir.slice(parent.length + 1)}.partial-`;
	for (const entry of readdirSync(parent)) {
		if (!entry.startsWith(prefix)) continue;
		const pid = Number(entry.slice(prefix.length));
		if (!isAlive(pid)) rmSync(join(parent, entry), { recursive: true, force: true });
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function packageVersion(packageDir: string): string | undefined {
	try {
		return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version?: string }).version;
	} catch {
		return undefined;
	}
}
