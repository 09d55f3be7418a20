import { MarketoClient, type Transmitter, type WireResponse } from '../../nodes/Marketo/transport/client';
import { MarketoApiError, OutcomeUnknownError, TransmitError } from '../../nodes/Marketo/transport/errors';
import type { WireRequest } from '../../nodes/Marketo/transport/request';
import { DailyBudgetExhaustedError, InstanceThrottle, MARKETO_DEFAULT_LIMITS } from '../../nodes/Marketo/transport/throttle';
import { TokenKeeper } from '../../nodes/Marketo/transport/tokenKeeper';
import { FakeClock } from '../support/fakeClock';

type Answer = WireResponse | { fail: 'notSent' | 'outcomeUnknown' | 'tokenExchange' };

const ok = (result: unknown[] = []): WireResponse => ({ status: 200, body: { requestId: 'r', success: true, result, errors: [], warnings: [] } });
const marketoError = (code: string, message = 'refused'): WireResponse => ({
	status: 200,
	body: { requestId: 'r', success: false, errors: [{ code, message }], warnings: [] },
});

/** A Marketo stand-in: answers from a script, issues tokens when sent a blank one, records what it saw. */
class ScriptedTransmitter implements Transmitter {
	readonly sent: Array<{ wire: WireRequest; token: string }> = [];
	renewals = 0;
	/** The token identity hands out at the n-th renewal. */
	tokenAtRenewal = (renewal: number) => `token-${renewal}`;
	constructor(
		private readonly clock: FakeClock,
		private readonly script: Answer[] = [],
		private readonly latencyMs = 10,
	) {}
	async send(wire: WireRequest, token: string) {
		let grant;
		let usedToken = token;
		if (token === '') {
			this.renewals++;
			usedToken = this.tokenAtRenewal(this.renewals);
			grant = { token: usedToken, expiresAt: this.clock.now() + 3_600_000 };
		}
		this.sent.push({ wire, token: usedToken });
		await this.clock.sleep(this.latencyMs);
		const answer = this.script.shift() ?? ok();
		if ('fail' in answer) {
			const renewed = answer.fail === 'tokenExchange' ? undefined : grant;
			throw new TransmitError(answer.fail === 'tokenExchange' ? 'Marketo rejected the Client ID or Client Secret' : 'socket hang up', answer.fail, renewed);
		}
		return { response: answer, grant };
	}
}

function setup(script: Answer[] = [], limits = MARKETO_DEFAULT_LIMITS) {
	const clock = new FakeClock();
	const transmitter = new ScriptedTransmitter(clock, script);
	const tokens = new TokenKeeper(clock);
	const throttle = new InstanceThrottle(limits, clock);
	const client = new MarketoClient({ instanceBase: 'https://123-ABC-456.mktorest.com', throttle, tokens, transmitter, clock });
	return { clock, transmitter, tokens, throttle, client };
}

const get = { method: 'GET' as const, path: '/rest/v1/leads.json', qs: { filterType: 'id', filterValues: [1] } };
const write = { method: 'POST' as const, path: '/rest/v1/leads.json', body: { input: [{ email: 'a@b.co' }] } };

