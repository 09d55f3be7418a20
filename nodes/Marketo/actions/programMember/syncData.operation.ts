import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { assertScalarFields, parseMarketoId, requirePresent, type Scalar } from '../../helpers/validation';
import { programLocator, readProgramId } from '../common/programLocator';
import { leadIdProperty } from '../lead/common';
import { writeMembers } from './common';

const properties: INodeProperties[] = [
	programLocator('The program whose member data changes'),
	leadIdProperty('The Marketo ID of the lead; it must already be a member of the program'),
	{
		displayName: 'Fields to Update',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description: 'Program member fields to set, e.g. custom fields such as a registration code',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getWritableProgramMemberFields' },
						default: '',
						description:
							'An updateable program member field. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

export const description = forOperation('programMember', 'syncData', properties);

function readFieldValues(itemIndex: number, value: IDataObject): Record<string, Scalar> {
	const entries = (value.field ?? []) as IDataObject[];
	if (entries.length === 0) throw new ItemInputError(itemIndex, 'Fields to Update', 'is empty; add at least one field to set');
	const record: IDataObject = {};
	for (const { name, value: fieldValue } of entries) {
		requirePresent(itemIndex, 'Field Name or ID', name, 'choose a program member field');
		record[String(name)] = fieldValue;
	}
	return assertScalarFields(itemIndex, record);
}

/** Sets program member fields of existing members, 300 per call. Setting the same values twice is harmless. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await writeMembers(
		this,
		items,
		(itemIndex) => ({
			programId: readProgramId(this, itemIndex),
			leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
			fields: readFieldValues(itemIndex, this.getNodeParameter('fields', itemIndex, {}) as IDataObject),
		}),
		{
			record: ({ leadId, fields }) => ({ ...fields, leadId }),
			buildRequest: ({ programId }, input) => ({
				method: 'POST',
				path: `/rest/v1/programs/${programId}/members.json`,
				body: { input },
				idempotent: true,
			}),
			describe: ({ programId, fields }) => ({ programId, ...fields }),
		},
	);
}
