import type { Clock } from '../transport/clock';
import { MarketoApiError, type OutcomeUnknownError } from '../transport/errors';
import { settle } from '../transport/settle';
import { marketoTimeMs } from './marketoTime';
import { failed, succeeded, type BatchEntry, type ItemOutcome } from './outcomes';

/**
 * How long after the answer was lost we look for the write's records. Marketo gives up on a REST
 * call after 30 s ("Our REST API responses time out after 30 seconds", Adobe KB ka-29283), and the
 * call reached Marketo before we saw it fail (not necessarily soon after we began sending: a token
 * renewal may come first), so by then it has been applied or never will be; 5 s more cover the
 * time a write takes to show in reads.
 */
export const LOST_ANSWER_SETTLE_MS = 35_000;
const MARKETO_CALL_TIMEOUT_MS = 30_000;

/**
 * Marketo dates records to the second, on its own clock: a record dated up to this much before
 * our send still counts as ours. One dated earlier existed before the call.
 */
const CREATED_AT_ALLOWANCE_MS = 2_000;

/** Records a lookup found absent are sent again; a re-send whose answer is lost too is reconciled again, at most this often. */
export const MAX_RESENDS = 2;

export interface FoundRecord {
	id: string | number;
	createdAt?: unknown;
}

/** What a create-only write declares so that its records can be found after a lost answer. */
export interface LostWriteLookup<R> {
	/** The key in words, for the output: "email", "externalCompanyId". */
	by: string;
	/** The id field the output names the record by: `id` or `marketoGUID`. */
	idField: string;
	/** Marketo's reason for skipping a create whose key exists, when the endpoint's is known (leads: 1005). */
	alreadyExists?: { code: string; message: string };
	/**
	 * The records Marketo holds under each entry's key, in the order given; undefined for a record
	 * without a key, an Error where its lookup failed. One pooled lookup per ≤300 records, through
	 * the transport.
	 */
	find(entries: Array<BatchEntry<R>>): Promise<Array<FoundRecord[] | Error | undefined>>;
}

export interface LostWrite<R> {
	entries: Array<BatchEntry<R>>;
	lost: OutcomeUnknownError;
	lookup: LostWriteLookup<R>;
	clock: Clock;
	/** Sends records again as one write; undefined once the re-sends are spent. */
	resend?: (entries: Array<BatchEntry<R>>) => Promise<ItemOutcome[]>;
}

/** The write's answer was lost and what became of the record could not be found out: Marketo may or may not hold it. */
export class UnreconciledWriteError extends MarketoApiError {
	constructor(lost: OutcomeUnknownError, why: string) {
		super(`${lost.message} ${why}`, lost.details);
		this.name = 'UnreconciledWriteError';
	}
}

/** Found after a lost answer: the record existed before this create, which Marketo would have skipped. */
export class FoundExistingError extends MarketoApiError {
	constructor(itemIndex: number, lookup: LostWriteLookup<unknown>, record: FoundRecord, how: string) {
		const reason = lookup.alreadyExists;
		super(
			`Item ${itemIndex}: the record already existed${reason ? ` (Marketo: ${reason.code} ${reason.message})` : ''}. Marketo's answer to this create was lost; a lookup by ${lookup.by} afterwards found ${lookup.idField} ${record.id}, ${how}.`,
			reason ? { code: reason.code } : {},
		);
		this.name = 'FoundExistingError';
	}
}

const createdMs = (record: FoundRecord): number | undefined => marketoTimeMs(record.createdAt) || undefined;

interface Judging<R> {
	lookup: LostWriteLookup<R>;
	lost: OutcomeUnknownError;
	/** Records created at or after this (Marketo's clock, whole seconds) may be this call's. */
	createdSince: number;
	/** ...and at or before this: Marketo was done with the call by then. */
	createdUntil: number;
	/** Record id → the item that holds it: Marketo creates a key once per call and skips its repeats. */
	claimed: Map<string, number>;
}

