import { marketoApiRequestRaw, transportClock, type MarketoContext, type MarketoRequest } from '../transport';
import { chunkForEndpoint } from '../transport/batch';
import { OutcomeUnknownError, PayloadTooLargeError } from '../transport/errors';
import { failed, RecordRejectedError, succeeded, type BatchEntry, type ItemOutcome } from './outcomes';
import { MAX_RESENDS, reconcileLostWrite, type LostWriteLookup } from './reconcileLostWrite';
import { readRecordResult, type RecordResult, type SuccessStatuses } from './recordResult';

export interface BatchWriteSpec<R> {
	/** Marketo's per-call record limit for the endpoint (300 for the Lead Database). */
	maxRecords: number;
	buildRequest(records: R[]): MarketoRequest;
	/** The statuses the endpoint documents for a record it performed; any other status is the item's error. */
	successStatuses: SuccessStatuses;
	/** How a create-only write finds its records when its answer is lost; without it such items fail as unknown. */
	reconcile?: LostWriteLookup<R>;
}

function outcomeOf<R>(entry: BatchEntry<R>, result: RecordResult | undefined, successStatuses: SuccessStatuses): ItemOutcome {
	const verdict = readRecordResult(entry.itemIndex, result, successStatuses);
	return verdict instanceof RecordRejectedError ? failed(entry.itemIndex, verdict) : succeeded(entry.itemIndex, verdict);
}

async function sendBatch<R>(ctx: MarketoContext, entries: Array<BatchEntry<R>>, spec: BatchWriteSpec<R>, resendsLeft = MAX_RESENDS): Promise<ItemOutcome[]> {
	let results: RecordResult[];
	try {
		const response = await marketoApiRequestRaw(ctx, spec.buildRequest(entries.map((entry) => entry.record)));
		results = (response.result ?? []) as RecordResult[];
	} catch (error) {
		// Our size estimate missed (413 means nothing was executed): halve and send again.
		if (error instanceof PayloadTooLargeError && entries.length > 1) {
			const half = Math.ceil(entries.length / 2);
			const [first, second] = await Promise.all([
				sendBatch(ctx, entries.slice(0, half), spec, resendsLeft),
				sendBatch(ctx, entries.slice(half), spec, resendsLeft),
			]);
			return [...first, ...second];
		}
		if (error instanceof OutcomeUnknownError && spec.reconcile) {
			const resend = resendsLeft > 0 ? async (again: Array<BatchEntry<R>>) => await sendBatch(ctx, again, spec, resendsLeft - 1) : undefined;
			return await reconcileLostWrite({ entries, lost: error, lookup: spec.reconcile, clock: transportClock, resend });
		}
		return entries.map((entry) => failed(entry.itemIndex, error as Error));
	}
	return entries.map((entry, position) => outcomeOf(entry, results[position], spec.successStatuses));
}

/**
 * The one shape of every batch write: chunk the items' records by the endpoint's limit and the
 * 1 MB body limit, send the chunks (the throttle decides how many fly at once), and map each
 * result back to the item it came from.
 */
export async function writeInBatches<R>(
	ctx: MarketoContext,
	entries: Array<BatchEntry<R>>,
	spec: BatchWriteSpec<R>,
): Promise<ItemOutcome[]> {
	const chunks = chunkForEndpoint(
		entries.map((entry) => entry.record),
		{ maxRecords: spec.maxRecords },
	);
	const outcomes = await Promise.all(chunks.map(({ start, end }) => sendBatch(ctx, entries.slice(start, end), spec)));
	return outcomes.flat();
}
