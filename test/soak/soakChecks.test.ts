import type { INodeExecutionData } from 'n8n-workflow';

import type { Lead, RecordedCall } from '../emulator';
import {
	failuresCarryMarketosReason,
	lostAnswersReconciled,
	noItemFails,
	noItemLost,
	noItemWrittenTwice,
	reconcileFigures,
	successesAreInMarketo,
	SOAK_CHECKS,
	type SoakRound,
} from './soakChecks';

const items = [{ email: 'a@example.com' }, { email: 'b@example.com' }];
const lead = (id: number, email: string): Lead => ({ id, email, createdAt: '', updatedAt: '' });
const out = (item: number, json: INodeExecutionData['json']): INodeExecutionData => ({ json, pairedItem: { item } });
const syncCall = (emails: string[], extra: Partial<RecordedCall> = {}): RecordedCall => ({
	seq: 1,
	kind: 'api',
	method: 'POST',
	effectiveMethod: 'POST',
	path: '/rest/v1/leads.json',
	query: {},
	body: { input: emails.map((email) => ({ email })) },
	uriBytes: 0,
	bodyBytes: 0,
	startedAt: 0,
	...extra,
});

/** Two items, both written once and reported with the ids Marketo holds. */
function cleanRound(action: SoakRound['action'] = 'createOrUpdate'): SoakRound {
	return {
		action,
		executions: [{ items, output: [out(0, { id: 1, status: 'created' }), out(1, { id: 2, status: 'created' })] }],
		leads: [lead(1, 'a@example.com'), lead(2, 'b@example.com')],
		calls: [syncCall(['a@example.com', 'b@example.com'])],
	};
}

const lostAnswer = { error: 'The connection to Marketo failed after this write was sent (Marketo answered HTTP 502: Bad Gateway). Marketo may or may not have applied it, so it was not sent again.' };

describe('soak checks', () => {
	it('pass on a round where every item was written once and reported truly', () => {
		for (const round of [cleanRound(), cleanRound('createOnly')]) {
			expect(SOAK_CHECKS.map((run) => run(round).problems)).toEqual(SOAK_CHECKS.map(() => []));
		}
	});

	it('count an item without output, or with two, as lost', () => {
		const round = cleanRound();
		round.executions[0].output = [out(0, { id: 1, status: 'created' })];
		expect(noItemLost(round).problems).toEqual(['b@example.com: 0 output items']);
		round.executions[0].output = [out(0, { id: 1, status: 'created' }), out(0, { id: 1, status: 'created' }), out(1, { id: 2, status: 'created' })];
		expect(noItemLost(round).problems).toEqual(['a@example.com: 2 output items']);
		round.executions[0].output = undefined;
		expect(noItemLost(round).problems).toHaveLength(2);
	});

	it('count two leads with one email, and a create Marketo executed twice, as written twice', () => {
		const duplicated = cleanRound();
		duplicated.leads.push(lead(3, 'A@example.com'));
		expect(noItemWrittenTwice(duplicated).problems).toEqual(['a@example.com: 2 leads']);

		const resent = cleanRound('createOnly');
		resent.calls.push(syncCall(['b@example.com']));
		expect(noItemWrittenTwice(resent).problems).toEqual(['b@example.com: created by 2 executed calls']);
		// A call refused in Marketo's place (606) was not executed: sending it again is no second write.
		resent.calls[0] = syncCall(['a@example.com', 'b@example.com'], { fault: 'respondWithCode 606', errorCode: '606' });
		expect(noItemWrittenTwice(resent).problems).toEqual([]);
	});

	it('catch a success that names another lead than Marketo holds, or a create reported as an update', () => {
		const wrongId = cleanRound();
		wrongId.executions[0].output = [out(0, { id: 2, status: 'created' }), out(1, { id: 2, status: 'created' })];
		expect(successesAreInMarketo(wrongId).problems).toHaveLength(1);
		const updated = cleanRound('createOnly');
		updated.executions[0].output = [out(0, { id: 1, status: 'updated' }), out(1, { id: 2, status: 'created' })];
		expect(successesAreInMarketo(updated).problems).toHaveLength(1);
	});

	it("accept Marketo's code or the lost answer as a failure's reason, nothing else", () => {
		const round = cleanRound('createOnly');
		const failWith = (json: INodeExecutionData['json']) => {
			round.executions[0].output = [out(0, json), out(1, { id: 2, status: 'created' })];
			return failuresCarryMarketosReason(round).problems;
		};
		expect(failWith({ error: 'Marketo skipped this record (1005 Lead already exists)', code: '1005' })).toEqual([]);
		expect(failWith(lostAnswer)).toEqual([]);
		expect(failWith({ error: 'Something went wrong' })).toHaveLength(1);
		expect(failWith({ error: 'Something went wrong', code: '1005' })).toHaveLength(1);
	});

	it('expect no failure: faults are retried away and lost answers reconciled', () => {
		for (const round of [cleanRound(), cleanRound('createOnly')]) {
			round.executions[0].output = [out(0, lostAnswer), out(1, { id: 2, status: 'created' })];
			expect(noItemFails(round).problems).toEqual([expect.stringMatching(/^a@example\.com: failed: .*may or may not have applied it/)]);
		}
	});

	it('under Create Only, expect exactly the items of lost answers reconciled: found when Marketo executed the call, sent again when not', () => {
		const found = { id: 1, status: 'created', reconciled: true, reconciliation: "Marketo's answer was lost; a lookup by email afterwards found this record, created after the call was sent." };
		const resent = { id: 1, status: 'created', reconciled: true, reconciliation: "Marketo's answer was lost; a lookup by email afterwards found no record, so it was sent again." };
		const create = (fault: string, json: INodeExecutionData['json']) => {
			const round = cleanRound('createOnly');
			round.calls = [syncCall(['a@example.com'], { fault }), syncCall(['b@example.com'])];
			round.executions[0].output = [out(0, json), out(1, { id: 2, status: 'created' })];
			return round;
		};
		expect(lostAnswersReconciled(create('drop afterExecuting', found)).problems).toEqual([]);
		expect(lostAnswersReconciled(create('drop beforeExecuting', resent)).problems).toEqual([]);
		expect(lostAnswersReconciled(create('httpStatus 502', resent)).problems).toEqual([]);
		expect(lostAnswersReconciled(create('drop beforeExecuting', found)).problems).toEqual(['a@example.com: confirmed, but Marketo had not executed the lost call']);
		expect(lostAnswersReconciled(create('drop afterExecuting', { id: 1, status: 'created' })).problems).toHaveLength(1);
		expect(lostAnswersReconciled(create('drop afterExecuting', lostAnswer)).problems).toHaveLength(1);
		expect(reconcileFigures(create('drop afterExecuting', found))).toEqual({ lost: 1, confirmed: 1, resent: 0, failed: 0 });
		expect(reconcileFigures(create('drop beforeExecuting', lostAnswer))).toEqual({ lost: 1, confirmed: 0, resent: 0, failed: 1 });

		const repeatable = cleanRound();
		repeatable.executions[0].output = [out(0, found), out(1, { id: 2, status: 'created' })];
		expect(lostAnswersReconciled(repeatable).problems).toEqual(['a@example.com: reconciled, but its answer was not lost']);
	});
});
