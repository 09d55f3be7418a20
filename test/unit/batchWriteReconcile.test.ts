import type { MarketoContext, MarketoRequest } from '../../nodes/Marketo/transport';
import { writeInBatches, type BatchWriteSpec } from '../../nodes/Marketo/helpers/batchWrite';
import type { ItemOutcome } from '../../nodes/Marketo/helpers/outcomes';
import { MAX_RESENDS, type FoundRecord } from '../../nodes/Marketo/helpers/reconcileLostWrite';
import { OutcomeUnknownError } from '../../nodes/Marketo/transport/errors';
import { FakeClock } from '../support/fakeClock';

const mockClock = new FakeClock();
const mockSend = jest.fn<Promise<unknown>, [unknown, MarketoRequest]>();
jest.mock('../../nodes/Marketo/transport', () => ({
	marketoApiRequestRaw: async (ctx: unknown, request: MarketoRequest) => await mockSend(ctx, request),
	get transportClock() {
		return mockClock;
	},
}));

type Lead = { email: string };

function createOnly(found: () => FoundRecord[][]) {
	const lookups: string[][] = [];
	const spec: BatchWriteSpec<Lead> = {
		maxRecords: 300,
		buildRequest: (input) => ({ method: 'POST', path: '/rest/v1/leads.json', body: { action: 'createOnly', input } }),
		successStatuses: ['created', 'updated'],
		reconcile: {
			by: 'email',
			idField: 'id',
			find: async (batch) => (lookups.push(batch.map(({ record }) => record.email)), found()),
		},
	};
	return { spec, lookups };
}

const lost = () => new OutcomeUnknownError('socket hang up', {}, mockClock.now());
const entries = [{ itemIndex: 0, record: { email: 'a@x.co' } }];
const write = async (spec: BatchWriteSpec<Lead>) => await mockClock.runUntilSettled(writeInBatches({} as MarketoContext, entries, spec));
const messageOf = (outcome: ItemOutcome) => ('error' in outcome ? outcome.error.message : '');

beforeEach(() => mockSend.mockReset());

describe('a batch write that opts into reconciling', () => {
	it('sends an absent record again, and a re-send whose answer is lost too is reconciled again', async () => {
		mockSend.mockRejectedValueOnce(lost()).mockRejectedValueOnce(lost()).mockResolvedValueOnce({ success: true, result: [{ id: 7, status: 'created' }] });
		const { spec, lookups } = createOnly(() => [[]]);
		const [outcome] = await write(spec);
		expect(mockSend).toHaveBeenCalledTimes(3);
		expect(lookups).toEqual([['a@x.co'], ['a@x.co']]);
		expect(outcome).toEqual({ itemIndex: 0, records: [{ id: 7, status: 'created', reconciled: true, reconciliation: expect.stringMatching(/sent again/) }] });
	});

	it('stops after its re-sends are spent: the item says it was not applied and running it again is safe', async () => {
		mockSend.mockImplementation(async () => await Promise.reject(lost()));
		const { spec, lookups } = createOnly(() => [[]]);
		const [outcome] = await write(spec);
		expect(mockSend).toHaveBeenCalledTimes(1 + MAX_RESENDS);
		expect(lookups).toHaveLength(1 + MAX_RESENDS);
		expect(messageOf(outcome)).toMatch(/lost 3 times.*not applied.*Running the item again is safe/);
	});

	it('without a lookup declared, a lost answer stays the item\'s error and nothing is looked up or sent again', async () => {
		mockSend.mockImplementation(async () => await Promise.reject(lost()));
		const { spec } = createOnly(() => [[]]);
		delete spec.reconcile;
		const [outcome] = await write(spec);
		expect(mockSend).toHaveBeenCalledTimes(1);
		expect(messageOf(outcome)).toMatch(/may or may not have applied it, so it was not sent again/);
	});
});
