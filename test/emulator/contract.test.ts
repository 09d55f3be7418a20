import { realResponse } from '../replay/realResponses';
import { loadSpec, type SpecFile } from '../support/openapi';
import { LEAD_ACTION_CONTRACT_SAMPLES } from './leadActionSamples';
import { CAMPAIGN_CONTRACT_SAMPLES } from './campaigns/contractSamples';
import { CRM_OBJECT_CONTRACT_SAMPLES } from './crmObjects/contractSamples';
import { LIST_CONTRACT_SAMPLES } from './lists/contractSamples';
import { ACTIVITY_CONTRACT_SAMPLES } from './activities/contractSamples';
import { PROGRAM_CONTRACT_SAMPLES } from './programs/contractSamples';
import { ASSET_CONTRACT_SAMPLES } from './assets/contractSamples';
import { IMPORT_CONTRACT_SAMPLES, type ImportContractSample } from './bulk/importContractSamples';
import { EXPORT_CONTRACT_SAMPLES } from './bulk/exportContractSamples';
import { ROUTES } from './routes';
import { identity, send, startEmulator, tokenFor, type CallOptions } from './testClient';


interface Schema {
	type?: string;
	$ref?: string;
	required?: string[];
	properties?: Record<string, Schema>;
	items?: Schema;
	enum?: unknown[];
}
interface Operation {
	responses: Record<string, { schema?: Schema }>;
}
interface Spec {
	paths: Record<string, Record<string, Operation>>;
	definitions: Record<string, Schema>;
}

const load = (file: SpecFile): Spec => loadSpec<Spec>(file);

