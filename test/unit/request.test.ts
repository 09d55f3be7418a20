import { encodeFormBody, encodeQuery, MAX_URI_BYTES, toWireRequest, type MarketoRequest } from '../../nodes/Marketo/transport/request';

const INSTANCE = 'https://123-ABC-456.mktorest.com';
const LEADS = '/rest/v1/leads.json';

const byEmail = (values: string[]): MarketoRequest => ({ method: 'GET', path: LEADS, qs: { filterType: 'email', filterValues: values, fields: ['id', 'email'] } });
const emails = (count: number) => Array.from({ length: count }, (_, index) => `lead${index}@example.com`);

/** Emails that, with their commas, make the GET's URL exactly `bytes` long (the last one is padded). */
function emailsForUrlOf(bytes: number): string[] {
	const values = emails(300);
	const short = Buffer.byteLength(toWireRequest(INSTANCE, byEmail(values)).url);
	values[values.length - 1] = `${'x'.repeat(bytes - short)}${values[values.length - 1]}`;
	return values;
}

describe('query strings as Marketo reads them', () => {
	it('sends a list as ONE comma-separated value, never a repeated key', () => {
		const query = encodeQuery({ filterType: 'email', filterValues: ['a@x.com', 'b+c@x.com'], fields: ['email', 'firstName'] });
		expect(query).toBe('filterType=email&filterValues=a%40x.com,b%2Bc%40x.com&fields=email,firstName');
		const read = new URLSearchParams(query);
		expect(read.getAll('filterValues')).toEqual(['a@x.com,b+c@x.com']);
	});

	it('leaves every comma literal, in lists and in single values alike, and the value read back is unchanged', () => {
		const folder = '{"id":12,"type":"Folder"}';
		const query = encodeQuery({ id: [1, 2, 3], folder, joined: '1001,1002' });
		expect(query).toBe('id=1,2,3&folder=%7B%22id%22%3A12,%22type%22%3A%22Folder%22%7D&joined=1001,1002');
		expect(query).not.toContain('%2C');
		expect(Object.fromEntries(new URLSearchParams(query))).toEqual({ id: '1,2,3', folder, joined: '1001,1002' });
	});

	it('leaves out a parameter with nothing to send: undefined, empty text, an empty list', () => {
		expect(encodeQuery({ a: undefined, b: '', c: [], d: 0, e: false })).toBe('d=0&e=false');
	});

	it('keeps an empty form field (an asset Update clears a field with it)', () => {
		expect(encodeFormBody({ description: '', name: 'Spring, 2026', skip: undefined })).toBe('description=&name=Spring,%202026');
	});
});

describe('the 8 KB URI switch, measured on the URL that is sent', () => {
	it(`a GET whose URL is exactly ${MAX_URI_BYTES} bytes stays a GET`, () => {
		const wire = toWireRequest(INSTANCE, byEmail(emailsForUrlOf(MAX_URI_BYTES)));
		expect(wire.method).toBe('GET');
		expect(Buffer.byteLength(wire.url)).toBe(MAX_URI_BYTES);
		expect(wire.body).toBeUndefined();
	});

	it('one byte more goes as POST ?_method=GET, its body the very query the GET would have carried', () => {
		const values = emailsForUrlOf(MAX_URI_BYTES + 1);
		const asGet = `${INSTANCE}${LEADS}?${encodeQuery(byEmail(values).qs)}`;
		expect(Buffer.byteLength(asGet)).toBe(MAX_URI_BYTES + 1);

		const wire = toWireRequest(INSTANCE, byEmail(values));
		expect(wire).toEqual({ method: 'POST', url: `${INSTANCE}${LEADS}?_method=GET`, body: asGet.split('?')[1], form: true });
		const form = new URLSearchParams(String(wire.body));
		expect(form.get('filterValues')?.split(',')).toEqual(values);
		expect(form.get('fields')).toBe('id,email');
	});

	it('counts a separator as the one byte it costs: a list that fits only with literal commas stays a GET', () => {
		const values = emailsForUrlOf(MAX_URI_BYTES - 100);
		const wire = toWireRequest(INSTANCE, byEmail(values));
		expect(wire.method).toBe('GET');
		expect(Buffer.byteLength(wire.url.replace(/,/g, '%2C'))).toBeGreaterThan(MAX_URI_BYTES);
	});

	it('measures bytes, not characters: a non-ASCII value costs its percent-encoded UTF-8', () => {
		const values = emailsForUrlOf(MAX_URI_BYTES - 5);
		values[0] = `é${values[0]}`;
		const wire = toWireRequest(INSTANCE, byEmail(values));
		// "é" is %C3%A9 on the wire: 6 bytes for 1 character, which tips the URL over the limit.
		expect(wire.method).toBe('POST');
		expect(new URLSearchParams(String(wire.body)).get('filterValues')?.split(',')[0]).toBe(values[0]);
	});

	it('only a GET switches: a DELETE keeps its ids in the query', () => {
		const ids = Array.from({ length: 300 }, (_, index) => 1_000_000 + index);
		const wire = toWireRequest(INSTANCE, { method: 'DELETE', path: '/rest/v1/lists/1001/leads.json', qs: { id: ids } });
		expect(wire).toEqual({ method: 'DELETE', url: `${INSTANCE}/rest/v1/lists/1001/leads.json?id=${ids.join(',')}`, body: undefined });
	});
});
