import type { IDataObject } from 'n8n-workflow';

import type { BatchEntry } from '../../nodes/Marketo/helpers/outcomes';
import type { ItemOutcome } from '../../nodes/Marketo/helpers/outcomes';
import {
	FoundExistingError,
	LOST_ANSWER_SETTLE_MS,
	reconcileLostWrite,
	UnreconciledWriteError,
	type FoundRecord,
	type LostWriteLookup,
} from '../../nodes/Marketo/helpers/reconcileLostWrite';
import { OutcomeUnknownError } from '../../nodes/Marketo/transport/errors';
import { FakeClock } from '../support/fakeClock';

type Lead = { email: string };

const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const entriesOf = (...emails: string[]): Array<BatchEntry<Lead>> => emails.map((email, itemIndex) => ({ itemIndex, record: { email } }));

/** Marketo's leads by email, and when each lookup was made. */
function leadLookup(clock: FakeClock, leads: Record<string, FoundRecord[]>) {
	const lookups: Array<{ at: number; emails: string[] }> = [];
	const lookup: LostWriteLookup<Lead> = {
		by: 'email',
		idField: 'id',
		alreadyExists: { code: '1005', message: 'Lead already exists' },
		find: async (batch) => {
			lookups.push({ at: clock.now(), emails: batch.map(({ record }) => record.email) });
			return batch.map(({ record }) => leads[record.email] ?? []);
		},
	};
	return { lookup, lookups };
}

function setup(leads: (sentAt: number) => Record<string, FoundRecord[]>) {
	const clock = new FakeClock();
	const sentAt = clock.now();
	const lost = new OutcomeUnknownError('socket hang up', {}, sentAt);
	const { lookup, lookups } = leadLookup(clock, leads(sentAt));
	const resent: Array<Array<BatchEntry<Lead>>> = [];
	let nextId = 900;
	const resend = async (entries: Array<BatchEntry<Lead>>): Promise<ItemOutcome[]> => {
		resent.push(entries);
		return entries.map((entry) => ({ itemIndex: entry.itemIndex, records: [{ id: nextId++, status: 'created' }] }));
	};
	return { clock, sentAt, lost, lookup, lookups, resent, resend };
}

const recordsOf = (outcome: ItemOutcome | undefined): IDataObject[] => (outcome && 'records' in outcome ? outcome.records : []);
const errorOf = (outcome: ItemOutcome | undefined): Error | undefined => (outcome && 'error' in outcome ? outcome.error : undefined);
const byItem = (outcomes: ItemOutcome[]) => [...outcomes].sort((a, b) => a.itemIndex - b.itemIndex);

