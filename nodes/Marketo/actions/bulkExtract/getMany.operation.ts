import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import { rawRequester } from '../../transport';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { collectPages, pagesByToken } from '../../transport/paging';
import type { ExportJob } from './exportJob';
import { readExportTarget } from './exportKinds';
import { targetProperties } from './properties';

const STATUSES = ['created', 'queued', 'processing', 'completed', 'failed', 'cancelled'];

/** Marketo writes Cancelled, its OpenAPI file Canceled. */
const spelledOneWay = (status: string) => status.toLowerCase().replace('canceled', 'cancelled');

export const description = forOperation('bulkExtract', 'getMany', [
	...targetProperties,
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: STATUSES.map((status) => ({ name: status[0].toUpperCase() + status.slice(1), value: status })),
		default: [],
		description: 'Only jobs in these statuses (all when empty). Marketo lists the jobs of the last 7 days; queued and processing ones count against its queue of 10.',
	},
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await eachItem(
		this,
		items,
		(itemIndex) => ({ target: readExportTarget(this, itemIndex), statuses: this.getNodeParameter('statuses', itemIndex, []) as string[] }),
		async ({ target, statuses }) => {
			// The official file declares `status` as a list whose only values are single strings, which no
			// request can satisfy; the jobs of 7 days are few, so the filter is applied here instead.
			const jobs = await collectPages(
				pagesByToken<ExportJob>(rawRequester(this), { method: 'GET', path: `${target.basePath}.json`, qs: { batchSize: LEAD_DATABASE_BATCH_LIMIT } }),
			);
			const wanted = new Set(statuses.map(spelledOneWay));
			return wanted.size === 0 ? jobs : jobs.filter((job) => wanted.has(spelledOneWay(job.status)));
		},
	);
}
