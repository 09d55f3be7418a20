import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeInBatches } from '../../helpers/batchWrite';
import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, succeeded, type ItemOutcome } from '../../helpers/outcomes';
import { isScalar, parseMarketoId, requirePresent } from '../../helpers/validation';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { readInputs } from '../inputs';
import { leadIdProperty } from '../lead/common';

const TYPE_FIELD = 'Activity Type Name or ID';

const properties: INodeProperties[] = [
	leadIdProperty('The Marketo ID of the lead the activity happened to'),
	{
		displayName: TYPE_FIELD,
		name: 'activityTypeId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCustomActivityTypes' },
		required: true,
		default: '',
		description:
			'An approved custom activity type (Admin > Marketo Custom Activities). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Primary Attribute Value',
		name: 'primaryAttributeValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Booth 12',
		description: "Value of the activity type's primary attribute, e.g. the booth name of a trade show visit",
	},
	{
		displayName: 'Activity Date',
		name: 'activityDate',
		type: 'dateTime',
		default: '',
		description: 'When the activity happened; leave empty for now',
	},
	{
		displayName: 'Attributes',
		name: 'attributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		description: "Values of the activity type's secondary attributes",
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Attribute Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomActivityAttributes', loadOptionsDependsOn: ['activityTypeId'] },
						default: '',
						description:
							'A secondary attribute of the chosen activity type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

export const description = forOperation('activity', 'addCustom', properties);

interface CustomActivity extends IDataObject {
	leadId: number;
	activityTypeId: number;
	primaryAttributeValue: string;
	activityDate: string;
	attributes: Array<{ name: string; value: string | number | boolean | null }>;
}

function readActivityDate(itemIndex: number, value: unknown): string {
	if (value === undefined || value === null || value === '') return new Date().toISOString();
	const at = new Date(String(value));
	if (Number.isNaN(at.getTime())) throw new ItemInputError(itemIndex, 'Activity Date', `"${String(value)}" is not a date and time`);
	return at.toISOString();
}

function readAttributes(itemIndex: number, value: IDataObject): CustomActivity['attributes'] {
	return ((value.attribute ?? []) as IDataObject[]).map(({ name, value: attributeValue }) => {
		requirePresent(itemIndex, 'Attribute Name or ID', name, 'choose an attribute of the activity type');
		if (!isScalar(attributeValue)) throw new ItemInputError(itemIndex, String(name), 'is an object or a list; attributes take text, a number or true/false');
		return { name: String(name), value: attributeValue };
	});
}

/**
 * Records custom activities, 300 per call; Marketo's verdict on each record is its item's result.
 * Not repeated after a lost answer: that would record the activity twice.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex): CustomActivity => {
		const primaryAttributeValue = String(this.getNodeParameter('primaryAttributeValue', itemIndex, '') ?? '');
		requirePresent(itemIndex, 'Primary Attribute Value', primaryAttributeValue, 'Marketo requires a value for the primary attribute');
		return {
			leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
			activityTypeId: parseMarketoId(itemIndex, TYPE_FIELD, this.getNodeParameter('activityTypeId', itemIndex)),
			primaryAttributeValue,
			activityDate: readActivityDate(itemIndex, this.getNodeParameter('activityDate', itemIndex, '')),
			attributes: readAttributes(itemIndex, this.getNodeParameter('attributes', itemIndex, {}) as IDataObject),
		};
	});
	const sent = new Map(inputs.map(({ itemIndex, input }) => [itemIndex, input]));
	const written = await writeInBatches(
		this,
		inputs.map(({ itemIndex, input }) => ({ itemIndex, record: input })),
		{
			maxRecords: LEAD_DATABASE_BATCH_LIMIT,
			buildRequest: (input) => ({ method: 'POST', path: '/rest/v1/activities/external.json', body: { input } }),
			// Marketo's docs show `added`; the official file lists `created` too.
			successStatuses: ['added', 'created'],
		},
	);
	// Marketo answers with the new activity's id and status only: show them beside what was recorded.
	const outcomes = written.map((outcome) =>
		'records' in outcome ? succeeded(outcome.itemIndex, ...outcome.records.map((record) => ({ ...sent.get(outcome.itemIndex), ...record }))) : outcome,
	);
	return [...invalid, ...outcomes];
}
