import type { IExecuteFunctions } from 'n8n-workflow';

import { ItemInputError } from '../../helpers/outcomes';
import { marketoCachedGet, type MarketoContext } from '../../transport';
import { CUSTOM_OBJECT_NAME } from '../customObject/customObjectKind';
import type { ObjectKind } from './objectKinds';

/** ObjectMetaData (swagger-mapi.json) as describe answers it; Marketo's own answers carry `name`, the spec `apiName`. */
export interface ObjectDescribe {
	name?: string;
	apiName?: string;
	displayName?: string;
	idField?: string;
	dedupeFields?: string[];
	searchableFields?: string[][];
	fields?: Array<{ name?: string; displayName?: string; dataType?: string; updateable?: boolean }>;
}

/** The item's base path (e.g. /rest/v1/companies), checking the custom object type it names. */
export function basePathFor(ctx: IExecuteFunctions, kind: ObjectKind, itemIndex: number): string {
	if (!kind.typePerItem) return kind.basePath();
	const name = String(ctx.getNodeParameter('customObjectName', itemIndex, '') ?? '').trim();
	if (!CUSTOM_OBJECT_NAME.test(name)) {
		throw new ItemInputError(
			itemIndex,
			'Custom Object Type',
			name === '' ? 'is empty; choose a custom object type' : `"${name}" is not a custom object API name (letters, digits and _ only)`,
		);
	}
	return kind.basePath(name);
}

/** The object's describe, cached for a day (Marketo advises it; dropdowns and Get Many share it). */
export async function cachedDescribe(ctx: MarketoContext, basePath: string): Promise<ObjectDescribe> {
	const response = await marketoCachedGet<ObjectDescribe>(ctx, `${basePath}/describe.json`);
	return response.result?.[0] ?? {};
}

/** What Marketo returns when a query names no fields: the id field, the dedupe fields and the timestamps. */
export async function defaultFieldsFor(ctx: MarketoContext, kind: ObjectKind, basePath: string): Promise<string[]> {
	const dedupeFields = kind.dedupeFields ?? (await cachedDescribe(ctx, basePath)).dedupeFields ?? [];
	return [kind.idField, ...dedupeFields, 'updatedAt', 'createdAt'];
}
