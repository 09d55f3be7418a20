import { CREDENTIAL_ID, callsTo, credentialStore, leadItems, limitsOf, MARKETO_NODE, runMarketo, startEmulator, upsertFromItems } from './marketoWorkflow';

const identityCalls = (emulator: { calls: Array<{ kind: string }> }) => emulator.calls.filter((call) => call.kind === 'identity');

describe('Marketo behaviour the transport absorbs', () => {
	it('a token that expires mid-run costs no item (renewed ahead of expiry, stored for later executions)', async () => {
		const emulator = await startEmulator({ tokenLifetimeSeconds: 3, latencyMs: 400 });
		const store = credentialStore(emulator, limitsOf({ inFlight: 1 }));
		const result = await runMarketo(upsertFromItems(), { store, items: leadItems(3000) });

		expect(result.error).toBeUndefined();
		expect(result.output(MARKETO_NODE)).toHaveLength(3000);
		expect(emulator.leads.size).toBe(3000);
		expect(identityCalls(emulator).length).toBeGreaterThanOrEqual(2);
		expect(emulator.apiCalls().filter((call) => call.errorCode === '602')).toHaveLength(0);
		const stored = store.get(CREDENTIAL_ID).data;
		expect(stored.accessToken).toBe(store.updates.at(-1)?.data.accessToken);
		// The stored token is the one the last call carried, and it was alive when that call was sent.
		const lastCall = emulator.apiCalls().at(-1);
		expect(lastCall?.authorization).toBe(`Bearer ${String(stored.accessToken)}`);
		expect(Number(stored.tokenExpiresAt)).toBeGreaterThan(lastCall?.startedAt ?? Infinity);
	});

	it('a token Marketo declares expired (602) mid-run is renewed once and the call repeated: no item lost or written twice', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator, limitsOf({ inFlight: 2 }));
		emulator.inject({ on: 2, expireTokensAfter: true });
		const result = await runMarketo(upsertFromItems(), { store, items: leadItems(1500) });

		expect(result.error).toBeUndefined();
		expect(result.output(MARKETO_NODE).every((item) => item.json.status === 'created')).toBe(true);
		expect(emulator.leads.size).toBe(1500);
		const expired = emulator.apiCalls().filter((call) => call.errorCode === '602');
		expect(expired.length).toBeGreaterThanOrEqual(1);
		expect(identityCalls(emulator)).toHaveLength(2);
		const tokensThatFailed = new Set(expired.map((call) => call.authorization));
		const repeats = emulator.apiCalls().filter((call) => call.apiSeq! > expired[0].apiSeq!);
		expect(repeats.every((call) => call.errorCode === '602' || !tokensThatFailed.has(call.authorization))).toBe(true);
	});

	it.each(['606', '615', '604', '608', '611'])('an injected %s is absorbed: every item succeeds', async (code) => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		emulator.inject({ on: 2, respondWithCode: code });
		const result = await runMarketo(upsertFromItems(), { store, items: leadItems(900) });

		expect(result.error).toBeUndefined();
		expect(emulator.leads.size).toBe(900);
		expect(callsTo(emulator, 'POST', '/rest/v1/leads.json')).toHaveLength(4);
		expect(emulator.apiCalls().filter((call) => call.errorCode === code)).toHaveLength(1);
	});

	it('a dropped connection on create-or-update is repeated, and each lead exists once', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		emulator.inject({ on: 1, drop: 'afterExecuting' });
		const result = await runMarketo(upsertFromItems(), { store, items: leadItems(5) });
		expect(result.error).toBeUndefined();
		expect(callsTo(emulator, 'POST', '/rest/v1/leads.json')).toHaveLength(2);
		expect(emulator.leads.size).toBe(5);
	});

	it('607 stops the run; the message counts the calls in flight Marketo refused too, and later runs send nothing until the reset', async () => {
		const emulator = await startEmulator({ dailyQuota: 2, latencyMs: 300 });
		const store = credentialStore(emulator);
		const result = await runMarketo(upsertFromItems(), { store, items: leadItems(1500) });

		// The batches fly together: past the quota's 2 calls, Marketo refuses the first with 607 and
		// the ones already on their way with 607 too.
		const refused = emulator.apiCalls().filter((call) => call.errorCode === '607').length;
		expect(refused).toBeGreaterThanOrEqual(1);
		expect(emulator.apiCalls()).toHaveLength(2 + refused);
		const inFlight = refused - 1;
		const refusedToo = inFlight === 0 ? ';' : inFlight === 1 ? '. 1 call already in flight was refused by Marketo too;' : `. ${inFlight} calls already in flight were refused by Marketo too;`;
		const resetsAt = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:00:00\\.000Z \\(00:00 US Central time\\)';
		expect(result.error?.message).toMatch(new RegExp(`^Marketo's daily API quota for this instance is spent \\(607\\)${refusedToo.replace('.', '\\.')} no further calls were sent\\. The quota resets at ${resetsAt}\\.$`));
		const sent = emulator.apiCalls().length;
		const again = await runMarketo(upsertFromItems(), { store, items: leadItems(1) });
		expect(again.error?.message).toBe(result.error?.message);
		expect(emulator.apiCalls()).toHaveLength(sent);
	});

	it('the credential\'s daily budget stops calls before Marketo has to say 607', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator, limitsOf({ budget: 2 }));
		const result = await runMarketo(upsertFromItems(), { store, items: leadItems(900) });
		expect(result.error?.message).toMatch(/daily call budget set in the Marketo credential \(2 calls\) is spent/);
		expect(emulator.apiCalls()).toHaveLength(2);
		expect(emulator.violations()).toEqual([]);
	});

	it('20 executions at once never exceed the limits: 0 violations, every lead written once', async () => {
		const emulator = await startEmulator({ rateLimit: 10, concurrencyLimit: 3, latencyMs: 50 });
		const store = credentialStore(emulator, limitsOf({ calls: 10, inFlight: 3 }));
		const runs = Array.from({ length: 20 }, async (_, run) =>
			await runMarketo(upsertFromItems(), { store, items: leadItems(50, `run${run}-`) }),
		);
		const results = await Promise.all(runs);

		expect(results.every((result) => result.error === undefined)).toBe(true);
		expect(emulator.violations()).toEqual([]);
		expect(emulator.apiCalls()).toHaveLength(20);
		expect(emulator.leads.size).toBe(1000);
		expect(identityCalls(emulator)).toHaveLength(1);
	}, 90_000);
});