describe('MarketoClient', () => {
	it('renews the token once for many concurrent first calls', async () => {
		const { clock, transmitter, client } = setup();
		const calls = Array.from({ length: 8 }, () => client.request(get));
		await clock.runUntilSettled(Promise.all(calls));
		expect(transmitter.renewals).toBe(1);
		expect(new Set(transmitter.sent.map((s) => s.token))).toEqual(new Set(['token-1']));
	});

	it('renews on 602 and repeats the call with the new token, never the one that failed', async () => {
		const { clock, transmitter, client } = setup([ok(), marketoError('602', 'Access token expired'), ok([{ id: 7 }])]);
		await clock.runUntilSettled(client.request(get));
		const answer = await clock.runUntilSettled(client.request(get));
		expect(answer.result).toEqual([{ id: 7 }]);
		expect(transmitter.sent.map((s) => s.token)).toEqual(['token-1', 'token-1', 'token-2']);
	});

	it('a call that meets a second expiry after its renewal renews again, but never twice for one token', async () => {
		const expired = marketoError('602', 'Access token expired');
		const { clock, transmitter, client } = setup([ok(), expired, expired, ok([{ id: 7 }])]);
		await clock.runUntilSettled(client.request(get));
		const answer = await clock.runUntilSettled(client.request(get));
		expect(answer.result).toEqual([{ id: 7 }]);
		expect(transmitter.sent.map((s) => s.token)).toEqual(['token-1', 'token-1', 'token-2', 'token-3']);

		const stubborn = setup([ok(), marketoError('601'), marketoError('601')]);
		// Identity hands back the same token until it expires, as Marketo's does.
		stubborn.transmitter.tokenAtRenewal = () => 'same-token';
		await stubborn.clock.runUntilSettled(stubborn.client.request(get));
		const refused = await stubborn.clock.runUntilSettled(stubborn.client.request(get).catch((error: Error) => error));
		expect(refused).toBeInstanceOf(MarketoApiError);
		expect(stubborn.transmitter.sent).toHaveLength(3);
	});

	it('concurrent calls that all meet 601 share one renewal', async () => {
		const { clock, transmitter, client, tokens } = setup([ok(), ...Array(5).fill(marketoError('601'))]);
		await clock.runUntilSettled(client.request(get));
		await clock.runUntilSettled(Promise.all(Array.from({ length: 5 }, () => client.request(get))));
		expect(transmitter.renewals).toBe(2);
		expect(tokens.current()?.token).toBe('token-2');
		expect(transmitter.sent.slice(6).every((s) => s.token === 'token-2')).toBe(true);
	});

	it('renews ahead of expiry instead of sending a token about to die', async () => {
		const { clock, transmitter, client } = setup();
		await clock.runUntilSettled(client.request(get));
		await clock.advance(3_600_000 - 1_000);
		await clock.runUntilSettled(client.request(get));
		expect(transmitter.renewals).toBe(2);
	});

	it.each(['606', '615', '604', '608', '611', '713'])('absorbs a %s with a wait and repeats', async (code) => {
		const { clock, transmitter, client } = setup([ok(), marketoError(code), ok([{ id: 1 }])]);
		await clock.runUntilSettled(client.request(get));
		const answer = await clock.runUntilSettled(client.request(write));
		expect(answer.result).toEqual([{ id: 1 }]);
		expect(transmitter.sent).toHaveLength(3);
		expect(clock.sleeps.some((ms) => ms >= 125)).toBe(true);
	});

	it('gives up on a transient error after a bounded number of tries', async () => {
		const { clock, transmitter, client } = setup(Array(20).fill(marketoError('611', 'System error')));
		await expect(clock.runUntilSettled(client.request(get))).rejects.toThrow('611');
		expect(transmitter.sent).toHaveLength(6);
	});

	it('stops everything for the instance on 607 and says when the quota resets', async () => {
		const { clock, transmitter, client } = setup([marketoError('607', 'Daily quota reached')]);
		await expect(clock.runUntilSettled(client.request(get))).rejects.toBeInstanceOf(DailyBudgetExhaustedError);
		await expect(clock.runUntilSettled(client.request(get))).rejects.toThrow(/resets at .*00:00 US Central/);
		expect(transmitter.sent).toHaveLength(1);
	});

	it('fails at once on 603 with Marketo\'s code, message and a hint', async () => {
		const { clock, transmitter, client } = setup([marketoError('603', 'Access denied')]);
		const failure = await clock.runUntilSettled(client.request(get)).catch((error: MarketoApiError) => error);
		expect(failure).toBeInstanceOf(MarketoApiError);
		expect((failure as MarketoApiError).details.code).toBe('603');
		expect((failure as MarketoApiError).details.hint).toMatch(/role/);
		expect(transmitter.sent).toHaveLength(1);
	});

	it('does not repeat a write whose connection dropped after sending', async () => {
		const { clock, transmitter, client } = setup([ok(), { fail: 'outcomeUnknown' }]);
		await clock.runUntilSettled(client.request(get));
		await expect(clock.runUntilSettled(client.request(write))).rejects.toBeInstanceOf(OutcomeUnknownError);
		expect(transmitter.sent).toHaveLength(2);
	});

	it('repeats an idempotent call whose connection dropped, and any call that never left', async () => {
		const { clock, transmitter, client } = setup([ok(), { fail: 'outcomeUnknown' }, ok(), { fail: 'notSent' }, ok()]);
		await clock.runUntilSettled(client.request(get));
		await clock.runUntilSettled(client.request(get));
		await clock.runUntilSettled(client.request(write));
		expect(transmitter.sent).toHaveLength(5);
	});

	it('repeats an HTTP 502 only when the call is safe to repeat', async () => {
		const badGateway = { status: 502, body: '<html>Bad Gateway</html>' };
		const { clock, transmitter, client } = setup([ok(), badGateway, ok(), badGateway]);
		await clock.runUntilSettled(client.request(get));
		await clock.runUntilSettled(client.request(get));
		expect(transmitter.sent).toHaveLength(3);
		await expect(clock.runUntilSettled(client.request(write))).rejects.toBeInstanceOf(OutcomeUnknownError);
	});

	it('shares a failed token exchange with every waiting call instead of asking identity again', async () => {
		const { clock, transmitter, client } = setup([{ fail: 'tokenExchange' }]);
		const calls = Array.from({ length: 4 }, () => client.request(get).catch((error: Error) => error));
		const errors = await clock.runUntilSettled(Promise.all(calls));
		expect(errors.map((error) => (error as Error).message)).toEqual(Array(4).fill('Marketo rejected the Client ID or Client Secret'));
		expect(transmitter.sent).toHaveLength(1);
	});

	it('sends a GET past 8 KB as POST with _method=GET and a form body', async () => {
		const { clock, transmitter, client } = setup();
		const ids = Array.from({ length: 300 }, (_, i) => 10_000_000 + i);
		await clock.runUntilSettled(
			client.request({ method: 'GET', path: '/rest/v1/leads.json', qs: { filterType: 'id', filterValues: ids, fields: 'x'.repeat(6000) } }),
		);
		const { wire } = transmitter.sent[0];
		expect(wire.method).toBe('POST');
		expect(wire.url).toBe('https://123-ABC-456.mktorest.com/rest/v1/leads.json?_method=GET');
		expect(wire.form).toBe(true);
		expect(String(wire.body)).toContain('filterType=id&filterValues=10000000,10000001,');
	});
});

describe('paging by position token', () => {
	it('starts from the caller\'s token and follows nextPageToken while moreResult is true', async () => {
		const { pagesByToken } = await import('../../nodes/Marketo/transport/paging');
		const seen: unknown[] = [];
		const pages = [
			{ success: true, result: [1, 2], moreResult: true, nextPageToken: 'B' },
			{ success: true, result: [3], moreResult: false, nextPageToken: 'C' },
		];
		const send = async <T>(request: { qs?: Record<string, unknown> }) => (seen.push(request.qs?.nextPageToken), pages.shift()) as never as Promise<T>;
		const all: number[] = [];
		for await (const page of pagesByToken<number>(send as never, { method: 'GET', path: '/rest/v1/activities.json', qs: { nextPageToken: 'A' } })) {
			all.push(...page);
		}
		expect(all).toEqual([1, 2, 3]);
		expect(seen).toEqual(['A', 'B']);
	});
});
