import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { STANDARD_OBJECT_KINDS, type ObjectKind } from '../actions/crmObject/objectKinds';
import { cachedDescribe, type ObjectDescribe } from '../actions/crmObject/objectTarget';
import { CUSTOM_OBJECT_KIND, CUSTOM_OBJECT_NAME } from '../actions/customObject/customObjectKind';

// Dropdowns shared by every object resource (companies … custom objects): each reads the object's
// describe (cached a day) for the resource the node is set to.

const KINDS: ObjectKind[] = [...STANDARD_OBJECT_KINDS, CUSTOM_OBJECT_KIND];

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The editor sends the node's current parameters; contexts built without them only have the node's own. */
function parameterOf(ctx: ILoadOptionsFunctions, name: string): string {
	const current = ctx.getCurrentNodeParameter(name);
	if (current !== undefined) return String(current);
	try {
		return String(ctx.getNodeParameter(name, '') ?? '');
	} catch {
		// An expression that needs input data: no value in the editor.
		return '';
	}
}

async function describeCurrent(ctx: ILoadOptionsFunctions): Promise<ObjectDescribe> {
	const resource = parameterOf(ctx, 'resource');
	const kind = KINDS.find((candidate) => candidate.resource === resource);
	if (!kind) throw new NodeOperationError(ctx.getNode(), `"${resource}" is not a Marketo object resource`);
	if (!kind.typePerItem) return await cachedDescribe(ctx, kind.basePath());
	const name = parameterOf(ctx, 'customObjectName');
	// No type chosen yet (or an expression): nothing to list rather than an error in the editor.
	if (!CUSTOM_OBJECT_NAME.test(name)) return {};
	return await cachedDescribe(ctx, kind.basePath(name));
}

function optionsFor(describe: ObjectDescribe, names: Iterable<string>): INodePropertyOptions[] {
	const displayNames = new Map((describe.fields ?? []).map((field) => [field.name, field.displayName]));
	return [...new Set(names)]
		.map((name) => {
			const displayName = displayNames.get(name);
			return { name: displayName && displayName !== name ? `${displayName} (${name})` : name, value: name };
		})
		.sort(byName);
}

const fieldNames = (describe: ObjectDescribe) => (describe.fields ?? []).flatMap((field) => (field.name ? [field.name] : []));

export async function getObjectFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const describe = await describeCurrent(this);
	return optionsFor(describe, fieldNames(describe));
}

/** Fields a write may carry: updateable ones plus the keys (dedupe fields create records, the id field finds them). */
export async function getWritableObjectFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const describe = await describeCurrent(this);
	const keys = new Set([...(describe.dedupeFields ?? []), describe.idField]);
	const writable = (describe.fields ?? []).filter((field) => field.name && (field.updateable !== false || keys.has(field.name)));
	return optionsFor(describe, fieldNames({ fields: writable }));
}

/** describe's searchableFields, single-field keys only: a compound key can't be one filterType. */
export async function getObjectFilterTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const describe = await describeCurrent(this);
	const searchable = (describe.searchableFields ?? []).filter((key) => key.length === 1).map(([name]) => name);
	return optionsFor(describe, searchable);
}

export async function getObjectDedupeFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const describe = await describeCurrent(this);
	return optionsFor(describe, describe.dedupeFields ?? []);
}