describe('secrets', () => {
	it('a wrong client secret fails with an actionable message that never contains the secret', async () => {
		const emulator = await startEmulator();
		const secret = 'wrong-secret-Zx9/+=';
		const store = credentialStore(emulator, { clientSecret: secret });
		const result = await runMarketo(upsertFromItems(), { store, items: leadItems(2) });
		expect(result.error?.message).toMatch(/rejected the Client ID or Client Secret/);
		const everything = JSON.stringify({ error: result.error, runData: result.runData });
		expect(everything).not.toContain(secret);
		expect(everything).not.toContain(encodeURIComponent(secret));
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('a wrong client secret under several batches costs one identity call, and every item names that cause', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator, { clientSecret: 'wrong-secret' });
		const result = await runMarketo(upsertFromItems(), { store, items: leadItems(1_200), continueOnFail: true });
		const errors = new Set(result.output(MARKETO_NODE).map(({ json }) => json.error));
		expect([...errors]).toEqual([expect.stringMatching(/^Marketo rejected the Client ID or Client Secret/)]);
		expect(emulator.calls.filter((call) => call.kind !== 'api')).toHaveLength(1);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('the access token only ever travels in the Authorization header', async () => {
		const emulator = await startEmulator();
		const store = credentialStore(emulator);
		await runMarketo(upsertFromItems(), { store, items: leadItems(2) });
		const token = String(store.get(CREDENTIAL_ID).data.accessToken);
		expect(token).not.toBe('');
		for (const call of emulator.apiCalls()) {
			expect(call.authorization).toBe(`Bearer ${token}`);
			expect(JSON.stringify(call.query)).not.toContain(token);
		}
	});
});
