import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forOperation } from '../../helpers/displayOptions';
import { eachItem } from '../../helpers/eachItem';
import type { ItemOutcome } from '../../helpers/outcomes';
import type { MarketoOperation } from '../operation';
import type { ExportJob } from './exportJob';
import { readExportTarget, type ExportTarget } from './exportKinds';
import { exportIdProperty, readExportId, targetProperties } from './properties';

/** Get Status and Cancel share one shape: the kind, an export ID, one call per item, the job as output. */
export function jobAction(operation: string, call: (ctx: IExecuteFunctions, target: ExportTarget, exportId: string) => Promise<ExportJob>): MarketoOperation {
	return {
		description: forOperation('bulkExtract', operation, [...targetProperties, exportIdProperty]),
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
			return await eachItem(
				this,
				items,
				(itemIndex) => ({ target: readExportTarget(this, itemIndex), exportId: readExportId(this, itemIndex) }),
				async ({ target, exportId }) => [await call(this, target, exportId)],
			);
		},
	};
}
