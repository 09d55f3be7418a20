import { joinUrl, resolveEndpoints, tokenUrl } from '../../nodes/Marketo/transport/endpoints';

describe('endpoint normalisation', () => {
	it.each([
		'https://123-ABC-456.mktorest.com/rest',
		'https://123-ABC-456.mktorest.com/rest/',
		'https://123-ABC-456.mktorest.com/',
		'https://123-ABC-456.mktorest.com',
		' https://123-ABC-456.mktorest.com//rest// ',
	])('accepts the REST endpoint as pasted: %p', (pasted) => {
		const endpoints = resolveEndpoints(pasted);
		expect(endpoints.instanceBase).toBe('https://123-ABC-456.mktorest.com');
		expect(endpoints.identityBase).toBe('https://123-ABC-456.mktorest.com/identity');
		expect(joinUrl(endpoints.instanceBase, '/rest/v1/leads.json')).toBe('https://123-ABC-456.mktorest.com/rest/v1/leads.json');
	});

	it.each(['https://id.example.com/identity/', 'https://id.example.com', 'https://id.example.com/identity'])(
		'accepts the identity endpoint with or without /identity: %p',
		(pasted) => {
			expect(tokenUrl(resolveEndpoints('https://123-ABC-456.mktorest.com/rest', pasted))).toBe(
				'https://id.example.com/identity/oauth/token',
			);
		},
	);

	it('never builds a path with a double slash', () => {
		expect(joinUrl('https://h.example.com/', '//rest//v1/leads.json')).toBe('https://h.example.com/rest/v1/leads.json');
	});

	it('refuses something that is not a URL, saying where to copy it from', () => {
		expect(() => resolveEndpoints('123-ABC-456')).toThrow(/Admin > Integration > Web Services/);
	});
});
