import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, succeeded, type ItemOutcome } from '../../helpers/outcomes';
import { readLimit, returnAllOrLimit } from '../../helpers/pagingProperties';
import { lookupRecords, recordLookupOutcome } from '../../helpers/recordLookup';
import { splitValues } from '../../helpers/validation';
import { programLocator, readProgramId } from '../common/programLocator';
import { groupBy, readInputs } from '../inputs';
import { readFields } from '../lead/common';

/** What Marketo returns when Fields to Return is empty. */
const DEFAULT_MEMBER_FIELDS = ['leadId', 'programId', 'statusName', 'reachedSuccess', 'acquiredBy', 'membershipDate'];

const properties: INodeProperties[] = [
	programLocator('The program whose members to get'),
	{
		displayName: 'Filter Type Name or ID',
		name: 'filterType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProgramMemberFilterTypes' },
		required: true,
		default: 'leadId',
		description:
			'The program member field to match on, e.g. Lead ID or Status Name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Filter Values',
		name: 'filterValues',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Registered, Attended',
		description: 'Values to match, separated by commas. Values from many items are sent together, 300 per call.',
	},
	...returnAllOrLimit,
	{
		displayName: 'Fields to Return Names or IDs',
		name: 'fields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getProgramMemberFields' },
		default: [],
		description:
			'Program member fields to return. Leave empty for lead ID, program ID, status, success, acquisition and membership date. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = forOperation('programMember', 'getMany', properties);

const withoutSeq = (record: IDataObject): IDataObject => Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'seq'));

/** Members of a program whose field matches the item's values; values of items with the same program and filter are pooled. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex) => {
		const values = splitValues(this.getNodeParameter('filterValues', itemIndex));
		if (values.length === 0) throw new ItemInputError(itemIndex, 'Filter Values', 'is empty; enter at least one value to match');
		const filterType = String(this.getNodeParameter('filterType', itemIndex) ?? '').trim();
		if (!filterType) throw new ItemInputError(itemIndex, 'Filter Type Name or ID', 'is empty; choose a program member field to match on');
		return {
			programId: readProgramId(this, itemIndex),
			filterType,
			fields: readFields(this.getNodeParameter('fields', itemIndex, [])),
			values,
			limit: readLimit(this, itemIndex),
		};
	});
	const outcomes = [...invalid];
	for (const group of groupBy(inputs, ({ input }) => `${input.programId}|${input.filterType}|${input.fields.join(',')}`)) {
		const { programId, filterType, fields } = group[0].input;
		const spec = {
			path: `/rest/v1/programs/${programId}/members.json`,
			filterType,
			fields: fields.length > 0 ? fields : DEFAULT_MEMBER_FIELDS,
			idField: 'leadId',
		};
		const found = await lookupRecords(this, spec, group.map(({ itemIndex, input }) => ({ itemIndex, values: input.values, limit: input.limit })));
		for (const { itemIndex } of group) {
			const outcome = recordLookupOutcome(found, itemIndex);
			outcomes.push('records' in outcome ? succeeded(itemIndex, ...outcome.records.map(withoutSeq)) : outcome);
		}
	}
	return outcomes;
}
