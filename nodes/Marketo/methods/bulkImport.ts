import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { cachedDescribe } from '../actions/crmObject/objectTarget';
import { CUSTOM_OBJECT_KIND, CUSTOM_OBJECT_NAME } from '../actions/customObject/customObjectKind';
import { getWritableLeadFields } from './leadFields';
import { currentParameter, getWritableProgramMemberFields } from './programs';

/** A custom object type's fields an import may fill: the updateable ones and its dedupe fields (which create records). */
async function customObjectColumns(ctx: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const name = currentParameter(ctx, 'customObjectName');
	// No type chosen yet (or an expression): nothing to list rather than an error in the editor.
	if (!CUSTOM_OBJECT_NAME.test(name)) return [];
	const describe = await cachedDescribe(ctx, CUSTOM_OBJECT_KIND.basePath(name));
	const keys = new Set(describe.dedupeFields ?? []);
	return (describe.fields ?? [])
		.filter((field) => field.name && (field.updateable !== false || keys.has(field.name)))
		.map((field) => ({ name: field.displayName && field.displayName !== field.name ? `${field.displayName} (${field.name})` : (field.name as string), value: field.name as string }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The columns a bulk import file may have, for the kind chosen: lead fields, a custom object's, or lead plus program member fields. */
export async function getBulkImportFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const kind = currentParameter(this, 'objectKind');
	if (kind === 'customObject') return await customObjectColumns(this);
	const leadFields = await getWritableLeadFields.call(this);
	if (kind !== 'programMembers') return leadFields;
	return [...leadFields, ...(await getWritableProgramMemberFields.call(this))];
}
