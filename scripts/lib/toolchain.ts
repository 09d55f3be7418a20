import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8n } from './n8n';
import { cacheDir } from './paths';
import { describeDuration, howItEnded, inheritedEnv, run, runChecked, tail } from './processes';
import type { Toolchain } from './toolchainPaths';

export const NODE24_VERSION = '24.21.0';
export const N8N_VERSION = '2.41.0';
export const PRISM_VERSION = '5.16.0';
export const SCANNER_VERSION = '0.32.0';

export type { Toolchain };

export type Log = (line: string) => void;

const MINUTES = 60_000;
// Generous: these run on every `npm run test:e2e` and `npm start`, possibly on a busy 2-core machine.
const QUICK_CHECK_TIMEOUT_MS = 2 * MINUTES;
const N8N_CHECK_TIMEOUT_MS = 5 * MINUTES;

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
	const n8nDir = join(root, `n8n-${N8N_VERSION}`);
	const toolsDir = join(root, `e2e-tools-prism${PRISM_VERSION}-scan${SCANNER_VERSION}`);
	const toolchain: Toolchain = {
		node24: join(node24Dir, 'node_modules', nodePackage, 'bin', 'node'),
		n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		n8nDir,
		prismCli: join(toolsDir, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'),
		scannerModule: join(toolsDir, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs'),
	};

	await ensureInstalled(node24Dir, `Node ${NODE24_VERSION}`, log, install, {
		packages: [`${nodePackage}@${NODE24_VERSION}`],
		problem: () => node24Problem(toolchain.node24),
	});

	await ensureInstalled(n8nDir, `n8n ${N8N_VERSION}`, log, install, {
		note: 'once per cache: about 5 to 10 minutes and 3 GB',
		packages: [`n8n@${N8N_VERSION}`],
		// Install scripts stay off (several download binaries from outside the npm registry); only
		// sqlite3 must be built, against the headers npm is configured with.
		afterInstall: { what: 'building sqlite3 from source', run: buildSqlite3 },
		problem: () => n8nProblem(toolchain, log),
	});

	await ensureInstalled(toolsDir, `the contract proxy (prism ${PRISM_VERSION}) and n8n's community-package scanner ${SCANNER_VERSION}`, log, install, {
		packages: [`@stoplight/prism-cli@${PRISM_VERSION}`, `@n8n/scan-community-package@${SCANNER_VERSION}`],
		problem: async () => (existsSync(toolchain.prismCli) && existsSync(toolchain.scannerModule) ? undefined : 'prism or the scanner is missing'),
	});

	return toolchain;
}

interface InstallSpec {
	packages: string[];
	note?: string;
	/** A step after the script-less `npm install`; `what` names it in the log. */
	afterInstall?: { what: string; run: (dir: string) => Promise<void> };
	/** Why the installed copy can't be used, or undefined when it can. */
	problem: () => Promise<string | undefined>;
}

/**
 * Installs into `<dir>.partial-<pid>` and renames it to `dir` only when everything succeeded, so
 * an interrupted install leaves no `dir` behind and is redone on the next run. Two runs racing
 * each install privately; the second rename loses and keeps the first one's result.
 */
async function ensureInstalled(dir: string, what: string, log: Log, install: boolean, spec: InstallSpec): Promise<void> {
	const problem = existsSync(dir) ? await spec.problem() : 'not installed';
	if (!problem) return;
	if (!install) throw new Error(`${what} in ${dir} can't be used (${problem}): run \`npm run test:e2e\` (or \`node .sandbox/tools/scripts/toolchain.js\`) to fetch it`);
	removeAbandonedPartials(dir);
	if (existsSync(dir)) {
		log(`toolchain: ${dir} can't be used (${problem}); installing again`);
		rmSync(dir, { recursive: true, force: true });
	}
	log(`toolchain: installing ${what} into ${dir}${spec.note ? ` (${spec.note})` : ''}`);
	const partial = `${dir}.partial-${process.pid}`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	writeFileSync(join(partial, 'package.json'), `${JSON.stringify({ name: 'n8n-nodes-marketo-toolchain', private: true }, null, 2)}\n`);
	try {
		await timed(log, `${what}: npm install`, async () => {
			const installed = await runChecked(
				'npm',
				['install', '--ignore-scripts', '--save-exact', '--no-audit', '--no-fund', '--loglevel=error', ...spec.packages],
				{ cwd: partial, env: npmEnv(), timeoutMs: 20 * MINUTES },
			);
			writeFileSync(join(partial, 'install.log'), installed.stdout + installed.stderr);
		});
		const after = spec.afterInstall;
		if (after) await timed(log, `${what}: ${after.what}`, () => after.run(partial));
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
	const left = await spec.problem();
	if (left) throw new Error(`toolchain: ${what} installed into ${dir} but does not work: ${left}`);
	log(`toolchain: ${what} ready`);
}

async function timed<T>(log: Log, step: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	log(`toolchain: ${step}…`);
	const result = await work();
	log(`toolchain: ${step} done in ${describeDuration(Date.now() - started)}`);
	return result;
}

/**
 * `npm run` hands its whole configuration to its children as npm_config_* variables, the project's
 * .npmrc included: its ignore-scripts=true once made `npm rebuild sqlite3` build nothing and exit 0.
 * The toolchain's npm runs in the cache, outside the project, and reads the user's and global
 * npmrc itself; of the environment it keeps only where to fetch from and what to build against,
 * which a user or CI may have set there alone.
 */
const NPM_SETTINGS_KEPT = new Set(['userconfig', 'globalconfig', 'registry', 'cafile', 'ca', 'strict_ssl', 'proxy', 'https_proxy', 'noproxy', 'cache', 'nodedir', 'python']);

function npmEnv(): NodeJS.ProcessEnv {
	const env = inheritedEnv();
	for (const name of Object.keys(env)) {
		const setting = /^npm_config_(.+)$/i.exec(name)?.[1].toLowerCase();
		if (setting ? !NPM_SETTINGS_KEPT.has(setting) : /^npm_/i.test(name)) delete env[name];
	}
	return env;
}

/**
 * sqlite3 5.x uses N-API, so a build against the headers of the npm running this (Node 20, or
 * what `nodedir` points at) loads in Node 24. Its install script first asks prebuild-install for
 * a binary from GitHub, which a machine limited to the npm registry can't reach; prebuild-install
 * reads npm_config_build_from_source from its environment and then leaves the build to node-gyp.
 */
async function buildSqlite3(dir: string): Promise<void> {
	const built = await runChecked('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], {
		cwd: dir,
		env: { ...npmEnv(), npm_config_build_from_source: 'true' },
		timeoutMs: 15 * MINUTES,
	});
	writeFileSync(join(dir, 'rebuild.log'), built.stdout + built.stderr);
}

async function node24Problem(node24: string): Promise<string | undefined> {
	if (!existsSync(node24)) return `${node24} is missing`;
	const version = (await run(node24, ['--version'], { timeoutMs: QUICK_CHECK_TIMEOUT_MS })).stdout.trim();
	return version === `v${NODE24_VERSION}` ? undefined : `${node24} says it is ${version || 'nothing'}`;
}

/**
 * Files on disk prove little (a skipped build leaves n8n complete but unable to open its
 * database). Once per install n8n itself must open a fresh SQLite database on Node 24; after that
 * a stamp stands for that check, and each run still opens a database through sqlite3 directly.
 */
async function n8nProblem(toolchain: Toolchain, log: Log): Promise<string | undefined> {
	if (!existsSync(toolchain.n8nBin)) return `${toolchain.n8nBin} is missing`;
	const version = packageVersion(join(toolchain.n8nDir, 'node_modules', 'n8n'));
	if (version !== N8N_VERSION) return `n8n ${version ?? 'without a version'} is installed, not ${N8N_VERSION}`;
	const sqlite = await sqlite3Problem(toolchain);
	if (sqlite) return sqlite;
	const stamp = join(toolchain.n8nDir, `.runs-n8n${N8N_VERSION}-node${NODE24_VERSION}`);
	if (existsSync(stamp)) return undefined;
	const problem = await timed(log, `checking that n8n ${N8N_VERSION} starts on Node ${NODE24_VERSION} and opens a new database`, () => n8nDatabaseProblem(toolchain));
	if (!problem) writeFileSync(stamp, `n8n list:workflow ran and created its database on ${new Date().toISOString()}\n`);
	return problem;
}

// What a missing or mismatched native build looks like in the output of sqlite3 and of n8n's TypeORM.
const NATIVE_MODULE_FAILURE = /Could not locate the bindings file|SQLite package has not been found|compiled against a different Node\.js version|invalid ELF header|node_sqlite3\.node/i;

/** sqlite3 as n8n resolves it, loaded by Node 24, answering a query on an in-memory database. */
async function sqlite3Problem(toolchain: Toolchain): Promise<string | undefined> {
	const script = [
		"const sqlite3 = require('node:module').createRequire(process.argv[1])('sqlite3');",
		"const db = new sqlite3.Database(':memory:');",
		"db.get('select sqlite_version() as version', (error, row) => {",
		'  if (error) throw error;',
		'  process.stdout.write(`sqlite ${row.version}`);',
		'  db.close();',
		'});',
	].join('\n');
	const result = await run(toolchain.node24, ['-e', script, toolchain.n8nBin], { env: inheritedEnv(), timeoutMs: QUICK_CHECK_TIMEOUT_MS });
	if (result.exitCode === 0 && result.stdout.startsWith('sqlite ')) return undefined;
	const output = result.stdout + result.stderr;
	const firstError = output.split('\n').find((line) => /Error/.test(line))?.trim() ?? 'no error printed';
	return `sqlite3 does not work in Node ${NODE24_VERSION}: ${firstError} (it ${howItEnded(result)}; see ${join(toolchain.n8nDir, 'rebuild.log')}):\n${tail(output, 15)}`;
}

/** `n8n list:workflow` against a throwaway user folder: starts n8n's CLI, creates the database and runs every migration. */
async function n8nDatabaseProblem(toolchain: Toolchain): Promise<string | undefined> {
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-marketo-toolchain-check-'));
	try {
		const result = await new N8n(toolchain, userFolder).cli(['list:workflow'], N8N_CHECK_TIMEOUT_MS);
		const output = result.stdout + result.stderr;
		if (result.exitCode !== 0 || NATIVE_MODULE_FAILURE.test(output)) {
			return `\`n8n list:workflow\` on Node ${NODE24_VERSION} ${howItEnded(result)}:\n${tail(output, 30)}`;
		}
		if (!existsSync(join(userFolder, '.n8n', 'database.sqlite'))) return `\`n8n list:workflow\` created no database:\n${tail(output, 30)}`;
		return undefined;
	} finally {
		rmSync(userFolder, { recursive: true, force: true });
	}
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
