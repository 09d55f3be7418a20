import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

/** What an operation produced for one input item: output records (with binary data by position, if any), or the error that item gets. */
export type ItemOutcome = { itemIndex: number; records: IDataObject[]; binaries?: IBinaryKeyData[] } | { itemIndex: number; error: Error };

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

/** Marketo answered `skipped` (or another failure status) for this item's record. */
export class RecordRejectedError extends Error {
	constructor(
		readonly itemIndex: number,
		readonly status: string,
		readonly reasons: Array<{ code?: string; message?: string }>,
	) {
		const why = reasons.map((reason) => `${reason.code ?? '?'} ${reason.message ?? ''}`.trim()).join('; ');
		super(`Item ${itemIndex}: Marketo ${status} this record${why ? ` (${why})` : ''}`);
		this.name = 'RecordRejectedError';
	}

	get code(): string | undefined {
		return this.reasons[0]?.code;
	}
}