/** Every way `value` departs from `schema`: required properties, types, enums (formats are not checked). */
function departures(value: unknown, schema: Schema, spec: Spec, at = '$'): string[] {
	if (schema.$ref) return departures(value, spec.definitions[schema.$ref.split('/').pop() ?? ''], spec, at);
	if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`];
	switch (schema.type ?? (schema.properties ? 'object' : undefined)) {
		case 'object': {
			if (!schema.properties && !schema.required) return []; // Swagger 2 has no "any": a bare object (Attribute.value) takes any JSON value
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at}: not an object`];
			const record = value as Record<string, unknown>;
			const missing = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: required, missing`);
			const wrong = Object.entries(schema.properties ?? {})
				.filter(([key]) => record[key] !== undefined && record[key] !== null)
				.flatMap(([key, property]) => departures(record[key], property, spec, `${at}.${key}`));
			return [...missing, ...wrong];
		}
		case 'array':
			if (!Array.isArray(value)) return [`${at}: not an array`];
			return schema.items ? value.flatMap((item, i) => departures(item, schema.items as Schema, spec, `${at}[${i}]`)) : [];
		case 'string':
			return typeof value === 'string' ? [] : [`${at}: not a string`];
		case 'integer':
			return Number.isInteger(value) ? [] : [`${at}: not an integer`];
		case 'number':
			return typeof value === 'number' ? [] : [`${at}: not a number`];
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
		default:
			return [];
	}
}

/**
 * Where real instances answer otherwise than the official file, the emulator answers as they do;
 * each point the check then lets pass, with the real response (shared/marketo-real-responses) that shows it.
 */
const AS_REAL_INSTANCES_ANSWER: Record<string, { departures: RegExp; shownBy: string }> = {
	// An added activity comes back as {id, marketoGUID, status}, a skipped one as {status, errors}: no echo of the input.
	'POST /rest/v1/activities/external.json': {
		departures: /^\$\.result\[\d+\]\.(activityDate|activityTypeId|attributes|errors|leadId|primaryAttributeValue): required, missing$/,
		shownBy: 'adobe-activities-add-custom',
	},
};

/** A request that succeeds, for each route; a new route needs one here. */
const SAMPLES: Record<string, ({ path: string } & CallOptions) | ImportContractSample> = {
	'GET /rest/v1/lead/{leadId}.json': { path: '/rest/v1/lead/1.json?fields=email,leadScore,unsubscribed' },
	'GET /rest/v1/leads.json': { path: '/rest/v1/leads.json?filterType=id&filterValues=1,2,3&batchSize=2' },
	'POST /rest/v1/leads.json': { path: '/rest/v1/leads.json', json: { input: [{ email: 'contract@example.com' }, { email: 'bad' }] } },
	'POST /rest/v1/leads/delete.json': { path: '/rest/v1/leads/delete.json', json: { input: [{ id: 3 }, { id: 999 }] } },
	'GET /rest/v1/leads/describe.json': { path: '/rest/v1/leads/describe.json' },
	'GET /rest/v1/leads/describe2.json': { path: '/rest/v1/leads/describe2.json' },
	'GET /rest/v1/stats/usage.json': { path: '/rest/v1/stats/usage.json' },
	'GET /rest/v1/stats/usage/last7days.json': { path: '/rest/v1/stats/usage/last7days.json' },
	'GET /rest/v1/stats/errors.json': { path: '/rest/v1/stats/errors.json' },
	'GET /rest/v1/stats/errors/last7days.json': { path: '/rest/v1/stats/errors/last7days.json' },
	...CRM_OBJECT_CONTRACT_SAMPLES,
	...LIST_CONTRACT_SAMPLES,
	...CAMPAIGN_CONTRACT_SAMPLES,
	...LEAD_ACTION_CONTRACT_SAMPLES,
	...ACTIVITY_CONTRACT_SAMPLES,
	...PROGRAM_CONTRACT_SAMPLES,
	...ASSET_CONTRACT_SAMPLES,
	...IMPORT_CONTRACT_SAMPLES,
	...EXPORT_CONTRACT_SAMPLES,
};

describe('contract with the official OpenAPI files', () => {
	it('the validator itself catches a missing required property and a wrong type', () => {
		const spec = load('swagger-mapi.json');
		const schema = { $ref: '#/definitions/ResponseOfLead' };
		expect(departures({ requestId: 'x', success: true, errors: [], warnings: [], result: [] }, schema, spec)).toEqual([]);
		expect(departures({ requestId: 'x', success: 'yes', errors: [], result: [{ id: '1' }] }, schema, spec)).toEqual([
			'$.warnings: required, missing',
			'$.result[0].id: not an integer',
			'$.success: not a boolean',
		]);
	});

	it.each(ROUTES.map((r) => `${r.method} ${r.path}`))('%s is an official operation and answers its documented 200 schema', async (key) => {
		const spec = load(key.includes(' /rest/asset/') ? 'swagger-asset.json' : 'swagger-mapi.json');
		const [method, path] = key.split(' ');
		const operation = spec.paths[path]?.[method.toLowerCase()];
		expect(operation).toBeDefined();
		const schema = operation?.responses['200']?.schema as Schema;
		expect(schema).toBeDefined();

		const sample = SAMPLES[key];
		expect(sample).toBeDefined();
		const emulator = await startEmulator({ seedLeads: 5 });
		if ('before' in sample) sample.before?.(emulator);
		const answer = await send(emulator, method, sample.path, { token: await tokenFor(emulator), ...sample });
		// A file answer (ObservableOfInputStreamContent) has no envelope.
		if ('file' in sample) return expect([answer.status, answer.contentType]).toEqual([200, expect.stringMatching(/^text\/csv/)]);
		expect(answer.body.success).toBe(true);
		const allowed = AS_REAL_INSTANCES_ANSWER[key]?.departures;
		expect(departures(answer.body, schema, spec).filter((departure) => !allowed?.test(departure))).toEqual([]);
	});

	it('lets the file be departed from only where a real response on that route shows Marketo does', () => {
		for (const [key, { shownBy }] of Object.entries(AS_REAL_INSTANCES_ANSWER)) {
			const { route } = realResponse(shownBy);
			expect(`${route.method} ${route.path}`).toBe(key);
		}
	});

	it('identity answers ResponseOfIdentity', async () => {
		const spec = load('swagger-identity.json');
		const emulator = await startEmulator();
		const answer = await identity(emulator);
		expect(departures(answer.body, { $ref: '#/definitions/ResponseOfIdentity' }, spec)).toEqual([]);
	});
});
