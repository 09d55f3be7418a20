import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const PACKAGE_NAME = 'n8n-nodes-marketo';

/**
 * The repository root, found by walking up to our package.json: the same code runs from
 * scripts/lib (under Jest) and from its compiled copy in .sandbox/tools/scripts/lib.
 */
export function repoRoot(): string {
	for (let dir = __dirname; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) {
			return dir;
		}
		if (dirname(dir) === dir) throw new Error(`No ${PACKAGE_NAME} package.json above ${__dirname}`);
	}
}

/** Node 24, n8n and the e2e tools live here, outside the repository, shared by every checkout. */
export function cacheDir(): string {
	return resolve(process.env.N8N_MARKETO_CACHE || join(homedir(), '.cache', PACKAGE_NAME));
}

/** Adobe's OpenAPI files sit beside the repository in shared/; they are read in place, never copied in. */
export function officialSpecDir(): string {
	const dir = resolve(repoRoot(), '..', 'shared', 'marketo-openapi');
	if (!existsSync(dir)) throw new Error(`The official Marketo OpenAPI files are missing: ${dir} (shared/ must sit beside the repository)`);
	return dir;
}

export function examplesDir(): string {
	return join(repoRoot(), 'examples');
}
