import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeInBatches } from '../../helpers/batchWrite';
import { forOperation } from '../../helpers/displayOptions';
import { lookupByKey } from '../../helpers/lostWriteLookup';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { requirePresent, type Scalar } from '../../helpers/validation';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { groupBy, readInputs } from '../inputs';
import type { MarketoOperation } from '../operation';
import { objectRecordProperties, readObjectRecord, withoutSeq } from './objectFields';
import { idFieldLabel, type ObjectKind } from './objectKinds';
import { basePathFor, cachedDescribe } from './objectTarget';

interface SyncInput {
	basePath: string;
	action: string;
	dedupeBy: string;
	record: Record<string, Scalar>;
}

const SYNC_ACTIONS = [
	{ name: 'Create Only', value: 'createOnly', description: 'Create the record; skip it if one with the same key exists' },
	{ name: 'Create or Update', value: 'createOrUpdate', description: 'Update the record with the same key, or create it' },
	{ name: 'Update Only', value: 'updateOnly', description: 'Update the record with the same key; skip it if none exists' },
];

const dedupeFieldsText = (kind: ObjectKind) => kind.dedupeFields?.join(' + ') ?? "the type's dedupe fields (see Describe)";

function properties(kind: ObjectKind): INodeProperties[] {
	return [
		...kind.leadingProperties,
		{
			displayName: 'Action',
			name: 'action',
			type: 'options',
			options: SYNC_ACTIONS,
			default: 'createOrUpdate',
		},
		{
			displayName: 'Dedupe By',
			name: 'dedupeBy',
			type: 'options',
			options: [
				{ name: 'Dedupe Fields', value: 'dedupeFields', description: `Match records on ${dedupeFieldsText(kind)}` },
				{ name: 'ID Field', value: 'idField', description: `Match records on ${kind.idField} (${idFieldLabel(kind)}); Update Only` },
			],
			default: 'dedupeFields',
			description: 'Which key finds the existing record. Every record must carry it.',
		},
		...objectRecordProperties(kind),
	];
}

function readSyncInput(ctx: IExecuteFunctions, kind: ObjectKind, item: INodeExecutionData, itemIndex: number): SyncInput {
	const basePath = basePathFor(ctx, kind, itemIndex);
	const action = String(ctx.getNodeParameter('action', itemIndex));
	const dedupeBy = String(ctx.getNodeParameter('dedupeBy', itemIndex, 'dedupeFields'));
	if (dedupeBy === 'idField' && action !== 'updateOnly') {
		throw new ItemInputError(itemIndex, 'Dedupe By', `"ID Field" works only with Action "Update Only": Marketo assigns ${kind.idField} itself`);
	}
	const record = readObjectRecord(ctx, item, itemIndex);
	const keys = dedupeBy === 'idField' ? [kind.idField] : (kind.dedupeFields ?? []);
	for (const key of keys) requirePresent(itemIndex, key, record[key], `Marketo matches ${kind.pluralName} on ${keys.join(' + ')}`);
	return { basePath, action, dedupeBy, record };
}

/**
 * A lost Create Only answer is settled by looking the records up by their dedupe field (custom
 * objects: from describe, cached). A compound key can't be looked up: such items stay unknown.
 */
function lostAnswerLookup(ctx: IExecuteFunctions, kind: ObjectKind, basePath: string, action: string, dedupeBy: string) {
	if (action !== 'createOnly' || dedupeBy !== 'dedupeFields' || (kind.dedupeFields?.length ?? 1) !== 1) return undefined;
	return lookupByKey<Record<string, Scalar>>(ctx, {
		path: `${basePath}.json`,
		idField: kind.idField,
		by: kind.dedupeFields?.[0] ?? 'its dedupe field',
		keyFields: async () => kind.dedupeFields ?? (await cachedDescribe(ctx, basePath)).dedupeFields ?? [],
	});
}

/** Create or Update: records of all items, 300 per call, each result mapped back to its item. */
export function upsertOperation(kind: ObjectKind): MarketoOperation {
	return {
		description: forOperation(kind.resource, 'upsert', properties(kind)),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			const { inputs, invalid } = readInputs(this, items, (itemIndex) => readSyncInput(this, kind, items[itemIndex], itemIndex));
			const outcomes = [...invalid];
			for (const group of groupBy(inputs, ({ input }) => `${input.basePath}|${input.action}|${input.dedupeBy}`)) {
				const { basePath, action, dedupeBy } = group[0].input;
				const written = await writeInBatches(
					this,
					group.map(({ itemIndex, input }) => ({ itemIndex, record: input.record })),
					{
						maxRecords: LEAD_DATABASE_BATCH_LIMIT,
						buildRequest: (input) => ({
							method: 'POST',
							path: `${basePath}.json`,
							body: { action, dedupeBy, input },
							// Repeating an update or upsert by key ends in the same state; a repeated createOnly would be skipped.
							idempotent: action !== 'createOnly',
						}),
						successStatuses: ['created', 'updated'],
						reconcile: lostAnswerLookup(this, kind, basePath, action, dedupeBy),
					},
				);
				outcomes.push(...written.map(withoutSeq));
			}
			return outcomes;
		},
	};
}
