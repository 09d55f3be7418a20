import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './paths';
import { runChecked } from './processes';

export interface PackedPackage {
	tarball: string;
	name: string;
	version: string;
	/** Paths inside the tarball, relative to its package/ folder. */
	files: string[];
}

/** `npm pack` of the built package (.npmrc turns scripts off, so `npm run build` must come first). */
export async function packPackage(destination: string): Promise<PackedPackage> {
	mkdirSync(destination, { recursive: true });
	const { stdout } = await runChecked('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: repoRoot(),
		timeoutMs: 5 * 60_000,
	});
	const [packed] = JSON.parse(stdout) as Array<{ filename: string; name: string; version: string; files: Array<{ path: string }> }>;
	return {
		tarball: join(destination, packed.filename),
		name: packed.name,
		version: packed.version,
		files: packed.files.map((file) => file.path),
	};
}

/**
 * Installs the tarball the way n8n 2.41's own community-package installer does
 * (CommunityPackagesService.downloadPackage): unpack into `<nodes>/node_modules/<name>`, drop
 * dev, peer and optional dependencies, `npm install` there without scripts, and record the
 * package in `<nodes>/package.json`. n8n loads it at start as `<name>.<node>`.
 */
export async function installIntoN8n(packed: PackedPackage, nodesDir: string): Promise<string> {
	const packageDir = join(nodesDir, 'node_modules', packed.name);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	await runChecked('tar', ['-xzf', packed.tarball, '-C', packageDir, '--strip-components=1'], { timeoutMs: 3 * 60_000 });

	const manifestPath = join(packageDir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[field];
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	await runChecked(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: packageDir, timeoutMs: 10 * 60_000 },
	);

	const nodesManifestPath = join(nodesDir, 'package.json');
	let nodesManifest: { name: string; private: boolean; dependencies: Record<string, string> };
	try {
		nodesManifest = JSON.parse(readFileSync(nodesManifestPath, 'utf8'));
	} catch {
		nodesManifest = { name: 'installed-nodes', private: true, dependencies: {} };
	}
	nodesManifest.dependencies = { ...nodesManifest.dependencies, [packed.name]: packed.version };
	writeFileSync(nodesManifestPath, JSON.stringify(nodesManifest, null, 2));
	return packageDir;
}
