import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeInBatches } from '../../helpers/batchWrite';
import { forOperation } from '../../helpers/displayOptions';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { assertEmailShape, requirePresent } from '../../helpers/validation';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { groupBy, readInputs } from '../inputs';
import { leadRecordProperties, lookupFieldOption, partitionNameOption, readLeadRecord } from './leadRecord';

const properties: INodeProperties[] = [
	{
		displayName: 'Program Name',
		name: 'programName',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the program the leads become members of (acquisition program)',
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
			{ displayName: 'Program Status', name: 'programStatus', type: 'string', default: '', description: 'Status the leads get in the program, e.g. "Registered"' },
			{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Shown in the "Push Lead to Marketo" activity' },
			{ displayName: 'Source', name: 'source', type: 'string', default: '', description: 'Shown in the "Push Lead to Marketo" activity' },
		],
	},
];

export const description = forOperation('lead', 'push', properties);

const SETTINGS = ['lookupField', 'partitionName', 'programStatus', 'reason', 'source'];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(this, items, (itemIndex) => {
		const programName = String(this.getNodeParameter('programName', itemIndex)).trim();
		if (!programName) throw new ItemInputError(itemIndex, 'Program Name', 'is empty; enter the name of a Marketo program');
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const settings = Object.fromEntries(SETTINGS.filter((key) => options[key]).map((key) => [key, String(options[key])]));
		const record = readLeadRecord(this, items[itemIndex], itemIndex);
		const lookupField = settings.lookupField ?? 'email';
		requirePresent(itemIndex, lookupField, record[lookupField], `Marketo matches leads on the lookup field "${lookupField}"`);
		if (record.email !== undefined) assertEmailShape(itemIndex, 'email', record.email);
		return { settings: { programName, ...settings }, record };
	});
	const outcomes = [...invalid];
	for (const group of groupBy(inputs, ({ input }) => JSON.stringify(input.settings))) {
		const { settings } = group[0].input;
		const entries = group.map(({ itemIndex, input }) => ({ itemIndex, record: input.record }));
		outcomes.push(
			...(await writeInBatches(this, entries, {
				maxRecords: LEAD_DATABASE_BATCH_LIMIT,
				buildRequest: (input) => ({ method: 'POST', path: '/rest/v1/leads/push.json', body: { ...settings, input } }),
				successStatuses: ['created', 'updated'],
			})),
		);
	}
	return outcomes;
}
