import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { networkCodeOf, wireFailureOf } from '../../nodes/Marketo/transport/errorShape';

const node: INode = { id: '1', name: 'Marketo', type: 'n8n-nodes-marketo.marketo', typeVersion: 1, position: [0, 0], parameters: {} };

/** What n8n's httpRequestWithAuthentication throws: the HTTP layer's error wrapped in a NodeApiError. */
const wrapped = (message: string, code?: string) =>
	new NodeApiError(node, Object.assign(new Error(message), code ? { code } : {}) as unknown as JsonObject);

describe('reading a failed call through n8n\'s wrapping', () => {
	it('finds the network code that n8n keeps only as httpCode', () => {
		expect(networkCodeOf(wrapped('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))).toBe('ECONNREFUSED');
		expect(networkCodeOf(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
		expect(networkCodeOf(wrapped('Bad request'))).toBeUndefined();
	});

	it("names the failure in the HTTP layer's words, never n8n's advice to retry", () => {
		const reset = wrapped('read ECONNRESET', 'ECONNRESET');
		expect(reset.message).toMatch(/retry/i);
		expect(wireFailureOf(reset)).toBe('connection reset');
		expect(wireFailureOf(wrapped('socket hang up'))).toBe('socket hang up');
		expect(wireFailureOf(new Error('plain'))).toBe('plain');
	});

	it('keeps network codes out of messages, so n8n does not swap them for its own advice', () => {
		for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ECONNABORTED', 'EPIPE']) {
			const words = wireFailureOf(Object.assign(new Error('x'), { code }));
			const shown = new NodeApiError(node, { message: `failed (${words})` }, { message: `failed (${words})` });
			expect(shown.message).toBe(`failed (${words})`);
		}
	});
});
