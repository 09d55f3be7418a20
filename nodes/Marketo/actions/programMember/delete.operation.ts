import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import type { ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import { programLocator, readProgramId } from '../common/programLocator';
import { leadIdProperty } from '../lead/common';
import { writeMembers } from './common';

const properties: INodeProperties[] = [
	programLocator('The program to remove the member from'),
	leadIdProperty('The Marketo ID of the lead to remove from the program (the lead itself stays)'),
];

export const description = forOperation('programMember', 'delete', properties);

/** Removes leads from a program, 300 per call; a lead that is not a member is that item's error. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await writeMembers(
		this,
		items,
		(itemIndex) => ({
			programId: readProgramId(this, itemIndex),
			leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
		}),
		{
			record: ({ leadId }) => ({ leadId }),
			buildRequest: ({ programId }, input) => ({ method: 'POST', path: `/rest/v1/programs/${programId}/members/delete.json`, body: { input } }),
			successStatuses: ['deleted'],
			describe: ({ programId }) => ({ programId }),
		},
	);
}
