import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import { ItemInputError, type ItemOutcome } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import { marketoApiRequestRaw } from '../../transport';
import { leadIdProperty } from './common';

// Munchkin's _mkto_trk cookie: "id:123-ABC-456&token:_mch-example.com-1700000000000-12345".
const MUNCHKIN_COOKIE = /^id:\d{3}-[A-Z]{3}-\d{3}&token:_mch-[^\s&]+$/i;

const properties: INodeProperties[] = [
	leadIdProperty('The Marketo ID of the known lead to link the anonymous web activity to'),
	{
		displayName: 'Munchkin Cookie',
		name: 'cookie',
		type: 'string',
		required: true,
		default: '',
		description:
			"Value of the visitor's _mkto_trk cookie, set by the Munchkin tracking script (it starts with your Munchkin ID and contains &token:_mch-)",
	},
];

export const description = forOperation('lead', 'associate', properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await eachItem(
		this,
		items,
		(itemIndex) => {
			const cookie = String(this.getNodeParameter('cookie', itemIndex)).trim();
			if (!MUNCHKIN_COOKIE.test(cookie)) {
				throw new ItemInputError(itemIndex, 'Munchkin Cookie', `"${cookie}" is not a _mkto_trk value (id:123-ABC-456&token:_mch-…)`);
			}
			return { leadId: parseMarketoId(itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex)), cookie };
		},
		async ({ leadId, cookie }) => {
			await marketoApiRequestRaw(this, {
				method: 'POST',
				path: `/rest/v1/leads/${leadId}/associate.json`,
				qs: { cookie },
				idempotent: true,
			});
			return [{ id: leadId, cookie, status: 'associated' }];
		},
	);
}
