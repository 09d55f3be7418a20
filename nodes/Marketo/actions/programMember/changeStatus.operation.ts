import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import type { ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId, requirePresent } from '../../helpers/validation';
import { programLocator, programStatusProperty, readProgramId } from '../common/programLocator';
import { leadIdProperty } from '../lead/common';
import { writeMembers } from './common';

const STATUS_FIELD = programStatusProperty.displayName;

const properties: INodeProperties[] = [
	programLocator('The program whose member status changes'),
	leadIdProperty('The Marketo ID of the lead; a lead that is not a member yet joins the program'),
	programStatusProperty,
];

export const description = forOperation('programMember', 'changeStatus', properties);

/** Leads that share a program and status go together, 300 per call. Setting a status twice is harmless, so a lost answer is repeated. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await writeMembers(
		this,
		items,
		(itemIndex) => {
			const statusName = String(this.getNodeParameter('statusName', itemIndex, '') ?? '').trim();
			requirePresent(itemIndex, STATUS_FIELD, statusName, "choose a status of the program's channel");
			return {
				programId: readProgramId(this, itemIndex),
				leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
				statusName,
			};
		},
		{
			sharedKey: ({ statusName }) => statusName,
			record: ({ leadId }) => ({ leadId }),
			buildRequest: ({ programId, statusName }, input) => ({
				method: 'POST',
				path: `/rest/v1/programs/${programId}/members/status.json`,
				body: { statusName, input },
				idempotent: true,
			}),
			// The official file lists `updated`; real answers say `created` for a lead that joins the program.
			successStatuses: ['updated', 'created'],
			describe: ({ programId, statusName }) => ({ programId, statusName }),
		},
	);
}
