import { outcome, send, startEmulator, tokenFor } from '../testClient';
import { multipart } from './contractSamples';
import { NO_ASSETS } from './answers';

const API = '/rest/asset/v1';

async function connected() {
	const emulator = await startEmulator();
	return { emulator, token: await tokenFor(emulator) };
}

describe('asset reads', () => {
	it('an ID with no asset answers success, no result, and Marketo\'s "no assets found" warning', async () => {
		const { emulator, token } = await connected();
		const answer = await send(emulator, 'GET', `${API}/email/4242.json`, { token });
		expect(answer.body).toMatchObject({ success: true, errors: [], warnings: [NO_ASSETS] });
		expect(answer.body).not.toHaveProperty('result');
	});

	it('a name with no asset (byName) answers the same: success, no result, the warning', async () => {
		const { emulator, token } = await connected();
		const answer = await send(emulator, 'GET', `${API}/staticList/byName.json?name=${encodeURIComponent('(test) High Value')}`, { token });
		expect(answer.body).toMatchObject({ success: true, warnings: [NO_ASSETS] });
		expect(answer.body).not.toHaveProperty('result');
	});

	it('the status parameter picks the approved version or the draft', async () => {
		const { emulator, token } = await connected();
		const approved = await send(emulator, 'GET', `${API}/email/1004.json?status=approved`, { token });
		const draft = await send(emulator, 'GET', `${API}/email/1004.json?status=draft`, { token });
		expect([approved.body.result?.[0].subject, draft.body.result?.[0].subject]).toEqual([
			{ type: 'Text', value: 'Spring sale' },
			{ type: 'Text', value: 'Spring sale: last days' },
		]);
		expect(outcome(await send(emulator, 'GET', `${API}/email/1004.json?status=live`, { token }))).toBe('1003');
	});

	it('browse pages by offset; maxReturn past 200 is 1003; past the end is an empty answer with the warning', async () => {
		const { emulator, token } = await connected();
		const page = await send(emulator, 'GET', `${API}/emails.json?maxReturn=2&offset=1`, { token });
		expect(page.body.result?.map((email) => email.id)).toEqual([1002, 1003]);
		expect(outcome(await send(emulator, 'GET', `${API}/emails.json?maxReturn=201`, { token }))).toBe('1003');
		const pastTheEnd = (await send(emulator, 'GET', `${API}/emails.json?offset=200`, { token })).body;
		expect(pastTheEnd).toMatchObject({ success: true, warnings: [NO_ASSETS] });
		expect(pastTheEnd).not.toHaveProperty('result');
	});

	it('routes a literal path (byName) before the {id} path beside it', async () => {
		const { emulator, token } = await connected();
		const answer = await send(emulator, 'GET', `${API}/program/byName.json?name=Webinar%202026`, { token });
		expect(answer.body.result?.[0]).toMatchObject({ id: 1001, name: 'Webinar 2026' });
	});
});

describe('asset writes', () => {
	it('take url-encoded fields: a JSON body is 612', async () => {
		const { emulator, token } = await connected();
		const answer = await send(emulator, 'POST', `${API}/snippets.json`, { token, json: { name: 'x', folder: { id: 18, type: 'Folder' } } });
		expect(outcome(answer)).toBe('612');
	});

	it('a malformed folder is 1003, an unknown one 710, a template in a program 711', async () => {
		const { emulator, token } = await connected();
		const create = (folder: string) => send(emulator, 'POST', `${API}/snippets.json`, { token, form: { name: 'x', folder } });
		expect(outcome(await create('12'))).toBe('1003');
		expect(outcome(await create('{"id": 999, "type": "Folder"}'))).toBe('710');
		const template = await send(emulator, 'POST', `${API}/landingPageTemplates.json`, { token, form: { name: 'x', folder: '{"id": 1001, "type": "Program"}' } });
		expect(outcome(template)).toBe('711');
	});

	it('a second asset of the same name in a folder is 709; a write to an unknown asset 702', async () => {
		const { emulator, token } = await connected();
		expect(outcome(await send(emulator, 'POST', `${API}/snippets.json`, { token, form: { name: 'Footer', folder: '{"id":18,"type":"Folder"}' } }))).toBe('709');
		expect(outcome(await send(emulator, 'POST', `${API}/snippet/4242/delete.json`, { token }))).toBe('702');
	});

	it('smart campaign update takes JSON (its official content type), so a form is 612', async () => {
		const { emulator, token } = await connected();
		expect(outcome(await send(emulator, 'POST', `${API}/smartCampaign/2001.json`, { token, form: { name: 'x' } }))).toBe('612');
		expect(outcome(await send(emulator, 'POST', `${API}/smartCampaign/2001.json`, { token, json: { name: 'Renamed' } }))).toBe('success');
	});
});

