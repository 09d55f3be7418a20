import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { officialSpecDir } from './paths';

export const OFFICIAL_SPEC_FILES = ['swagger-identity.json', 'swagger-mapi.json', 'swagger-asset.json'] as const;

export interface SpecParameter {
	name: string;
	in: string;
	required?: boolean;
	type?: string;
	items?: { type?: string; enum?: unknown[] };
	collectionFormat?: string;
	pattern?: string;
	schema?: { $ref?: string };
	[key: string]: unknown;
}

export interface SpecOperation {
	parameters?: SpecParameter[];
	responses?: Record<string, { schema?: unknown }>;
}

interface Swagger2 {
	swagger: string;
	info: unknown;
	paths: Record<string, Record<string, SpecOperation>>;
	definitions?: Record<string, unknown>;
	tags?: unknown[];
	[key: string]: unknown;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);

function loadSpec(file: string): Swagger2 {
	return JSON.parse(readFileSync(join(officialSpecDir(), file), 'utf8')) as Swagger2;
}

export interface OfficialOperation {
	file: string;
	method: string;
	/** As written in the file, e.g. /rest/v1/lead/{leadId}.json */
	pathTemplate: string;
}

/** Every method + path the official files define. */
export function officialOperations(): OfficialOperation[] {
	return OFFICIAL_SPEC_FILES.flatMap((file) =>
		Object.entries(loadSpec(file).paths).flatMap(([pathTemplate, operations]) =>
			Object.keys(operations)
				.filter((method) => HTTP_METHODS.has(method))
				.map((method) => ({ file, method: method.toUpperCase(), pathTemplate })),
		),
	);
}

/** The official operation a concrete request (`GET /rest/v1/lead/42.json`) is an instance of. */
export function findOfficialOperation(method: string, path: string, operations = officialOperations()): OfficialOperation | undefined {
	return operations.find((operation) => operation.method === method.toUpperCase() && templateMatches(operation.pathTemplate, path));
}

function templateMatches(template: string, path: string): boolean {
	const pattern = template.replace(/[.*+?^$()|[\]\\]|\{[^}]+\}/g, (token) => (token.startsWith('{') ? '[^/]+' : `\\${token}`));
	return new RegExp(`^${pattern}$`).test(path);
}

/** Fields Marketo assigns in results (`seq`: position in the result, `marketoGUID`: the record's key). */
const ASSIGNED_BY_MARKETO = new Set(['seq', 'marketoGUID']);

/**
 * Other defects of the files' request shapes, each one a place where the files contradict Marketo's
 * own request examples: result-only fields required on input, a placeholder name, a typed "any".
 */
const NOT_REQUIRED_ON_INPUT: Record<string, string[]> = {
	// Add Custom Activities: `id` and `errors` come back in results; the docs' request has neither.
	CustomActivity: ['id', 'errors'],
	// Sync Program Member Data: `{fieldApiName}` stands for "any member field", not a property name.
	ProgramMemberData: ['{fieldApiName}'],
};
const UNTYPED_PROPERTIES: Record<string, string[]> = {
	// Java's "any value" rendered as `type: object`; the docs send strings and numbers.
	Attribute: ['value'],
};

/**
 * Array query parameters are ONE comma-separated value on a real instance; the files' `multi` is a
 * code-generator artifact; a servlet reading a repeated key sees only the first. (The files' own
 * descriptions say "comma-separated list"; Marketo's examples mostly write `filterValues=a,b`.)
 * So `filterValues`, `fields`, `id`, `leadIds`, `activityTypeIds`… are read as `collectionFormat:
 * csv`, written as one string whose pattern is a comma list of the item type: Prism would read a
 * repeated `csv` key as its last value, but it refuses a repeated key given for a string, so a
 * client that repeats keys fails the contract check too.
 */
function asOneCommaSeparatedValue(parameter: SpecParameter): SpecParameter {
	if (parameter.in !== 'query' || parameter.type !== 'array') return parameter;
	const item = itemPattern(parameter);
	const relaxed: SpecParameter = { ...parameter, type: 'string', ...(item ? { pattern: `^${item}(?:,${item})*$` } : {}) };
	delete relaxed.items;
	delete relaxed.collectionFormat;
	delete relaxed.enum;
	return relaxed;
}

