import { E2eSession, explain } from './support/session';
import { singleMarketoNodeWorkflow } from './support/workflows';

/**
 * Marketo reports an expired token as HTTP 200 with 602, which n8n's own refresh (HTTP 401 only)
 * never sees. Each `n8n execute` is a fresh process, so what one run learns about the token can
 * only reach the next through n8n's credential store.
 */
describe('token renewal inside n8n 2.41', () => {
	let session: E2eSession;

	beforeAll(async () => {
		session = await E2eSession.start({ seedLeads: 5 });
		await session.importWorkflows([singleMarketoNodeWorkflow('e2eTokenRenew001', { resource: 'lead', operation: 'get', leadId: '1' })]);
	});

	afterAll(async () => {
		await session?.stop();
	});

	const identityCalls = (run: { calls: Array<{ kind: string }> }) => run.calls.filter((call) => call.kind === 'identity');

	it('gets a token once and n8n keeps it for the next execution', async () => {
		const first = await session.execute('e2eTokenRenew001');
		expect(first.exitCode === 0 ? 'ok' : explain(first)).toBe('ok');
		expect(identityCalls(first)).toHaveLength(1);

		const second = await session.execute('e2eTokenRenew001');
		expect(second.exitCode === 0 ? 'ok' : explain(second)).toBe('ok');
		expect(identityCalls(second)).toHaveLength(0);
	});

	it('a token Marketo calls expired (602) is renewed through n8n and the call repeated; the new token is stored', async () => {
		session.emulator.expireAllTokens();
		const renewed = await session.execute('e2eTokenRenew001');
		expect(renewed.exitCode === 0 ? 'ok' : explain(renewed)).toBe('ok');
		const api = renewed.calls.filter((call) => call.kind === 'api');
		expect(api.map((call) => call.errorCode ?? 'ok')).toEqual(['602', 'ok']);
		expect(api[1].authorization).not.toBe(api[0].authorization);
		expect(identityCalls(renewed)).toHaveLength(1);
		expect(renewed.violations).toEqual([]);

		const after = await session.execute('e2eTokenRenew001');
		expect(identityCalls(after)).toHaveLength(0);
		expect(after.calls.find((call) => call.kind === 'api')?.authorization).toBe(api[1].authorization);
	});
});
