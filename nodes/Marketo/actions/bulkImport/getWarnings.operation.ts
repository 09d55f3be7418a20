import { readRowProblems } from './importJob';
import { batchOperation } from './batchJob';

/** The rows Marketo imported with a warning, one item each: `{ batchId, problem: 'warning', reason, row }`. */
export const { description, execute } = batchOperation('getWarnings', 'rows with warnings to get', async (ctx, target, batchId) => await readRowProblems(ctx, target, batchId, 'warnings'));
