import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeInBatches } from '../../helpers/batchWrite';
import { forOperation } from '../../helpers/displayOptions';
import { lookupByKey } from '../../helpers/lostWriteLookup';
import type { ItemOutcome } from '../../helpers/outcomes';
import { assertEmailShape, requirePresent, type Scalar } from '../../helpers/validation';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { groupBy, readInputs } from '../inputs';
import { leadRecordProperties, lookupFieldOption, partitionNameOption, readLeadRecord } from './leadRecord';

const SYNC_ACTIONS = [
	{ name: 'Create or Update', value: 'createOrUpdate', description: 'Update the lead that matches the lookup field, or create it' },
	{ name: 'Create Only', value: 'createOnly', description: 'Create the lead; skip it if one already matches the lookup field' },
	{ name: 'Update Only', value: 'updateOnly', description: 'Update the lead that matches the lookup field; skip it if none does' },
	{ name: 'Create Duplicate', value: 'createDuplicate', description: 'Always create a new lead, even if one matches' },
];

// Repeating these after a lost answer gives the same end state; the other actions could create twice.
const REPEATABLE_ACTIONS = new Set(['createOrUpdate', 'updateOnly']);

/** What Marketo answers for a Create Only lead whose lookup field matches one. */
const LEAD_ALREADY_EXISTS = { code: '1005', message: 'Lead already exists' };

/**
 * A lost Create Only answer is settled by looking the leads up by the lookup field. Not with a
 * partition named: the lookup can't be held to it, and a lead of another partition would be misread.
 */
function lostAnswerLookup(ctx: IExecuteFunctions, action: string, lookupField: string, partitionName: string) {
	if (action !== 'createOnly' || partitionName) return undefined;
	return lookupByKey<Record<string, Scalar>>(ctx, {
		path: '/rest/v1/leads.json',
		idField: 'id',
		by: lookupField,
		keyFields: () => [lookupField],
		alreadyExists: LEAD_ALREADY_EXISTS,
	});
}

const properties: INodeProperties[] = [
	{
		displayName: 'Action',
		name: 'action',
		type: 'options',
		options: SYNC_ACTIONS,
		default: 'createOrUpdate',
	},
	...leadRecordProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			lookupFieldOption,
			partitionNameOption,
		],
	},
];

export const description = forOperation('lead', 'upsert', properties);

interface SyncInput {
	action: string;
	lookupField: string;
	partitionName: string;
	record: Record<string, Scalar>;
}

function readSyncInput(ctx: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): SyncInput {
	const action = String(ctx.getNodeParameter('action', itemIndex));
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const lookupField = String(options.lookupField || 'email');
	const record = readLeadRecord(ctx, item, itemIndex);
	if (action !== 'createDuplicate') {
		requirePresent(itemIndex, lookupField, record[lookupField], `Marketo matches leads on the lookup field "${lookupField}"`);
	}
	for (const [field, value] of Object.entries(record)) {
		if (field.toLowerCase() === 'email') assertEmailShape(itemIndex, field, value);
	}
	return { action, lookupField, partitionName: String(options.partitionName ?? ''), record };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex) => readSyncInput(this, items[itemIndex], itemIndex));
	const outcomes = [...invalid];
	for (const group of groupBy(inputs, ({ input }) => `${input.action}|${input.lookupField}|${input.partitionName}`)) {
		const { action, lookupField, partitionName } = group[0].input;
		const entries = group.map(({ itemIndex, input }) => ({ itemIndex, record: input.record }));
		outcomes.push(
			...(await writeInBatches(this, entries, {
				maxRecords: LEAD_DATABASE_BATCH_LIMIT,
				buildRequest: (input) => ({
					method: 'POST',
					path: '/rest/v1/leads.json',
					body: { action, lookupField, ...(partitionName ? { partitionName } : {}), input },
					idempotent: REPEATABLE_ACTIONS.has(action),
				}),
				successStatuses: ['created', 'updated'],
				reconcile: lostAnswerLookup(this, action, lookupField, partitionName),
			})),
		);
	}
	return outcomes;
}