/** One item of the list as a regular expression; undefined when any text will do. */
function itemPattern(parameter: SpecParameter): string | undefined {
	// The bulk export `status` lists carry their items' enum on the parameter itself.
	const allowed = parameter.items?.enum ?? (Array.isArray(parameter.enum) ? parameter.enum : undefined);
	if (allowed) return `(?:${allowed.map((value) => String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
	return parameter.items?.type === 'integer' ? '-?\\d+' : undefined;
}

/** Body parameters the files require where Marketo's documentation sends none, each with its reason. */
const BODY_NOT_REQUIRED: Record<string, string> = {
	'DELETE /rest/v1/lists/{listId}/leads.json':
		"Remove from List: Marketo's List Membership page sends the lead ids only as the `id` query parameter; the file also requires the same ids as a ListOperationRequest body, which would send them twice",
};

function relaxedParameters(method: string, path: string, parameters: SpecParameter[]): SpecParameter[] {
	const bodyOptional = `${method.toUpperCase()} ${path}` in BODY_NOT_REQUIRED;
	return parameters.map(asOneCommaSeparatedValue).map((parameter) => (bodyOptional && parameter.in === 'body' ? { ...parameter, required: false } : parameter));
}

/**
 * The three files as one document for the contract checks (the e2e proxy and the in-process
 * checker of test/support/openapi.ts): they share one host and their paths and definitions do not
 * clash (checked here, so a new version of the files that clashes fails loudly). Request
 * parameters are relaxed where a real instance reads them otherwise (asOneCommaSeparatedValue,
 * BODY_NOT_REQUIRED). Two more quirks are handled:
 * - Response schemas are dropped: MARKETO.md says the files win for request shapes and observed
 *   behaviour wins for responses (usage dates, for one, come as dates where the files say
 *   date-time); the emulator's answers are checked against the files by its own contract test.
 * - Request bodies reuse the result records (NamedAccount, CustomObject), which require `seq` and
 *   `marketoGUID`; no client can send `seq`, and a sync by dedupe fields has no `marketoGUID` yet.
 *   Those two are taken out of `required`, and so are the few defects listed in
 *   NOT_REQUIRED_ON_INPUT / UNTYPED_PROPERTIES; every other rule of the files stands.
 */
export function mergedSpecForProxy(): Swagger2 {
	const specs = OFFICIAL_SPEC_FILES.map((file) => ({ file, spec: loadSpec(file) }));
	const paths: Swagger2['paths'] = {};
	const definitions: Record<string, unknown> = {};
	const tags: unknown[] = [];
	for (const { file, spec } of specs) {
		for (const [path, operations] of Object.entries(spec.paths)) {
			if (paths[path]) throw new Error(`${file}: path ${path} is also defined by another official file`);
			paths[path] = relaxedForRequests(path, operations);
		}
		for (const [name, schema] of Object.entries(spec.definitions ?? {})) {
			const relaxed = relaxedForInput(name, schema);
			if (name in definitions && JSON.stringify(definitions[name]) !== JSON.stringify(relaxed)) {
				throw new Error(`${file}: definition ${name} differs from another official file's`);
			}
			definitions[name] = relaxed;
		}
		tags.push(...(spec.tags ?? []));
	}
	// The files' host is a placeholder; the proxy serves the paths on its own address.
	const { swagger, info } = specs[0].spec;
	return { swagger, info, schemes: ['http'], basePath: '/', tags, paths, definitions };
}

function relaxedForRequests(path: string, operations: Swagger2['paths'][string]): Swagger2['paths'][string] {
	return Object.fromEntries(
		Object.entries(operations).map(([method, operation]) => {
			if (!HTTP_METHODS.has(method)) return [method, operation];
			const relaxed = { ...operation, ...(operation.parameters ? { parameters: relaxedParameters(method, path, operation.parameters) } : {}) };
			if (!operation.responses) return [method, relaxed];
			const responses = Object.fromEntries(
				Object.entries(operation.responses).map(([status, response]) => {
					const described = { ...response };
					delete described.schema;
					return [status, described];
				}),
			);
			return [method, { ...relaxed, responses }];
		}),
	);
}

function relaxedForInput(name: string, schema: unknown): unknown {
	const relaxed: Record<string, unknown> = { ...(schema as Record<string, unknown>) };
	const notRequired = new Set([...ASSIGNED_BY_MARKETO, ...(NOT_REQUIRED_ON_INPUT[name] ?? [])]);
	if (Array.isArray(relaxed.required)) {
		const kept = relaxed.required.filter((field) => !notRequired.has(String(field)));
		if (kept.length === 0) delete relaxed.required;
		else relaxed.required = kept;
	}
	const untyped = UNTYPED_PROPERTIES[name];
	if (untyped && relaxed.properties) {
		const properties = { ...(relaxed.properties as Record<string, Record<string, unknown>>) };
		for (const property of untyped) properties[property] = { description: properties[property]?.description };
		relaxed.properties = properties;
	}
	return relaxed;
}
