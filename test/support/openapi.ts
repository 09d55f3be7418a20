import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Adobe's official OpenAPI files live in shared/ beside this repository (they are read in place,
 * never copied in). A missing folder is an error, not a reason to skip: the contract is the point.
 */
export const OPENAPI_DIR = resolve(__dirname, '../../../shared/marketo-openapi');

export type SpecFile = 'swagger-mapi.json' | 'swagger-asset.json' | 'swagger-identity.json';

const cache = new Map<SpecFile, unknown>();

export function loadSpec<T = { paths: Record<string, Record<string, unknown>>; definitions: Record<string, unknown> }>(
	file: SpecFile,
): T {
	if (!cache.has(file)) {
		const path = join(OPENAPI_DIR, file);
		if (!existsSync(path)) {
			throw new Error(`The official Marketo OpenAPI file ${path} is missing: shared/ must sit beside this repository.`);
		}
		cache.set(file, JSON.parse(readFileSync(path, 'utf8')));
	}
	return cache.get(file) as T;
}
