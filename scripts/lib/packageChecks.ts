import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { PackedPackage } from './packageTarball';
import { repoRoot } from './paths';
import { run, runChecked } from './processes';
import type { Toolchain } from './toolchain';

interface Manifest {
	main?: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

function manifest(): Manifest {
	return JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as Manifest;
}

/** What n8n needs from the tarball: package.json, README, LICENSE, dist/ (and npm always adds package.json's "main"). */
export function unexpectedFiles(packed: PackedPackage): string[] {
	const allowed = new Set(['package.json', 'README.md', 'LICENSE', manifest().main].filter(Boolean));
	return packed.files.filter((file) => !file.startsWith('dist/') && !allowed.has(file));
}

export function missingFiles(packed: PackedPackage): string[] {
	const { n8n } = manifest();
	const required = ['package.json', 'README.md', 'LICENSE', ...(n8n?.nodes ?? []), ...(n8n?.credentials ?? [])];
	return required.filter((file) => !packed.files.includes(file));
}

export interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

/**
 * What `npx @n8n/scan-community-package <name>` checks, without the network: it needs the
 * package on npm with provenance and the attested source from GitHub, neither of which a local
 * tarball has. Its lint is the part that judges the code, and the scanner exports it: the same
 * ESLint rules (n8n's community-node rules and eslint-plugin-n8n-nodes-base, no-console) over
 * the source files it would fetch and over the unpacked tarball.
 */
export async function scanLikeN8n(toolchain: Toolchain, packed: PackedPackage, workDir: string): Promise<{ source: ScanResult; tarball: ScanResult }> {
	const unpacked = join(workDir, 'scan-unpacked');
	mkdirSync(unpacked, { recursive: true });
	await runChecked('tar', ['-xzf', packed.tarball, '-C', unpacked, '--strip-components=1'], { timeoutMs: 3 * 60_000 });
	const script = `
		const [scannerModule, sourceDir, tarballDir] = process.argv.slice(1);
		const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerModule);
		const brief = ({ passed, message, details }) => ({ passed, message, details });
		const source = brief(await analyzePackage(sourceDir, SOURCE_FILE_PATTERNS));
		const tarball = brief(await analyzePackage(tarballDir, ['**/*.js', 'package.json']));
		process.stdout.write('\\n' + JSON.stringify({ source, tarball }) + '\\n');
	`;
	const result = await run(toolchain.node24, ['--input-type=module', '-e', script, toolchain.scannerModule, repoRoot(), unpacked], { timeoutMs: 10 * 60_000 });
	const lastLine = result.stdout.trimEnd().split('\n').pop() ?? '';
	try {
		return JSON.parse(lastLine) as { source: ScanResult; tarball: ScanResult };
	} catch {
		throw new Error(`the community-package scan did not finish (exit ${result.exitCode}):\n${result.stdout}${result.stderr}`);
	}
}
