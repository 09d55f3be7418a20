import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ACTIVITY_FIELDS } from '../actions/bulkExtract/exportKinds';
import { cachedDescribe } from '../actions/crmObject/objectTarget';
import { CUSTOM_OBJECT_KIND, CUSTOM_OBJECT_NAME } from '../actions/customObject/customObjectKind';
import { getLeadFields } from './leadFields';
import { currentParameter, getProgramMemberFields } from './programs';

async function customObjectFields(ctx: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const name = currentParameter(ctx, 'customObjectName');
	// No type chosen yet (or an expression): nothing to list rather than an error in the editor.
	if (!CUSTOM_OBJECT_NAME.test(name)) return [];
	const describe = await cachedDescribe(ctx, CUSTOM_OBJECT_KIND.basePath(name));
	return (describe.fields ?? [])
		.filter((field) => field.name)
		.map((field) => ({ name: field.displayName && field.displayName !== field.name ? `${field.displayName} (${field.name})` : (field.name as string), value: field.name as string }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The columns an export file may have, for the object chosen: from the lead, program member or custom object describe. */
export async function getBulkExportFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	switch (currentParameter(this, 'exportObject')) {
		case 'activities':
			return ACTIVITY_FIELDS.map((name) => ({ name, value: name }));
		case 'programMembers': {
			// A program member file may also hold the members' lead fields.
			const memberFields = await getProgramMemberFields.call(this);
			const names = new Set(memberFields.map((option) => option.value));
			return [...memberFields, ...(await getLeadFields.call(this)).filter((option) => !names.has(option.value))];
		}
		case 'customObject':
			return await customObjectFields(this);
		default:
			return await getLeadFields.call(this);
	}
}
