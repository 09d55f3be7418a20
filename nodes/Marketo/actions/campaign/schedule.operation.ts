import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { marketoApiRequestRaw } from '../../transport';
import { readRecordId, recordLocator } from '../staticList/recordOperations';
import { CAMPAIGN } from './common';
import { readTokens, tokensProperty } from './tokens';

const properties: INodeProperties[] = [
	recordLocator(CAMPAIGN, 'The batch campaign to schedule'),
	tokensProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Clone to Program Name',
				name: 'cloneToProgramName',
				type: 'string',
				default: '',
				description:
					'Clone the parent program under this new name and schedule the cloned campaign instead. Marketo allows 20 such calls a day; programs with static lists, snippets or reports cannot be cloned this way.',
			},
			{
				displayName: 'Run At',
				name: 'runAt',
				type: 'dateTime',
				default: '',
				description: 'When the campaign runs; Marketo runs it five minutes after the call when empty',
			},
		],
	},
];

export const description = forOperation('campaign', 'schedule', properties);

function readRunAt(itemIndex: number, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const at = new Date(String(value));
	if (Number.isNaN(at.getTime())) throw new ItemInputError(itemIndex, 'Run At', `"${String(value)}" is not a date and time`);
	return at.toISOString();
}

/** One call per item: each schedule is its own run. Not idempotent: scheduling twice runs the campaign twice. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await eachItem(
		this,
		items,
		(itemIndex) => {
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const runAt = readRunAt(itemIndex, options.runAt);
			const cloneToProgramName = String(options.cloneToProgramName ?? '').trim();
			const tokens = readTokens(this, itemIndex);
			return {
				campaignId: readRecordId(this, itemIndex, CAMPAIGN),
				input: {
					...(runAt ? { runAt } : {}),
					...(cloneToProgramName ? { cloneToProgramName } : {}),
					...(tokens.length > 0 ? { tokens } : {}),
				},
			};
		},
		async ({ campaignId, input }) => {
			await marketoApiRequestRaw(this, { method: 'POST', path: `/rest/v1/campaigns/${campaignId}/schedule.json`, body: { input } });
			const { tokens, ...when } = input;
			return [{ campaignId, status: 'scheduled', ...when, ...(tokens ? { tokens } : {}) }];
		},
	);
}
