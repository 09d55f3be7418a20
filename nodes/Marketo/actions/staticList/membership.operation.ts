import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { writeInBatches } from '../../helpers/batchWrite';
import { forOperation } from '../../helpers/displayOptions';
import type { ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import type { MarketoRequest } from '../../transport';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { groupBy, readInputs } from '../inputs';
import { leadIdProperty } from '../lead/common';
import type { MarketoOperation } from '../operation';
import { STATIC_LIST } from './common';
import { oncePerLead, readRecordId, recordLocator } from './recordOperations';

/**
 * Add, remove and check membership differ only by method, path and what the status means. All three
 * take the lead ids once, as the `id` query parameter, the form Marketo's List Membership page shows
 * for each (the official file also requires a JSON body on the DELETE; the contract check relaxes
 * that), 300 per call, and answer one status per lead: any status but the operation's own
 * (`skipped`, or one it does not know) is that item's error.
 */
export const MEMBERSHIP_OPERATIONS = [
	{
		operation: 'addLeads',
		name: 'Add Leads',
		action: 'Add leads to a static list',
		description: 'Add leads to a static list; the leads of all items go together, 300 per call',
		leadDescription: 'The Marketo ID of the lead to add to the list',
		method: 'POST',
		path: 'leads.json',
		successStatuses: ['added'],
	},
	{
		operation: 'isMember',
		name: 'Is Member',
		action: 'Check whether leads are in a static list',
		description: 'Check whether leads are members of a static list (isMember true or false), 300 per call',
		leadDescription: 'The Marketo ID of the lead to check',
		method: 'GET',
		path: 'leads/ismember.json',
		successStatuses: ['memberof', 'notmemberof'],
	},
	{
		operation: 'removeLeads',
		name: 'Remove Leads',
		action: 'Remove leads from a static list',
		description: 'Remove leads from a static list; a lead that is not in the list fails its item, 300 per call',
		leadDescription: 'The Marketo ID of the lead to remove from the list',
		method: 'DELETE',
		path: 'leads.json',
		successStatuses: ['removed'],
	},
] as const;

type Membership = (typeof MEMBERSHIP_OPERATIONS)[number];

function asOutput(listId: number, record: IDataObject): IDataObject {
	const { id, status, ...rest } = record;
	const member = status === 'memberof' ? { isMember: true } : status === 'notmemberof' ? { isMember: false } : {};
	return { listId, leadId: id, status, ...member, ...rest };
}

function membershipOperation({ operation, method, path, leadDescription, successStatuses }: Membership): MarketoOperation {
	return {
		description: forOperation('staticList', operation, [recordLocator(STATIC_LIST, 'The static list to work on'), leadIdProperty(leadDescription)]),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			const { inputs, invalid } = readInputs(this, items, (itemIndex) => ({
				listId: readRecordId(this, itemIndex, STATIC_LIST),
				leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)),
			}));
			const outcomes = [...invalid];
			for (const group of groupBy(inputs, ({ input }) => String(input.listId))) {
				const { listId } = group[0].input;
				const buildRequest = (ids: number[]): MarketoRequest => ({
					method,
					path: `/rest/v1/lists/${listId}/${path}`,
					qs: { id: ids },
					// Adding a member twice or removing it twice ends in the same list.
					idempotent: true,
				});
				const entries = group.map(({ itemIndex, input }) => ({ itemIndex, leadId: input.leadId }));
				const written = await oncePerLead(entries, async (unique) =>
					await writeInBatches(this, unique, { maxRecords: LEAD_DATABASE_BATCH_LIMIT, buildRequest, successStatuses }),
				);
				outcomes.push(
					...written.map((outcome) => ('records' in outcome ? { ...outcome, records: outcome.records.map((record) => asOutput(listId, record)) } : outcome)),
				);
			}
			return outcomes;
		},
	};
}

export const membershipOperations: Record<string, MarketoOperation> = Object.fromEntries(
	MEMBERSHIP_OPERATIONS.map((membership) => [membership.operation, membershipOperation(membership)]),
);
