import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import type { ItemOutcome } from '../../helpers/outcomes';
import { completedJob } from './exportJob';
import { readExportTarget } from './exportKinds';
import { outputOfJob } from './extractRun';
import { itemByItem } from '../../helpers/eachItem';
import type { WaitSettings } from '../../helpers/bulkWait';
import { exportIdProperty, readExportId, readResultSettings, resultProperties, targetProperties } from './properties';

export const description = forOperation('bulkExtract', 'download', [
	...targetProperties,
	exportIdProperty,
	...resultProperties(false),
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	return await itemByItem(
		this,
		items,
		(itemIndex) => ({ target: readExportTarget(this, itemIndex), exportId: readExportId(this, itemIndex), settings: readResultSettings(this, itemIndex) }),
		// A job still running is waited for; a Completed one is downloaded at once.
		async ({ target, exportId, settings }, itemIndex) =>
			await outputOfJob(this, itemIndex, target, await completedJob(this, target, exportId, settings.wait as WaitSettings), settings),
	);
}