describe('a create whose answer was lost is reconciled by looking its records up', () => {
	it('waits until Marketo is done with the call (its 30 s timeout and a margin, from when the loss was seen) before one lookup of all the records', async () => {
		const { clock, sentAt, lost, lookup, lookups, resend } = setup(() => ({}));
		// Sending may start with a token renewal: the call can reach Marketo seconds after sentAt.
		await clock.advance(4_000);
		await clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co', 'b@x.co'), lost, lookup, clock, resend }));
		expect(lookups).toEqual([{ at: sentAt + 4_000 + LOST_ANSWER_SETTLE_MS, emails: ['a@x.co', 'b@x.co'] }]);
		expect(LOST_ANSWER_SETTLE_MS).toBeGreaterThan(30_000);
	});

	it('a record created after Marketo was done with the call is someone else\'s: the item says it exists, nothing is sent again', async () => {
		const { clock, lost, lookup, resent, resend } = setup((sentAt) => ({ 'a@x.co': [{ id: 17, createdAt: stamp(sentAt + 34_000) }] }));
		const outcomes = await clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co'), lost, lookup, clock, resend }));
		expect(errorOf(outcomes[0])?.message).toMatch(/Item 0: the record already existed \(Marketo: 1005 Lead already exists\).*id 17, created .*after Marketo was done with this call/);
		expect(resent).toEqual([]);
	});

	it('a lookup that failed for one record fails that item only; the others are judged', async () => {
		const { clock, lost, lookup, resent, resend } = setup((sentAt) => ({ 'b@x.co': [{ id: 18, createdAt: stamp(sentAt + 300) }] }));
		const judged = lookup.find.bind(lookup);
		lookup.find = async (batch) => {
			const answers = await judged(batch);
			return [new Error('Item 0, field "email": refused'), ...answers.slice(1)];
		};
		const outcomes = byItem(await clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co', 'b@x.co'), lost, lookup, clock, resend })));
		expect(errorOf(outcomes[0])?.message).toMatch(/Looking it up by email afterwards failed: Item 0, field "email": refused/);
		expect(recordsOf(outcomes[1])).toEqual([expect.objectContaining({ id: 18, status: 'created', reconciled: true })]);
		expect(resent).toEqual([]);
	});

	it('a record created since the call was sent is reported created, with its id and a reconciled mark; nothing is sent again', async () => {
		const { clock, lost, lookup, resent, resend } = setup((sentAt) => ({ 'a@x.co': [{ id: 17, createdAt: stamp(sentAt + 300) }] }));
		const outcomes = await clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co'), lost, lookup, clock, resend }));
		expect(recordsOf(outcomes[0])).toEqual([
			{ id: 17, status: 'created', reconciled: true, reconciliation: expect.stringMatching(/answer was lost; a lookup by email afterwards found this record, created after the call was sent/) },
		]);
		expect(resent).toEqual([]);
	});

	it('Marketo dates to the second on its own clock: up to 2 s before the second of the send is this call\'s, earlier existed already', async () => {
		const { clock, lookup, resend } = setup(() => ({}));
		await clock.advance(999);
		const sentAt = clock.now();
		const second = Math.floor(sentAt / 1000) * 1000;
		lookup.find = async () => [[{ id: 17, createdAt: stamp(second - 2_000) }], [{ id: 18, createdAt: stamp(second - 3_000) }]];
		const lost = new OutcomeUnknownError('socket hang up', {}, sentAt);
		const outcomes = byItem(await clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co', 'b@x.co'), lost, lookup, clock, resend })));
		expect(recordsOf(outcomes[0])[0]).toMatchObject({ id: 17, status: 'created' });
		expect(errorOf(outcomes[1])).toBeInstanceOf(FoundExistingError);
	});

	it('a record absent afterwards was not applied: it is sent again, once, and says so', async () => {
		const { clock, lost, lookup, resent, resend } = setup((sentAt) => ({ 'a@x.co': [{ id: 17, createdAt: stamp(sentAt) }] }));
		const outcomes = byItem(await clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co', 'b@x.co'), lost, lookup, clock, resend })));
		expect(resent).toEqual([[{ itemIndex: 1, record: { email: 'b@x.co' } }]]);
		expect(recordsOf(outcomes[1])).toEqual([
			{ id: 900, status: 'created', reconciled: true, reconciliation: expect.stringMatching(/found no record, so it was sent again/) },
		]);
	});

	it('a record created before the call existed already: the item gets the error Marketo would have given (1005), with the id', async () => {
		const { clock, lost, lookup, resent, resend } = setup((sentAt) => ({ 'a@x.co': [{ id: 5, createdAt: stamp(sentAt - 3_600_000) }] }));
		const outcomes = await clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co'), lost, lookup, clock, resend }));
		const error = errorOf(outcomes[0]);
		expect(error).toBeInstanceOf(FoundExistingError);
		expect((error as FoundExistingError).details.code).toBe('1005');
		expect(error?.message).toMatch(/^Item 0: the record already existed \(Marketo: 1005 Lead already exists\)\. .*found id 5, created .*, before this call was sent/);
		expect(resent).toEqual([]);
	});

	it('two items with one key: the first holds the created record, the second gets "already exists", as Marketo answers within one call', async () => {
		const { clock, lost, lookup, resend } = setup((sentAt) => ({ 'a@x.co': [{ id: 17, createdAt: stamp(sentAt) }] }));
		const outcomes = byItem(await clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co', 'a@x.co'), lost, lookup, clock, resend })));
		expect(recordsOf(outcomes[0])[0]).toMatchObject({ id: 17, status: 'created' });
		expect(errorOf(outcomes[1])?.message).toMatch(/already existed .*found id 17, created for item 0 of the same call/);
	});

	it('what no lookup can settle stays unknown: several new records for one key, or a failed lookup', async () => {
		const several = setup((sentAt) => ({ 'a@x.co': [{ id: 17, createdAt: stamp(sentAt) }, { id: 18, createdAt: stamp(sentAt + 1_000) }] }));
		const [ambiguous] = await several.clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co'), ...several }));
		expect(errorOf(ambiguous)).toBeInstanceOf(UnreconciledWriteError);
		expect(errorOf(ambiguous)?.message).toMatch(/may or may not have applied it.*found 2 records created since the call was sent \(17, 18\)/);

		const down = setup(() => ({}));
		down.lookup.find = async () => await Promise.reject(new Error('Marketo error 611 (System error)'));
		const outcomes = await down.clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co', 'b@x.co'), ...down }));
		expect(outcomes.map((outcome) => errorOf(outcome)?.message)).toEqual(
			Array(2).fill(expect.stringMatching(/may or may not have applied it.*Looking the records up by email afterwards failed too: Marketo error 611/)),
		);
		expect(down.resent).toEqual([]);
	});

	it('once the re-sends are spent, an absent record is not sent again, and the item says running it again is safe', async () => {
		const { clock, lost, lookup } = setup(() => ({}));
		const [outcome] = await clock.runUntilSettled(reconcileLostWrite({ entries: entriesOf('a@x.co'), lost, lookup, clock }));
		expect(errorOf(outcome)?.message).toMatch(/^Item 0: Marketo's answer to this create was lost 3 times\. .*found no record, so it was not applied.*Running the item again is safe/);
	});
});
