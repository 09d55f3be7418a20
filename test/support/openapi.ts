import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { mergedSpecForProxy, type SpecOperation } from '../../scripts/lib/officialSpec';
import type { RecordedCall } from '../emulator';
import { isRecord } from '../emulator/exchange';

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

interface RequestSpec {
	paths: Record<string, Record<string, SpecOperation>>;
	definitions: Record<string, { properties?: Record<string, unknown> }>;
}

let requestSpec: RequestSpec | undefined;

/** The files as the e2e contract proxy sees them: merged, with the named relaxations of scripts/lib/officialSpec.ts. */
function relaxedSpec(): RequestSpec {
	requestSpec ??= mergedSpecForProxy() as unknown as RequestSpec;
	return requestSpec;
}

/** The official operation a request instantiates; a literal segment (`byName`) wins over a `{id}`. */
function officialOperation(method: string, path: string): { template: string; operation: SpecOperation } | undefined {
	const matches = Object.entries(relaxedSpec().paths)
		.filter(([template, operations]) => operations[method.toLowerCase()] && new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path))
		.map(([template, operations]) => ({ template, operation: operations[method.toLowerCase()] }));
	const placeholders = (template: string) => template.split('{').length;
	return matches.sort((a, b) => placeholders(a.template) - placeholders(b.template))[0];
}

/**
 * Parameters Marketo documents and reads but the official file leaves out, each with where it is
 * documented. Everything else a request carries must be declared by its operation.
 */
const KNOWN_OMISSIONS: Record<string, { query?: string[]; body?: string[]; why: string }> = {
	'GET /rest/asset/v1/programs.json': {
		query: ['filterValues'],
		why: 'the file declares filterType ("Requires filterValues") but not filterValues itself; Get Programs in the asset API reference takes both',
	},
	'POST /rest/asset/v1/email/{id}/dynamicContent/{contentId}.json': {
		body: ['segment'],
		why: 'a dynamic section holds one version per segment, so the segment must be named: the landing page twin of this operation declares `segment`, and clients such as marketorestpython send it here',
	},
};

export type CheckedCall = Pick<RecordedCall, 'effectiveMethod' | 'path' | 'query' | 'body'> & Partial<Pick<RecordedCall, 'method' | 'repeatedParams'>>;

/** A POST `_method=GET` is the GET it stands for: its form body is the query. */
function asSent(call: CheckedCall): { query: Record<string, unknown>; body: unknown } {
	if (call.method !== 'POST' || call.effectiveMethod !== 'GET') return { query: call.query, body: call.body };
	const query: Record<string, unknown> = { ...call.query, ...(isRecord(call.body) ? call.body : {}) };
	delete query._method;
	return { query, body: undefined };
}

/**
 * What is wrong with a recorded call, measured against the official files with their named
 * relaxations (the same document the e2e contract proxy enforces); empty when nothing. Checked:
 * method and path template; query parameters and url-encoded body fields the operation declares;
 * a list parameter is one comma-separated value of its item type, never a repeated key.
 */
export function requestDepartures(call: CheckedCall): string[] {
	const official = officialOperation(call.effectiveMethod, call.path);
	if (!official) return [`${call.effectiveMethod} ${call.path} is in no official file`];
	const where = `${call.effectiveMethod} ${official.template}`;
	const omitted = KNOWN_OMISSIONS[where];
	const declared = official.operation.parameters ?? [];
	const { query, body } = asSent(call);
	const inQuery = new Map(declared.filter((parameter) => parameter.in === 'query').map((parameter) => [parameter.name, parameter]));
	const problems = Object.keys(query)
		.filter((name) => !inQuery.has(name) && !omitted?.query?.includes(name))
		.map((name) => `${where}: query parameter "${name}" is not declared`);
	problems.push(...(call.repeatedParams ?? []).map((name) => `${where}: parameter "${name}" is repeated; Marketo reads one value per name (a list is one comma-separated value)`));
	for (const [name, parameter] of inQuery) {
		const value = query[name];
		if (parameter.pattern && value !== undefined && !new RegExp(parameter.pattern).test(String(value))) {
			problems.push(`${where}: query parameter "${name}" is not a comma-separated list of its item type: ${JSON.stringify(value)}`);
		}
	}
	// Url-encoded bodies name the fields of the body schema, a plain body parameter (one field of
	// its name, e.g. rearrange's `positions`), or formData parameters.
	if (isRecord(body)) {
		const bodyParameter = declared.find((parameter) => parameter.in === 'body');
		const schemaRef = bodyParameter?.schema?.$ref;
		const schema = schemaRef ? relaxedSpec().definitions[schemaRef.split('/').pop() ?? '']?.properties : undefined;
		const plainBody = bodyParameter && !schemaRef ? [bodyParameter.name] : [];
		const formData = declared.filter((parameter) => parameter.in === 'formData').map((parameter) => parameter.name);
		const fields = new Set([...Object.keys(schema ?? {}), ...plainBody, ...formData, ...(omitted?.body ?? [])]);
		problems.push(...Object.keys(body).filter((name) => !fields.has(name)).map((name) => `${where}: body field "${name}" is not declared`));
	}
	return problems;
}