describe('the draft workflow (709 for each broken rule)', () => {
	const post = async (emulator: Awaited<ReturnType<typeof startEmulator>>, token: string, path: string) => outcome(await send(emulator, 'POST', `${API}${path}`, { token }));

	it('approve needs a draft; the draft then becomes the approved version', async () => {
		const { emulator, token } = await connected();
		expect(await post(emulator, token, '/snippet/1001/approveDraft.json')).toBe('709');
		expect(await post(emulator, token, '/snippet/1002/approveDraft.json')).toBe('success');
		expect(await post(emulator, token, '/snippet/1002/approveDraft.json')).toBe('709');
	});

	it('unapprove needs an approved version nothing approved depends on', async () => {
		const { emulator, token } = await connected();
		expect(await post(emulator, token, '/snippet/1002/unapprove.json')).toBe('709');
		expect(await post(emulator, token, '/emailTemplate/1001/unapprove.json')).toBe('709');
		expect(await post(emulator, token, '/landingPageTemplate/1001/unapprove.json')).toBe('709');
		expect(await post(emulator, token, '/emailTemplate/1003/unapprove.json')).toBe('success');
	});

	it('discard needs a draft beside an approved version', async () => {
		const { emulator, token } = await connected();
		expect(await post(emulator, token, '/email/1001/discardDraft.json')).toBe('709');
		expect(await post(emulator, token, '/email/1002/discardDraft.json')).toBe('709');
		expect(await post(emulator, token, '/email/1004/discardDraft.json')).toBe('success');
	});

	it('delete refuses an approved asset and a template in use', async () => {
		const { emulator, token } = await connected();
		expect(await post(emulator, token, '/email/1001/delete.json')).toBe('709');
		expect(await post(emulator, token, '/emailTemplate/1002/delete.json')).toBe('success');
		expect(await post(emulator, token, '/form/1002/delete.json')).toBe('success');
	});
});

describe('multipart uploads', () => {
	it('parses fields and the file part; a form or a missing file part is refused', async () => {
		const { emulator, token } = await connected();
		const upload = multipart({ name: 'notes.txt', folder: '{"id":17,"type":"Folder"}' }, { name: 'file', fileName: 'notes.txt', type: 'text/plain', content: 'Hello\r\nWorld' });
		const answer = await send(emulator, 'POST', `${API}/files.json`, { token, ...upload });
		expect(answer.body.result?.[0]).toMatchObject({ name: 'notes.txt', mimeType: 'text/plain', size: 12 });

		expect(outcome(await send(emulator, 'POST', `${API}/files.json`, { token, form: { name: 'x', folder: '{"id":17,"type":"Folder"}' } }))).toBe('612');
		const noFile = multipart({ name: 'x.txt', folder: '{"id":17,"type":"Folder"}' }, { name: 'attachment', fileName: 'x.txt', type: 'text/plain', content: 'x' });
		expect(outcome(await send(emulator, 'POST', `${API}/files.json`, { token, ...noFile }))).toBe('1002');
	});
});
