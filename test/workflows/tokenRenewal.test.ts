import { credentialStore, leadItems, limitsOf, MARKETO_NODE, runMarketo, startEmulator, upsertFromItems } from './marketoWorkflow';

describe('token renewal in a real workflow: one identity call per token', () => {
	it('a run spanning several 4 s token lives asks identity once per token, each time after the last one died, and meets no 602', async () => {
		const lifeMs = 4_000;
		const emulator = await startEmulator({ tokenLifetimeSeconds: lifeMs / 1000, latencyMs: 1_000 });
		const result = await runMarketo(upsertFromItems(), { store: credentialStore(emulator, limitsOf({ inFlight: 1 })), items: leadItems(3000) });

		expect(result.error).toBeUndefined();
		expect(result.output(MARKETO_NODE)).toHaveLength(3000);
		expect(emulator.leads.size).toBe(3000);
		const identityCalls = emulator.calls.filter((call) => call.kind === 'identity');
		const tokensUsed = new Set(emulator.apiCalls().map((call) => call.authorization));
		expect(identityCalls.length).toBeGreaterThanOrEqual(3);
		expect(tokensUsed.size).toBe(identityCalls.length);
		// Identity hands back a live token: each call after the first came once the previous token was dead.
		identityCalls.slice(1).forEach((call, index) => expect(call.startedAt).toBeGreaterThanOrEqual(identityCalls[index].startedAt + lifeMs));
		expect(emulator.apiCalls().filter((call) => call.errorCode === '602')).toHaveLength(0);
	});
});
