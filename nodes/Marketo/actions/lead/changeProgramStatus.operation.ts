import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeInBatches } from '../../helpers/batchWrite';
import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { groupBy, readInputs } from '../inputs';
import { leadIdProperty } from './common';

const properties: INodeProperties[] = [
	leadIdProperty('The Marketo ID of the lead whose status changes'),
	{
		displayName: 'Program ID',
		name: 'programId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1107',
		description: 'ID of the program (the digits after PG in the program\'s Marketo URL)',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Registered',
		description: "A progression status of the program's channel, e.g. Registered, Attended",
	},
];

export const description = forOperation('lead', 'changeProgramStatus', properties);

/** Leads that share a program and status go together, 300 per call. Setting a status twice is harmless. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex) => {
		const status = String(this.getNodeParameter('status', itemIndex)).trim();
		if (!status) throw new ItemInputError(itemIndex, 'Status', 'is empty; enter a status of the program\'s channel');
		return {
			leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
			programId: parseMarketoId(itemIndex, 'Program ID', this.getNodeParameter('programId', itemIndex)),
			status,
		};
	});
	const outcomes = [...invalid];
	for (const group of groupBy(inputs, ({ input }) => `${input.programId}|${input.status}`)) {
		const { programId, status } = group[0].input;
		const entries = group.map(({ itemIndex, input }) => ({ itemIndex, record: { id: input.leadId } }));
		outcomes.push(
			...(await writeInBatches(this, entries, {
				maxRecords: LEAD_DATABASE_BATCH_LIMIT,
				buildRequest: (input) => ({
					method: 'POST',
					path: `/rest/v1/leads/programs/${programId}/status.json`,
					body: { status, input },
					idempotent: true,
				}),
			})),
		);
	}
	return outcomes;
}
