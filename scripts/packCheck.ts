/**
 * Static checks of what we publish (run after `npm run build`): lint, the packed tarball's
 * contents, the community-package scanner's lint, and an install into n8n from the tarball.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8n } from './lib/n8n';
import { missingFiles, scanLikeN8n, unexpectedFiles } from './lib/packageChecks';
import { installIntoN8n, packPackage } from './lib/packageTarball';
import { repoRoot } from './lib/paths';
import { exitOnSignals, run, tail } from './lib/processes';
import { ensureToolchain } from './lib/toolchain';

type Check = [name: string, problems: () => Promise<string[]>];

exitOnSignals();

async function main(): Promise<number> {
	const toolchain = await ensureToolchain((line) => process.stdout.write(`${line}\n`));
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-marketo-pack-'));
	try {
		const packed = await packPackage(workDir);
		process.stdout.write(`packed ${packed.tarball} (${packed.files.length} files)\n`);
		const checks: Check[] = [
			['lint clean (npm run lint)', async () => {
				const lint = await run('npm', ['run', 'lint'], { cwd: repoRoot(), timeoutMs: 600_000 });
				return lint.exitCode === 0 ? [] : [tail(lint.stdout + lint.stderr, 40)];
			}],
			['the tarball holds only dist/, README.md, LICENSE, package.json', async () => unexpectedFiles(packed).map((file) => `unexpected: ${file}`)],
			['the tarball holds what n8n needs', async () => missingFiles(packed).map((file) => `missing: ${file}`)],
			["@n8n/scan-community-package's lint passes", async () => {
				const { source, tarball } = await scanLikeN8n(toolchain, packed, workDir);
				return [source, tarball].filter((scan) => !scan.passed).map((scan) => (scan.details ?? scan.message ?? 'failed').trim());
			}],
			['n8n 2.41 loads it, installed from the tarball', async () => {
				const n8n = new N8n(toolchain, join(workDir, 'n8n'));
				await installIntoN8n(packed, n8n.nodesDir);
				const loaded = (await n8n.nodeTypes()).map((type) => type.name);
				return ['marketo', 'marketoTrigger']
					.map((node) => `${packed.name}.${node}`)
					.filter((name) => !loaded.includes(name))
					.map((name) => `${name} is not among the ${loaded.length} node types n8n loaded`);
			}],
		];
		let failed = 0;
		for (const [name, problems] of checks) {
			const found = await problems().catch((error: Error) => [error.message]);
			failed += found.length > 0 ? 1 : 0;
			process.stdout.write(`${found.length === 0 ? 'ok  ' : 'FAIL'} ${name}\n${found.map((problem) => `     ${problem.replace(/\n/g, '\n     ')}\n`).join('')}`);
		}
		process.stdout.write(`\nChecks: ${checks.length - failed} passed, ${failed} failed\n`);
		return failed === 0 ? 0 : 1;
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`pack-check: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	},
);