function judge<R>(entry: BatchEntry<R>, records: FoundRecord[] | Error | undefined, judging: Judging<R>): ItemOutcome | 'absent' {
	const { lookup, lost, createdSince, createdUntil, claimed } = judging;
	const { itemIndex } = entry;
	if (records === undefined) return failed(itemIndex, new UnreconciledWriteError(lost, `The record has no ${lookup.by} to look it up by.`));
	if (records instanceof Error) return failed(itemIndex, new UnreconciledWriteError(lost, `Looking it up by ${lookup.by} afterwards failed: ${records.message}`));
	if (records.length === 0) return 'absent';
	const older = records.find((record) => (createdMs(record) ?? Infinity) < createdSince);
	if (older) {
		return failed(itemIndex, new FoundExistingError(itemIndex, lookup, older, `created ${String(older.createdAt)}, before this call was sent`));
	}
	const later = records.find((record) => (createdMs(record) ?? -Infinity) > createdUntil);
	if (later) {
		return failed(itemIndex, new FoundExistingError(itemIndex, lookup, later, `created ${String(later.createdAt)}, after Marketo was done with this call (so by someone else)`));
	}
	if (records.length > 1) {
		const ids = records.map((record) => record.id).join(', ');
		return failed(itemIndex, new UnreconciledWriteError(lost, `A lookup by ${lookup.by} afterwards found ${records.length} records created since the call was sent (${ids}): which one is this item's can't be told.`));
	}
	const [record] = records;
	const holder = claimed.get(String(record.id));
	if (holder !== undefined) return failed(itemIndex, new FoundExistingError(itemIndex, lookup, record, `created for item ${holder} of the same call`));
	claimed.set(String(record.id), itemIndex);
	const dated = createdMs(record) !== undefined;
	return succeeded(itemIndex, {
		[lookup.idField]: record.id,
		status: dated ? 'created' : 'exists',
		reconciled: true,
		reconciliation: dated
			? `Marketo's answer was lost; a lookup by ${lookup.by} afterwards found this record, created after the call was sent.`
			: `Marketo's answer was lost; a lookup by ${lookup.by} afterwards found this record, without its creation date: whether this call created it can't be told.`,
	});
}

/** A re-sent record's output says why it was sent twice. */
function markedResent(outcome: ItemOutcome, by: string): ItemOutcome {
	if (!('records' in outcome) || outcome.records.some((record) => record.reconciled !== undefined)) return outcome;
	const reconciliation = `Marketo's answer was lost; a lookup by ${by} afterwards found no record, so it was sent again.`;
	return { ...outcome, records: outcome.records.map((record) => ({ ...record, reconciled: true, reconciliation })) };
}

/**
 * After a create-only write lost its answer: wait until Marketo is done with the call, look its
 * records up by their key, and report each as created (with its id), as already existing (what
 * Marketo would have answered), or, when absent, send it again: it was not applied, so sending it
 * again cannot create it twice. What no lookup can settle stays the item's error.
 */
export async function reconcileLostWrite<R>({ entries, lost, lookup, clock, resend }: LostWrite<R>): Promise<ItemOutcome[]> {
	const failedAt = clock.now();
	const sentAt = lost.sentAt ?? failedAt;
	await clock.sleep(LOST_ANSWER_SETTLE_MS);
	const found = await settle(lookup.find(entries));
	if (!found.ok) {
		const why = `Looking the records up by ${lookup.by} afterwards failed too: ${(found.error as Error)?.message ?? String(found.error)}`;
		return entries.map((entry) => failed(entry.itemIndex, new UnreconciledWriteError(lost, why)));
	}
	const judging: Judging<R> = {
		lookup,
		lost,
		createdSince: Math.floor(sentAt / 1000) * 1000 - CREATED_AT_ALLOWANCE_MS,
		createdUntil: failedAt + MARKETO_CALL_TIMEOUT_MS + CREATED_AT_ALLOWANCE_MS,
		claimed: new Map(),
	};
	const outcomes: ItemOutcome[] = [];
	const absent: Array<BatchEntry<R>> = [];
	entries.forEach((entry, position) => {
		const verdict = judge(entry, found.value[position], judging);
		if (verdict === 'absent') absent.push(entry);
		else outcomes.push(verdict);
	});
	if (absent.length === 0) return outcomes;
	if (!resend) {
		const notApplied = (itemIndex: number) =>
			new MarketoApiError(
				`Item ${itemIndex}: Marketo's answer to this create was lost ${MAX_RESENDS + 1} times. A lookup by ${lookup.by} afterwards found no record, so it was not applied; it was not sent once more. Running the item again is safe.`,
			);
		return [...outcomes, ...absent.map((entry) => failed(entry.itemIndex, notApplied(entry.itemIndex)))];
	}
	const again = await resend(absent);
	return [...outcomes, ...again.map((outcome) => markedResent(outcome, lookup.by))];
}
