import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeInBatches } from '../../helpers/batchWrite';
import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { assertScalarFields, parseMarketoId, requirePresent, type Scalar } from '../../helpers/validation';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { groupBy, readInputs } from '../inputs';
import type { MarketoOperation } from '../operation';
import { describedOptions, withoutSeq } from './objectFields';
import { idFieldLabel, type ObjectKind } from './objectKinds';
import { basePathFor } from './objectTarget';

interface DeleteInput {
	basePath: string;
	deleteBy: string;
	key: Record<string, Scalar>;
}

function properties(kind: ObjectKind): INodeProperties[] {
	return [
		...kind.leadingProperties,
		{
			displayName: 'Delete By',
			name: 'deleteBy',
			type: 'options',
			options: [
				{ name: 'Dedupe Fields', value: 'dedupeFields', description: `Find the record by ${kind.dedupeFields?.join(' + ') ?? "the type's dedupe fields"}` },
				{ name: 'ID Field', value: 'idField', description: `Find the record by ${kind.idField} (${idFieldLabel(kind)})` },
			],
			default: 'dedupeFields',
		},
		{
			displayName: idFieldLabel(kind),
			name: 'recordId',
			type: 'string',
			required: true,
			default: '',
			description: `The ${kind.idField} of the ${kind.displayName} to delete`,
			displayOptions: { show: { deleteBy: ['idField'] } },
		},
		{
			displayName: 'Dedupe Field Values',
			name: 'keyFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Dedupe Field',
			default: {},
			description: `The values of ${kind.dedupeFields?.join(' + ') ?? "the type's dedupe fields"} that identify the record`,
			displayOptions: { show: { deleteBy: ['dedupeFields'] } },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'name',
							type: 'options',
							typeOptions: describedOptions(kind, 'getObjectDedupeFields'),
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
	];
}

function readIdKey(ctx: IExecuteFunctions, kind: ObjectKind, itemIndex: number): Record<string, Scalar> {
	const raw = ctx.getNodeParameter('recordId', itemIndex, '');
	if (kind.idField === 'id') return { id: parseMarketoId(itemIndex, idFieldLabel(kind), raw) };
	requirePresent(itemIndex, idFieldLabel(kind), raw, `enter the ${kind.idField} of the record to delete`);
	return { marketoGUID: String(raw).trim() };
}

function readDedupeKey(ctx: IExecuteFunctions, kind: ObjectKind, itemIndex: number): Record<string, Scalar> {
	const rows = (ctx.getNodeParameter('keyFields.field', itemIndex, []) as Array<{ name: string; value: unknown }>) ?? [];
	const key = assertScalarFields(itemIndex, Object.fromEntries(rows.map((row) => [row.name, row.value])) as Record<string, Scalar>);
	const expected = kind.dedupeFields;
	if (Object.keys(key).length === 0 || Object.keys(key).includes('')) {
		throw new ItemInputError(itemIndex, 'Dedupe Field Values', `needs a field name and value for ${expected?.join(' + ') ?? 'each dedupe field'}`);
	}
	if (expected) {
		// Marketo wants exactly the key's members in each delete record.
		const extra = Object.keys(key).find((name) => !expected.includes(name));
		if (extra) throw new ItemInputError(itemIndex, 'Dedupe Field Values', `"${extra}" is not a dedupe field of ${kind.pluralName} (${expected.join(' + ')})`);
		for (const name of expected) requirePresent(itemIndex, name, key[name], `Marketo finds ${kind.pluralName} to delete by ${expected.join(' + ')}`);
	}
	return key;
}

/** Delete: keys of all items, 300 per call, each result mapped back to its item. */
export function deleteOperation(kind: ObjectKind): MarketoOperation {
	return {
		description: forOperation(kind.resource, 'delete', properties(kind)),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			const { inputs, invalid } = readInputs(this, items, (itemIndex): DeleteInput => {
				const basePath = basePathFor(this, kind, itemIndex);
				const deleteBy = String(this.getNodeParameter('deleteBy', itemIndex, 'dedupeFields'));
				const key = deleteBy === 'idField' ? readIdKey(this, kind, itemIndex) : readDedupeKey(this, kind, itemIndex);
				return { basePath, deleteBy, key };
			});
			const outcomes = [...invalid];
			for (const group of groupBy(inputs, ({ input }) => `${input.basePath}|${input.deleteBy}`)) {
				const { basePath, deleteBy } = group[0].input;
				const deleted = await writeInBatches(
					this,
					group.map(({ itemIndex, input }) => ({ itemIndex, record: input.key })),
					{
						maxRecords: LEAD_DATABASE_BATCH_LIMIT,
						buildRequest: (input) => ({ method: 'POST', path: `${basePath}/delete.json`, body: { deleteBy, input } }),
						successStatuses: ['deleted'],
					},
				);
				outcomes.push(...deleted.map(withoutSeq));
			}
			return outcomes;
		},
	};
}
