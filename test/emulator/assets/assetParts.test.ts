import { outcome, send, startEmulator, tokenFor } from '../testClient';
import { assetsOf, type Fields } from './AssetStore';

const API = '/rest/asset/v1';

async function connected() {
	const emulator = await startEmulator();
	return { emulator, token: await tokenFor(emulator), assets: assetsOf(emulator) };
}

describe('updates that blank a field', () => {
	it('a text field sent empty clears the value; an empty name is 701 and changes nothing', async () => {
		const { emulator, token, assets } = await connected();
		await send(emulator, 'POST', `${API}/snippet/1001.json`, { token, form: { description: 'Shown in footers' } });
		const cleared = await send(emulator, 'POST', `${API}/snippet/1001.json`, { token, form: { description: '' } });
		expect(cleared.body.result?.[0]).toMatchObject({ name: 'Footer', description: null });

		expect(outcome(await send(emulator, 'POST', `${API}/snippet/1001.json`, { token, form: { name: '', description: 'x' } }))).toBe('701');
		expect(outcome(await send(emulator, 'POST', `${API}/smartCampaign/2001.json`, { token, json: { name: '' } }))).toBe('701');
		expect(assets.get('snippet', 1001)?.draft?.description).toBeNull();
	});
});

describe('email modules and dynamic content', () => {
	it('routes /email/{id}/content/rearrange.json before the {htmlId} section path beside it', async () => {
		const { emulator, token, assets } = await connected();
		const answer = await send(emulator, 'POST', `${API}/email/1001/content/rearrange.json`, { token, form: { positions: '[{"moduleId": "footer", "index": 0}]' } });
		expect(outcome(answer)).toBe('success');
		expect((assets.get('email', 1001)?.draft?.modules as Array<{ id: string }>).map((module) => module.id)).toEqual(['footer', 'hero', 'intro']);
	});

	it('module parameters are read from the query string only (the official file): in the body they are missing (1002)', async () => {
		const { emulator, token } = await connected();
		expect(outcome(await send(emulator, 'POST', `${API}/email/1001/content/hero/rename.json`, { token, form: { name: 'Big Hero' } }))).toBe('1002');
		expect(outcome(await send(emulator, 'POST', `${API}/email/1001/content/hero/rename.json?name=Big%20Hero`, { token }))).toBe('success');
		expect(outcome(await send(emulator, 'POST', `${API}/email/1001/content/cta/add.json?name=CTA&index=9`, { token }))).toBe('1003');
	});

	it('a rearrange that names a module twice or an index past the end is 1003, an unknown module 702, and nothing moves', async () => {
		const { emulator, token, assets } = await connected();
		const rearrange = (positions: unknown) => send(emulator, 'POST', `${API}/email/1001/content/rearrange.json`, { token, form: { positions: JSON.stringify(positions) } });
		expect(outcome(await rearrange([{ moduleId: 'hero', index: 0 }, { moduleId: 'hero', index: 1 }]))).toBe('1003');
		expect(outcome(await rearrange([{ moduleId: 'hero', index: 3 }]))).toBe('1003');
		expect(outcome(await rearrange([{ moduleId: 'sidebar', index: 0 }]))).toBe('702');
		expect(assets.get('email', 1001)?.draft).toBeUndefined();
	});

	it('a section is made dynamic with a segmentation that exists (702 otherwise); versions are set per segment', async () => {
		const { emulator, token, assets } = await connected();
		expect(outcome(await send(emulator, 'POST', `${API}/email/1001/content/headline.json`, { token, form: { type: 'DynamicContent', value: '4242' } }))).toBe('702');
		expect(outcome(await send(emulator, 'POST', `${API}/email/1001/content/headline.json`, { token, form: { type: 'DynamicContent', value: '1001' } }))).toBe('success');
		const contentId = encodeURIComponent(Buffer.from('EM-1001-headline').toString('base64'));
		const set = (form: Record<string, string>) => send(emulator, 'POST', `${API}/email/1001/dynamicContent/${contentId}.json`, { token, form });

		expect(outcome(await set({ type: 'Text', value: '<p>x</p>' }))).toBe('701');
		expect(outcome(await set({ segment: 'Finance', type: 'HTML', value: '<p>x</p>' }))).toBe('1003');
		expect(outcome(await set({ segment: 'Finance', type: 'Snippet', value: '4242' }))).toBe('702');
		expect(outcome(await set({ segment: 'Finance', type: 'Snippet', value: '1001' }))).toBe('success');
		const headline = ((assets.get('email', 1001)?.draft as Fields).sections as Array<{ htmlId: string; dynamic?: { versions: Record<string, unknown> } }>).find((section) => section.htmlId === 'headline');
		expect(headline?.dynamic?.versions).toEqual({ Technology: { type: 'Text', value: 'Welcome!' }, Finance: { type: 'Snippet', value: '1001' }, Default: { type: 'Text', value: 'Welcome!' } });
	});
});

describe('form layout', () => {
	it('Add Field takes only fields forms can hold; a visibility rule needs a rule type, the field, and conditions on other fields', async () => {
		const { emulator, token } = await connected();
		expect(outcome(await send(emulator, 'POST', `${API}/form/1001/fields.json`, { token, form: { fieldId: 'Nickname' } }))).toBe('1003');
		expect(outcome(await send(emulator, 'POST', `${API}/form/1001/fields.json`, { token, form: { fieldId: 'registrationCode' } }))).toBe('success');
		const visibility = (rule: unknown) => send(emulator, 'POST', `${API}/form/1001/field/FirstName/visibility.json`, { token, form: { visibilityRule: JSON.stringify(rule) } });
		expect(outcome(await visibility({ ruleType: 'sometimes', rules: [] }))).toBe('1003');
		expect(outcome(await visibility({ ruleType: 'show', rules: [{ subjectField: 'FirstName', operator: 'isEmpty', values: [] }] }))).toBe('709');
		expect(outcome(await send(emulator, 'POST', `${API}/form/1001/field/Phone/visibility.json`, { token, form: { visibilityRule: '{"ruleType":"alwaysShow","rules":[]}' } }))).toBe('702');
	});
});
