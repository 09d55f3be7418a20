import { MarketoClient, type Transmitter } from '../../nodes/Marketo/transport/client';
import { DailyBudgetExhaustedError, InstanceThrottle, MARKETO_DEFAULT_LIMITS } from '../../nodes/Marketo/transport/throttle';
import { TokenKeeper } from '../../nodes/Marketo/transport/tokenKeeper';
import { FakeClock } from '../support/fakeClock';

/** Marketo once the day's quota is spent: every call that arrives is refused with 607. */
class QuotaSpentMarketo implements Transmitter {
	sent = 0;
	constructor(private readonly clock: FakeClock) {}

	async send(_wire: unknown, token: string) {
		this.sent++;
		const grant = token === '' ? { token: 'tok', expiresAt: this.clock.now() + 3_600_000 } : undefined;
		await this.clock.sleep(200);
		return { response: { status: 200, body: { success: false, errors: [{ code: '607', message: 'Daily quota reached' }] } }, grant };
	}
}

function setup() {
	const clock = new FakeClock();
	const marketo = new QuotaSpentMarketo(clock);
	const throttle = new InstanceThrottle(MARKETO_DEFAULT_LIMITS, clock);
	const tokens = new TokenKeeper(clock);
	tokens.offer({ token: 'tok', expiresAt: clock.now() + 3_600_000 });
	const client = new MarketoClient({ instanceBase: 'https://123-ABC-456.mktorest.com', throttle, tokens, transmitter: marketo, clock });
	return { clock, marketo, client };
}

const get = { method: 'GET' as const, path: '/rest/v1/leads.json', qs: { filterType: 'id', filterValues: [1] } };
const failure = async (call: Promise<unknown>) => (await call.catch((error: Error) => error)) as Error;

describe('607: the message says what was sent and what was refused', () => {
	it('a lone 607: the quota is spent, no further calls were sent, and when it resets', async () => {
		const { clock, marketo, client } = setup();
		const error = await clock.runUntilSettled(failure(client.request(get)));
		expect(error).toBeInstanceOf(DailyBudgetExhaustedError);
		expect(error.message).toBe(
			"Marketo's daily API quota for this instance is spent (607); no further calls were sent. The quota resets at 2026-06-16T05:00:00.000Z (00:00 US Central time).",
		);
		expect(marketo.sent).toBe(1);
	});

	it('calls already in flight when the first 607 came back are refused too: every error, and a later call\'s, says how many', async () => {
		const { clock, marketo, client } = setup();
		const inFlight = await clock.runUntilSettled(Promise.all(Array.from({ length: 7 }, async () => await failure(client.request(get)))));
		const later = await clock.runUntilSettled(failure(client.request(get)));

		expect(marketo.sent).toBe(7);
		const expected = "Marketo's daily API quota for this instance is spent (607). 6 calls already in flight were refused by Marketo too; no further calls were sent. The quota resets at 2026-06-16T05:00:00.000Z (00:00 US Central time).";
		expect([...inFlight, later].map((error) => error.message)).toEqual(Array(8).fill(expected));
	});
});
