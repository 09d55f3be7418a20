import { chunkForEndpoint, LEAD_DATABASE_BATCH_LIMIT, MAX_BODY_BYTES } from '../../nodes/Marketo/transport/batch';
import { backoffDelay, MARKETO_ERROR_POLICY, ruleFor } from '../../nodes/Marketo/transport/errorPolicy';
import { redactSecrets } from '../../nodes/Marketo/transport/redact';

describe('batch splitting', () => {
	it('sends 1,000 records in 4 batches of at most 300', () => {
		const records = Array.from({ length: 1000 }, (_, i) => ({ email: `lead${i}@example.com` }));
		const chunks = chunkForEndpoint(records, { maxRecords: LEAD_DATABASE_BATCH_LIMIT });
		expect(chunks.map((c) => c.end - c.start)).toEqual([300, 300, 300, 100]);
		expect(chunks[3]).toEqual({ start: 900, end: 1000 });
	});

	it('splits a batch whose JSON would pass 1 MB, keeping every record exactly once', () => {
		const records = Array.from({ length: 300 }, (_, i) => ({ id: i, notes: 'x'.repeat(10_000) }));
		const chunks = chunkForEndpoint(records, { maxRecords: 300 });
		expect(chunks.length).toBeGreaterThan(2);
		for (const { start, end } of chunks) {
			expect(Buffer.byteLength(JSON.stringify({ input: records.slice(start, end) }))).toBeLessThan(MAX_BODY_BYTES);
		}
		expect(chunks.reduce((sum, c) => sum + (c.end - c.start), 0)).toBe(300);
	});

	it('still sends a single record that alone is larger than the limit (Marketo will say 413)', () => {
		expect(chunkForEndpoint([{ big: 'x'.repeat(2_000_000) }], { maxRecords: 300 })).toEqual([{ start: 0, end: 1 }]);
	});
});

describe('Marketo error policy', () => {
	it.each([
		['601', 'renewToken'],
		['602', 'renewToken'],
		['606', 'waitForRoom'],
		['615', 'waitForRoom'],
		['604', 'backoff'],
		['608', 'backoff'],
		['611', 'backoff'],
		['713', 'backoff'],
		['HTTP 502', 'backoff'],
		['607', 'stopUntilReset'],
		['603', 'fail'],
		['609', 'fail'],
		['610', 'fail'],
		['1003', 'fail'],
		['9999', 'fail'],
	])('%s → %s', (code, recovery) => {
		expect(ruleFor(code).recovery).toBe(recovery);
	});

	it('treats only what Marketo did not execute as safe to repeat for writes', () => {
		expect(MARKETO_ERROR_POLICY['HTTP 502'].notExecuted).toBe(false);
		expect(MARKETO_ERROR_POLICY['NETWORK OUTCOME UNKNOWN'].notExecuted).toBe(false);
		for (const code of ['601', '602', '604', '606', '608', '611', '615']) expect(MARKETO_ERROR_POLICY[code].notExecuted).toBe(true);
	});

	it('backs off exponentially, with jitter, up to a cap', () => {
		const rule = ruleFor('611');
		expect(backoffDelay(rule, 0, () => 0)).toBe(500);
		expect(backoffDelay(rule, 0, () => 1)).toBe(1_000);
		expect(backoffDelay(rule, 3, () => 1)).toBe(8_000);
		expect(backoffDelay(rule, 20, () => 1)).toBe(30_000);
	});
});

describe('secret scrubbing', () => {
	it('removes the secret, its URL-encoded form and any client_secret parameter', () => {
		const secret = 'p@ss/w0rd+1';
		const text = `POST https://h/identity/oauth/token?client_id=a&client_secret=${encodeURIComponent(secret)} failed; raw ${secret}; other client_secret=zzz`;
		const clean = redactSecrets(text, [secret]);
		expect(clean).not.toContain(secret);
		expect(clean).not.toContain(encodeURIComponent(secret));
		expect(clean).not.toContain('zzz');
	});
});
