import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { repoRoot } from '../../scripts/lib/paths';

/** One answer a real Marketo instance gave (or Adobe's docs show), as shared/marketo-real-responses/README.md describes it. */
export interface RealResponse {
	id: string;
	route: { method: string; path: string };
	body?: unknown;
	bodyText?: string;
	contentType?: string;
	status?: number;
	source: { kind: string };
	notes?: string[];
	modified?: string[];
}

/** Read in place beside the repository, as the OpenAPI files are (scripts/lib/paths.ts): never copied in. */
export function realResponsesDir(): string {
	const dir = resolve(repoRoot(), '..', 'shared', 'marketo-real-responses');
	if (!existsSync(dir)) throw new Error(`The real Marketo responses are missing: ${dir} (shared/ must sit beside the repository)`);
	return dir;
}

let loaded: Map<string, RealResponse> | undefined;

/** Every response in the folder, by id; a file whose id is not its name is an error, not a silent skip. */
export function realResponses(): Map<string, RealResponse> {
	if (loaded) return loaded;
	const dir = realResponsesDir();
	const responses = new Map<string, RealResponse>();
	for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
		const response = JSON.parse(readFileSync(join(dir, file), 'utf8')) as RealResponse;
		if (`${response.id}.json` !== file) throw new Error(`${file}: its id is "${response.id}"`);
		responses.set(response.id, response);
	}
	loaded = responses;
	return responses;
}

export function realResponse(id: string): RealResponse {
	const response = realResponses().get(id);
	if (!response) throw new Error(`No real response "${id}" in ${realResponsesDir()}`);
	return response;
}
