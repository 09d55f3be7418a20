import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import type { ItemOutcome } from '../../helpers/outcomes';
import { readRecordFields, recordFieldProperties } from '../../helpers/recordFields';
import { parseMarketoId } from '../../helpers/validation';
import { programLocator, readProgramId } from '../common/programLocator';
import { leadIdProperty } from '../lead/common';
import { writeMembers } from './common';

const properties: INodeProperties[] = [
	programLocator('The program whose member data changes'),
	leadIdProperty('The Marketo ID of the lead; it must already be a member of the program'),
	...recordFieldProperties('program member', { loadOptionsMethod: 'getWritableProgramMemberFields' }),
];

export const description = forOperation('programMember', 'syncData', properties);

/** Sets program member fields of existing members, 300 per call. Setting the same values twice is harmless. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await writeMembers(
		this,
		items,
		(itemIndex) => ({
			programId: readProgramId(this, itemIndex),
			leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
			fields: readRecordFields(this, items[itemIndex], itemIndex),
		}),
		{
			record: ({ leadId, fields }) => ({ ...fields, leadId }),
			buildRequest: ({ programId }, input) => ({
				method: 'POST',
				path: `/rest/v1/programs/${programId}/members.json`,
				body: { input },
				idempotent: true,
			}),
			successStatuses: ['created', 'updated'],
			describe: ({ programId, fields }) => ({ programId, ...fields }),
		},
	);
}
