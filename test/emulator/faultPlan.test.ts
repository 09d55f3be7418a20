import { dealFaults, seededRandom, type FaultCard } from './faultPlan';
import { MarketoEmulator } from './MarketoEmulator';
import { send, startEmulator, tokenFor } from './testClient';

const CARDS: FaultCard[] = [
	{ name: '606', effect: { respondWithCode: '606' }, copies: 2 },
	{ name: '611', effect: { respondWithCode: '611' }, copies: 1 },
];

describe('dealFaults', () => {
	it('deals each card its number of copies among the clean calls, in an order the seed fixes', () => {
		const plan = (seed: number) => dealFaults(new MarketoEmulator(), { cards: CARDS, cleanCalls: 5, random: seededRandom(seed) });
		const first = plan(7);
		expect(first).toHaveLength(8);
		expect(first.filter((name) => name === '606')).toHaveLength(2);
		expect(first.filter((name) => name === '611')).toHaveLength(1);
		expect(plan(7)).toEqual(first);
		expect([1, 2, 3, 4, 5].map(plan)).not.toEqual([1, 2, 3, 4, 5].map(() => first));
	});

	it('injects each fault on the API call the plan gives it', async () => {
		const emulator = await startEmulator();
		const plan = dealFaults(emulator, { cards: CARDS, cleanCalls: 2, random: seededRandom(1) });
		const token = await tokenFor(emulator);
		for (let call = 0; call < plan.length + 1; call++) await send(emulator, 'GET', '/rest/v1/leads/describe.json', { token });
		expect(emulator.apiCalls().map((call) => call.errorCode)).toEqual([...plan, undefined]);
	});
});
