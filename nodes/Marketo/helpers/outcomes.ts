import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

/** What an operation produced for one input item: output records (with binary data by position, if any), or the error that item gets. */
export type ItemOutcome = { itemIndex: number; records: IDataObject[]; binaries?: IBinaryKeyData[] } | { itemIndex: number; error: Error };

/** One record of a batch, with the input item it came from and goes back to. */
export interface BatchEntry<R> {
	itemIndex: number;
	record: R;
}

export function succeeded(itemIndex: number, ...records: IDataObject[]): ItemOutcome {
	return { itemIndex, records };
}

export function failed(itemIndex: number, error: Error): ItemOutcome {
	return { itemIndex, error };
}

/** A problem with one item's input, found before anything is sent. */
export class ItemInputError extends Error {
	constructor(
		readonly itemIndex: number,
		readonly field: string,
		problem: string,
	) {
		super(`Item ${itemIndex}, field "${field}": ${problem}`);
		this.name = 'ItemInputError';
	}
}

/** Marketo's code and message for one record it did not perform. */
export interface RecordReason {
	code?: string;
	message?: string;
}

function verdictOf(status: string | undefined): string {
	if (status === undefined) return 'gave no status for this record';
	if (status === 'skipped' || status === 'failed') return `${status} this record`;
	return `answered "${status}" for this record`;
}

/** Marketo did not perform this item's record: skipped it, answered a status the operation does not know, or none. */
export class RecordRejectedError extends Error {
	constructor(
		readonly itemIndex: number,
		readonly status: string | undefined,
		readonly reasons: RecordReason[],
		private readonly verdict = verdictOf(status),
	) {
		const why = reasons.map((reason) => `${reason.code ?? '?'} ${reason.message ?? ''}`.trim()).join('; ');
		super(`Item ${itemIndex}: Marketo ${verdict}${why ? ` (${why})` : ''}`);
		this.name = 'RecordRejectedError';
	}

	/** Fewer results than records: Marketo said nothing about this one. */
	static noResult(itemIndex: number): RecordRejectedError {
		return new RecordRejectedError(itemIndex, undefined, [], 'returned no result for this record');
	}

	/** The same verdict for another item that named the same record. */
	forItem(itemIndex: number): RecordRejectedError {
		return new RecordRejectedError(itemIndex, this.status, this.reasons, this.verdict);
	}

	get code(): string | undefined {
		return this.reasons[0]?.code;
	}
}
