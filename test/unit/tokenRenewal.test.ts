import { MarketoClient, type Transmitter } from '../../nodes/Marketo/transport/client';
import { TransmitError, type TokenGrant } from '../../nodes/Marketo/transport/errors';
import { InstanceThrottle, MARKETO_DEFAULT_LIMITS } from '../../nodes/Marketo/transport/throttle';
import { exchangeClientCredentials } from '../../nodes/Marketo/transport/tokenExchange';
import { TokenKeeper } from '../../nodes/Marketo/transport/tokenKeeper';
import { FakeClock } from '../support/fakeClock';

const credentials = { restEndpoint: 'https://123-ABC-456.mktorest.com/rest', clientId: 'id', clientSecret: 'secret' };

/**
 * Marketo's identity, as documented and as real instances answer: the same token until it dies,
 * `expires_in` its remaining life rounded down, a new token only once the old one is dead.
 */
class MarketoIdentity {
	readonly issued: Array<{ token: string; at: number; diesAt: number }> = [];
	calls = 0;
	constructor(
		private readonly clock: FakeClock,
		private readonly lifeMs: number,
		private readonly answerDelayMs = 40,
	) {}

	alive(token: string, at: number): boolean {
		const entry = this.issued.find((issued) => issued.token === token);
		return entry !== undefined && at < entry.diesAt;
	}

	readonly httpRequest = async (): Promise<unknown> => {
		this.calls++;
		const now = this.clock.now();
		let current = this.issued.at(-1);
		if (!current || now >= current.diesAt) {
			current = { token: `token-${this.issued.length + 1}`, at: now, diesAt: now + this.lifeMs };
			this.issued.push(current);
		}
		await this.clock.sleep(this.answerDelayMs);
		return { access_token: current.token, token_type: 'bearer', expires_in: Math.floor((current.diesAt - this.clock.now()) / 1000) };
	};
}

/** n8n's side: a blank token runs the credential's preAuthentication, then the call goes out; Marketo answers 602 for a dead token. */
class N8nWithMarketo implements Transmitter {
	readonly used: string[] = [];
	expired = 0;
	constructor(
		private readonly clock: FakeClock,
		private readonly identity: MarketoIdentity,
	) {}

	async send(_wire: unknown, token: string) {
		let grant: TokenGrant | undefined;
		if (token === '') {
			const fields = await exchangeClientCredentials(this.identity.httpRequest, credentials, this.clock).catch((error: Error) => {
				throw new TransmitError(error.message, 'tokenExchange');
			});
			grant = { token: fields.accessToken, expiresAt: fields.tokenExpiresAt };
		}
		const sentWith = grant?.token ?? token;
		this.used.push(sentWith);
		await this.clock.sleep(100);
		if (!this.identity.alive(sentWith, this.clock.now())) {
			this.expired++;
			return { response: { status: 200, body: { success: false, errors: [{ code: '602', message: 'Access token expired' }] } }, grant };
		}
		return { response: { status: 200, body: { success: true, result: [] } }, grant };
	}
}

function setup(lifeMs: number) {
	const clock = new FakeClock();
	const identity = new MarketoIdentity(clock, lifeMs);
	const transmitter = new N8nWithMarketo(clock, identity);
	const throttle = new InstanceThrottle({ ...MARKETO_DEFAULT_LIMITS, callsPerWindow: 1_000 }, clock);
	const client = new MarketoClient({ instanceBase: 'https://123-ABC-456.mktorest.com', throttle, tokens: new TokenKeeper(clock), transmitter, clock });
	return { clock, identity, transmitter, client };
}

const get = { method: 'GET' as const, path: '/rest/v1/leads.json', qs: { filterType: 'id', filterValues: [1] } };

describe('token renewal: one identity call per token', () => {
	it('over five token lives, every identity call brings a new token, each used until it runs out, and no call meets 602', async () => {
		const { clock, identity, transmitter, client } = setup(5_000);
		const started = clock.now();
		await clock.runUntilSettled(
			(async () => {
				while (clock.now() - started < 25_000) {
					await Promise.all(Array.from({ length: 3 }, async () => await client.request(get)));
					await clock.sleep(150);
				}
			})(),
		);

		const tokensUsed = new Set(transmitter.used);
		expect(identity.issued.length).toBeGreaterThanOrEqual(4);
		expect(identity.calls).toBe(identity.issued.length);
		expect(tokensUsed.size).toBe(identity.issued.length);
		expect(transmitter.expired).toBe(0);
		// Renewals needed, no more: each token but the last had died before the next was asked for.
		identity.issued.slice(1).forEach((token, index) => expect(token.at).toBeGreaterThanOrEqual(identity.issued[index].diesAt));
	});

	it('a renewal ahead of expiry waits the ending token out, past the second expires_in may have hidden', async () => {
		const { clock, identity, client } = setup(3_600_000);
		await clock.runUntilSettled(client.request(get));
		const [first] = identity.issued;
		await clock.advance(first.diesAt - clock.now() - 1_400);
		await clock.runUntilSettled(client.request(get));
		expect(identity.calls).toBe(2);
		expect(identity.issued[1].at).toBeGreaterThanOrEqual(first.diesAt);
	});

	it('a token Marketo calls expired (602) before we expected is renewed at once, without waiting', async () => {
		const { clock, identity, transmitter, client } = setup(3_600_000);
		await clock.runUntilSettled(client.request(get));
		identity.issued[0].diesAt = clock.now();
		const before = clock.now();
		await clock.runUntilSettled(client.request(get));
		expect(transmitter.expired).toBe(1);
		expect(identity.calls).toBe(2);
		expect(identity.issued[1].at - before).toBeLessThan(1_000);
	});
});
