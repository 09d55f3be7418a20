import { outcome, send, startEmulator, tokenFor } from './testClient';

const LEADS = '/rest/v1/leads.json';

describe('gateway limits', () => {
	it('a GET past 8 KB answers 414 and is not counted', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const base = `${LEADS}?filterType=email&filterValues=`;
		const atLimit = base + 'a'.repeat(8192 - base.length);
		const pastLimit = atLimit + 'a';

		const served = await send(emulator, 'GET', atLimit, { token });
		expect(outcome(served)).toBe('success');
		const refused = await send(emulator, 'GET', pastLimit, { token });
		expect(refused.status).toBe(414);
		expect(emulator.apiCalls()[1]).toMatchObject({ uriBytes: 8193, refusedFor: 'uri', httpStatus: 414 });

		const usage = await send(emulator, 'GET', '/rest/v1/stats/usage.json', { token });
		expect(usage.body.result?.[0]).toMatchObject({ total: 2 }); // the served GET and this one
	});

	it('a body past maxBodyBytes answers 413', async () => {
		const emulator = await startEmulator({ maxBodyBytes: 1_024 });
		const token = await tokenFor(emulator);
		const input = Array.from({ length: 40 }, (_, i) => ({ email: `person${i}@example.com` }));
		const answer = await send(emulator, 'POST', LEADS, { token, json: { input } });
		expect(answer.status).toBe(413);
		expect(emulator.leads.size).toBe(0);
		expect(emulator.violations()).toEqual([expect.objectContaining({ refusedFor: 'body', httpStatus: 413 })]);
		expect(emulator.violations()[0].bodyBytes).toBeGreaterThan(1_024);
	});

	it('POST _method=GET is served as the GET, its query in a form body', async () => {
		const emulator = await startEmulator({ seedLeads: 3 });
		const token = await tokenFor(emulator);
		const email = String(emulator.leads.get(2)?.email);
		const answer = await send(emulator, 'POST', `${LEADS}?_method=GET`, {
			token,
			form: { filterType: 'email', filterValues: email, fields: 'email,company' },
		});
		expect(outcome(answer)).toBe('success');
		expect(answer.body.result).toEqual([{ id: 2, email, company: emulator.leads.get(2)?.company }]);
		expect(emulator.apiCalls()[0]).toMatchObject({
			method: 'POST',
			effectiveMethod: 'GET',
			query: { _method: 'GET' },
			body: { filterType: 'email', filterValues: email, fields: 'email,company' },
		});
		expect(emulator.leads.size).toBe(3); // not mistaken for a sync
	});

	it('reads a repeated key as a servlet does, the first value only, and a comma list as every value', async () => {
		const emulator = await startEmulator({ seedLeads: 3 });
		const token = await tokenFor(emulator);
		const ids = (answer: Awaited<ReturnType<typeof send>>) => (answer.body.result ?? []).map((lead) => (lead as { id: number }).id);

		expect(ids(await send(emulator, 'GET', `${LEADS}?filterType=id&filterValues=1,2,3`, { token }))).toEqual([1, 2, 3]);
		expect(ids(await send(emulator, 'GET', `${LEADS}?filterType=id&filterValues=1&filterValues=2&filterValues=3`, { token }))).toEqual([1]);
		const longForm = await send(emulator, 'POST', `${LEADS}?_method=GET`, { token, rawBody: 'filterType=id&filterValues=2&filterValues=3&fields=email&fields=company', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(longForm.body.result).toEqual([{ id: 2, email: emulator.leads.get(2)?.email }]);

		const [commaList, repeated, repeatedInForm] = emulator.apiCalls();
		expect(commaList.repeatedParams).toBeUndefined();
		expect(repeated).toMatchObject({ query: { filterValues: '1' }, repeatedParams: ['filterValues'] });
		expect(repeatedInForm).toMatchObject({ body: { filterValues: '2', fields: 'email' }, repeatedParams: ['filterValues', 'fields'] });
	});

	it('_method=GET may also travel as a form field', async () => {
		const emulator = await startEmulator({ seedLeads: 1 });
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'POST', LEADS, { token, form: { _method: 'GET', filterType: 'id', filterValues: '1' } });
		expect(answer.body.result).toEqual([expect.objectContaining({ id: 1 })]);
		expect(emulator.apiCalls()[0].effectiveMethod).toBe('GET');
	});

	it('an unknown path answers HTTP 404 with a 610 envelope', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const answer = await send(emulator, 'GET', '/rest/v1/nothing.json', { token });
		expect(answer.status).toBe(404);
		expect(answer.body).toMatchObject({ success: false, errors: [{ code: '610' }] });
	});

	it('a path with a double slash is not a Marketo path', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		expect((await send(emulator, 'GET', '/rest//v1/leads/describe.json', { token })).status).toBe(404);
	});

	it('a JSON endpoint answers 612 to another content type and 609 to broken JSON, neither counted', async () => {
		const emulator = await startEmulator();
		const token = await tokenFor(emulator);
		const plain = await send(emulator, 'POST', LEADS, { token, rawBody: '{"input":[]}', headers: { 'content-type': 'text/plain' } });
		expect(outcome(plain)).toBe('612');
		const broken = await send(emulator, 'POST', LEADS, { token, rawBody: '{"input":[', headers: { 'content-type': 'application/json' } });
		expect(outcome(broken)).toBe('609');
		const usage = await send(emulator, 'GET', '/rest/v1/stats/usage.json', { token });
		expect(usage.body.result?.[0]).toMatchObject({ total: 1 });
	});

	it('every REST answer is application/json with requestId, success, errors and warnings', async () => {
		const emulator = await startEmulator({ seedLeads: 2 });
		const token = await tokenFor(emulator);
		const answers = [
			await send(emulator, 'GET', '/rest/v1/lead/1.json', { token }),
			await send(emulator, 'GET', '/rest/v1/lead/1.json'),
			await send(emulator, 'GET', `${LEADS}?filterType=nope&filterValues=x`, { token }),
		];
		for (const answer of answers) {
			expect(answer.contentType).toBe('application/json;charset=UTF-8');
			expect(answer.body).toEqual(
				expect.objectContaining({ requestId: expect.stringMatching(/^[0-9a-f]{4}#[0-9a-f]{11,}$/), success: expect.any(Boolean), errors: expect.any(Array), warnings: [] }),
			);
		}
		expect(answers[0].body.errors).toEqual([]);
		expect(new Set(answers.map((a) => a.body.requestId)).size).toBe(3);
	});
});
