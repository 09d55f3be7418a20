import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeInBatches } from '../../helpers/batchWrite';
import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { groupBy, readInputs } from '../inputs';
import { programLocator, programStatusProperty, readProgramId } from '../common/programLocator';
import { leadIdProperty } from './common';

const properties: INodeProperties[] = [
	leadIdProperty('The Marketo ID of the lead whose status changes'),
	programLocator('The program whose status to set'),
	programStatusProperty,
];

export const description = forOperation('lead', 'changeProgramStatus', properties);

/** Leads that share a program and status go together, 300 per call. Setting a status twice is harmless. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex) => {
		const status = String(this.getNodeParameter('statusName', itemIndex, '') ?? '').trim();
		if (!status) throw new ItemInputError(itemIndex, 'Status', "is empty; choose a status of the program's channel");
		return {
			leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
			programId: readProgramId(this, itemIndex),
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
				// Adobe's docs show no answer for this endpoint and its file calls the status "Program
				// status of the record" (possibly the status name): only a refusal is an error.
				successStatuses: { anyBut: ['skipped', 'failed'] },
			})),
		);
	}
	return outcomes;
}
