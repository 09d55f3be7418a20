import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyTypeOptions } from 'n8n-workflow';

import { ItemInputError } from './outcomes';
import { assertScalarFields, type Scalar } from './validation';

export const EXPRESSION_HINT =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/**
 * How an item becomes a record to write (lead, company, program member…): fields mapped in the
 * UI from a dropdown of writable fields, or the item's own JSON.
 */
export function recordFieldProperties(noun: string, writableFields: INodePropertyTypeOptions): INodeProperties[] {
	return [
		{
			displayName: 'Fields to Send',
			name: 'fieldsToSend',
			type: 'options',
			options: [
				{
					name: 'Auto-Map Input Data',
					value: 'autoMapInputData',
					description: `Send each item's JSON fields as ${noun} fields (names must be Marketo API field names)`,
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
							typeOptions: writableFields,
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
export function readRecordFields(ctx: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): Record<string, Scalar> {
	const record = assertScalarFields(itemIndex, readFieldValues(ctx, item, itemIndex));
	if (Object.keys(record).length === 0) throw new ItemInputError(itemIndex, 'Fields', 'no fields to send; add fields or map input data');
	return record;
}
