import { readImportStatus } from './importJob';
import { batchOperation } from './batchJob';

/** The batch's status: Queued, Importing, Complete or Failed, with Marketo's row counts and message. */
export const { description, execute } = batchOperation('getStatus', 'status to get', async (ctx, target, batchId) => [await readImportStatus(ctx, target, batchId)]);
