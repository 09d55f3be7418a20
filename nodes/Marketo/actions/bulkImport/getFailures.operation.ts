import { readRowProblems } from './importJob';
import { batchOperation } from './batchJob';

/** The rows Marketo could not import, one item each: `{ batchId, problem: 'failure', reason, row }`. */
export const { description, execute } = batchOperation('getFailures', 'failed rows to get', async (ctx, target, batchId) => await readRowProblems(ctx, target, batchId, 'failures'));
