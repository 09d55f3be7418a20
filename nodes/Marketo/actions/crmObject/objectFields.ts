import type { INodeProperties, INodePropertyTypeOptions } from 'n8n-workflow';

import type { ItemOutcome } from '../../helpers/outcomes';
import { EXPRESSION_HINT, readRecordFields, recordFieldProperties } from '../../helpers/recordFields';
import type { ObjectKind } from './objectKinds';


/** A dropdown filled from the object's describe, reloaded when the resource (or the custom object type) changes. */
export function describedOptions(kind: ObjectKind, loadOptionsMethod: string): INodePropertyTypeOptions {
	return { loadOptionsMethod, loadOptionsDependsOn: kind.typePerItem ? ['resource', 'customObjectName'] : ['resource'] };
}

export function fieldsToReturnProperty(kind: ObjectKind): INodeProperties {
	return {
		displayName: 'Fields to Return',
		name: 'fields',
		type: 'multiOptions',
		typeOptions: describedOptions(kind, 'getObjectFields'),
		default: [],
		description: `${kind.displayName} fields to return. Leave empty for Marketo's default: the ID field, the dedupe fields and the created and updated dates. ${EXPRESSION_HINT}.`,
	};
}

/** How an item becomes a record to write: fields mapped in the UI, or the item's own JSON. */
export function objectRecordProperties(kind: ObjectKind): INodeProperties[] {
	return recordFieldProperties(kind.displayName, describedOptions(kind, 'getWritableObjectFields'));
}

export const readObjectRecord = readRecordFields;

/** Marketo's `seq` is a record's position in one call's input or page: meaningless once results are mapped to items. */
export function withoutSeq(outcome: ItemOutcome): ItemOutcome {
	if (!('records' in outcome)) return outcome;
	const records = outcome.records.map((record) => {
		const rest = { ...record };
		delete rest.seq;
		return rest;
	});
	return { ...outcome, records };
}
