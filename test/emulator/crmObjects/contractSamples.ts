import type { CallOptions } from '../testClient';
import { DEMO_RECORDS } from './crmObjects';
import { CUSTOM_OBJECTS, STANDARD_OBJECTS, type ObjectSchema } from './objectSchemas';

type Sample = { path: string } & CallOptions;

/** A query field with a demo value: the single dedupe field, or the first single searchable non-id field. */
function filterFieldOf(schema: ObjectSchema): string {
	if (schema.dedupeFields.length === 1) return schema.dedupeFields[0];
	const [field] = schema.searchableFields.find((key) => key.length === 1 && key[0] !== schema.idField) ?? [schema.idField];
	return field;
}

function keyOf(schema: ObjectSchema, record: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(schema.dedupeFields.map((name) => [name, record[name]]));
}

/** One succeeding request per object endpoint, keyed like the contract test's SAMPLES (`METHOD route path`). */
function samplesFor(routeBase: string, concreteBase: string, schema: ObjectSchema): Record<string, Sample> {
	const [first, second] = DEMO_RECORDS[schema.apiName];
	const filterField = filterFieldOf(schema);
	return {
		[`GET ${routeBase}.json`]: { path: `${concreteBase}.json?filterType=${filterField}&filterValues=${encodeURIComponent(String(first[filterField]))}` },
		[`POST ${routeBase}.json`]: { path: `${concreteBase}.json`, json: { action: 'createOrUpdate', input: [first] } },
		[`POST ${routeBase}/delete.json`]: { path: `${concreteBase}/delete.json`, json: { deleteBy: 'dedupeFields', input: [keyOf(schema, second)] } },
		[`GET ${routeBase}/describe.json`]: { path: `${concreteBase}/describe.json` },
	};
}

const [car] = CUSTOM_OBJECTS;

export const CRM_OBJECT_CONTRACT_SAMPLES: Record<string, Sample> = {
	...Object.assign({}, ...STANDARD_OBJECTS.map(({ segment, schema }) => samplesFor(`/rest/v1/${segment}`, `/rest/v1/${segment}`, schema))),
	'GET /rest/v1/customobjects.json': { path: '/rest/v1/customobjects.json' },
	...samplesFor('/rest/v1/customobjects/{customObjectName}', `/rest/v1/customobjects/${car.apiName}`, car),
};
