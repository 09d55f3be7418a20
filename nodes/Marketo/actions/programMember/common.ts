import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { writeInBatches } from '../../helpers/batchWrite';
import { succeeded, type ItemOutcome } from '../../helpers/outcomes';
import type { SuccessStatuses } from '../../helpers/recordResult';
import type { MarketoRequest } from '../../transport';
import { LEAD_DATABASE_BATCH_LIMIT } from '../../transport/batch';
import { groupBy, readInputs } from '../inputs';

// `seq` only ties a result to its place in the request; the router pairs outputs with items.
const withoutSeq = (result: IDataObject): IDataObject => Object.fromEntries(Object.entries(result).filter(([key]) => key !== 'seq'));

export interface MemberInput {
	programId: number;
	leadId: number;
}

export interface MemberWriteSpec<T extends MemberInput> {
	/** Items whose inputs give the same key (besides the program) go in the same calls, e.g. the status. */
	sharedKey?(input: T): string;
	/** The record of one item in the request's `input`. */
	record(input: T): IDataObject;
	buildRequest(first: T, input: IDataObject[]): MarketoRequest;
	/** The statuses the endpoint documents for a member it wrote. */
	successStatuses: SuccessStatuses;
	/** Shown beside Marketo's verdict in the item's output. */
	describe(input: T): IDataObject;
}

/**
 * Program member writes (status, data, delete) share one shape: items of the same program (and
 * status) are pooled, 300 leads per call, and each lead's result becomes its item's outcome.
 */
export async function writeMembers<T extends MemberInput>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (itemIndex: number) => T,
	spec: MemberWriteSpec<T>,
): Promise<ItemOutcome[]> {
	const { inputs, invalid } = readInputs(ctx, items, read);
	const inputOf = new Map(inputs.map(({ itemIndex, input }) => [itemIndex, input]));
	const groups = groupBy(inputs, ({ input }) => `${input.programId}|${spec.sharedKey?.(input) ?? ''}`);
	const written = await Promise.all(
		groups.map(
			async (group) =>
				await writeInBatches(
					ctx,
					group.map(({ itemIndex, input }) => ({ itemIndex, record: spec.record(input) })),
					{ maxRecords: LEAD_DATABASE_BATCH_LIMIT, buildRequest: (input) => spec.buildRequest(group[0].input, input), successStatuses: spec.successStatuses },
				),
		),
	);
	const outcomes = written.flat().map((outcome) => {
		if (!('records' in outcome)) return outcome;
		const input = inputOf.get(outcome.itemIndex) as T;
		return succeeded(outcome.itemIndex, ...outcome.records.map((result) => ({ ...spec.describe(input), ...withoutSeq(result) })));
	});
	return [...invalid, ...outcomes];
}
