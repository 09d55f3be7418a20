import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyTypeOptions } from 'n8n-workflow';

import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { assertScalarFields, type Scalar } from '../../helpers/validation';
import type { ObjectKind } from './objectKinds';

const EXPRESSION_HINT =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

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
	return [
		{
			displayName: 'Fields to Send',
			name: 'fieldsToSend',
			type: 'options',
			options: [
				{
					name: 'Auto-Map Input Data',
					value: 'autoMapInputData',
					description: `Send each item's JSON fields as ${kind.displayName} fields (names must be Marketo API field names)`,
				},
				{ name: 'Map Each Field Below', value: 'defineBelow' },
			],
			default: 'defineBelow',
		},
		{
			displayName: 'Fields',
			name: 'fieldValues',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { fieldsToSend: ['defineBelow'] } },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'name',
							type: 'options',
							typeOptions: describedOptions(kind, 'getWritableObjectFields'),
							default: '',
							description: EXPRESSION_HINT,
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Inputs to Ignore',
			name: 'inputsToIgnore',
			type: 'string',
			default: '',
			placeholder: 'internalNote, rowNumber',
			description: 'Item fields not to send, separated by commas',
			displayOptions: { show: { fieldsToSend: ['autoMapInputData'] } },
		},
	];
}

function readFieldValues(ctx: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): IDataObject {
	if (ctx.getNodeParameter('fieldsToSend', itemIndex) === 'autoMapInputData') {
		const ignored = new Set(String(ctx.getNodeParameter('inputsToIgnore', itemIndex, '')).split(',').map((f) => f.trim()));
		return Object.fromEntries(Object.entries(item.json).filter(([field]) => !ignored.has(field)));
	}
	const rows = (ctx.getNodeParameter('fieldValues.field', itemIndex, []) as Array<{ name: string; value: unknown }>) ?? [];
	const record: IDataObject = {};
	rows.forEach((row, position) => {
		if (!row.name) throw new ItemInputError(itemIndex, `Fields > Field ${position + 1}`, 'has no field name; pick a field');
		record[row.name] = row.value as IDataObject[string];
	});
	return record;
}

/** The item's record, checked: scalar values only, at least one field. */
export function readObjectRecord(ctx: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): Record<string, Scalar> {
	const record = assertScalarFields(itemIndex, readFieldValues(ctx, item, itemIndex));
	if (Object.keys(record).length === 0) throw new ItemInputError(itemIndex, 'Fields', 'no fields to send; add fields or map input data');
	return record;
}

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
