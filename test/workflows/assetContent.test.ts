import { assetsOf } from '../emulator/assets/AssetStore';
import { multipartBody } from '../emulator/assets/requestBody';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const API = '/rest/asset/v1';
const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

async function instance() {
	const emulator = await startEmulator();
	return { emulator, store: credentialStore(emulator), assets: assetsOf(emulator) };
}

describe('Email: content sections, variables, samples, full content', () => {
	it('Get Content lists the editable sections; Update Content Section replaces one (in the draft)', async () => {
		const { emulator, store, assets } = await instance();
		const sections = await runMarketo({ resource: 'email', operation: 'getContent', assetId: byId(1001) }, { store });
		expect(sections.output(MARKETO_NODE).map((item) => item.json.htmlId)).toEqual(['headline', 'body']);

		await runMarketo(
			{ resource: 'email', operation: 'updateContentSection', assetId: byId(1001), htmlId: 'headline', type: 'Text', value: '<h1>Hello again</h1>' },
			{ store },
		);
		expect(callsTo(emulator, 'POST', `${API}/email/1001/content/headline.json`)[0].body).toEqual({ type: 'Text', value: '<h1>Hello again</h1>' });
		expect(assets.get('email', 1001)?.draft?.sections).toContainEqual({ htmlId: 'headline', contentType: 'Text', value: '<h1>Hello again</h1>' });
	});

	it('Update Subject and Sender sends each header as {"type": "Text", "value"}', async () => {
		const { emulator, store, assets } = await instance();
		await runMarketo({ resource: 'email', operation: 'updateHeader', assetId: byId(1001), updateFields: { subject: 'New subject', replyTO: 'help@acme.example' } }, { store });
		expect(callsTo(emulator, 'POST', `${API}/email/1001/content.json`)[0].body).toEqual({
			subject: '{"type":"Text","value":"New subject"}',
			replyTO: '{"type":"Text","value":"help@acme.example"}',
		});
		expect(assets.get('email', 1001)?.draft).toMatchObject({ subject: 'New subject', replyEmail: 'help@acme.example' });
	});

	it('Get Variables and Update Variable', async () => {
		const { emulator, store } = await instance();
		const variables = await runMarketo({ resource: 'email', operation: 'getVariables', assetId: byId(1001) }, { store });
		expect(variables.output(MARKETO_NODE)[0].json).toEqual({ name: 'backgroundColor', value: '#FFFFFF', moduleScope: false });
		const updated = await runMarketo({ resource: 'email', operation: 'updateVariable', assetId: byId(1001), variableName: 'backgroundColor', value: '#000000' }, { store });
		expect(updated.output(MARKETO_NODE)[0].json).toMatchObject({ name: 'backgroundColor', value: '#000000' });
		expect(callsTo(emulator, 'POST', `${API}/email/1001/variable/backgroundColor.json`)).toHaveLength(1);
	});

	it('Send Sample sends one sample per item, rendered for a lead when given', async () => {
		const { store, assets } = await instance();
		const result = await runMarketo(
			{ resource: 'email', operation: 'sendSample', assetId: byId(1001), emailAddress: '={{ $json.to }}', additionalFields: { leadId: '7', textOnly: true } },
			{ store, items: [{ to: 'qa@acme.example' }, { to: 'boss@acme.example' }] },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([
			{ service: 'sendTestEmail', result: true },
			{ service: 'sendTestEmail', result: true },
		]);
		expect(assets.samples).toEqual([
			{ emailId: 1001, emailAddress: 'qa@acme.example', leadId: '7', textOnly: true },
			{ emailId: 1001, emailAddress: 'boss@acme.example', leadId: '7', textOnly: true },
		]);
	});

	it('Send Sample to something that is not an address is named before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'email', operation: 'sendSample', assetId: byId(1001), emailAddress: 'not-an-address' }, { store });
		expect(result.error?.message).toBe('Item 0, field "Send To": "not-an-address" is not a valid email address');
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('Get Full Content renders the whole HTML; Update Full Content uploads HTML as a multipart file, once', async () => {
		const { emulator, store, assets } = await instance();
		const full = await runMarketo({ resource: 'email', operation: 'getFullContent', assetId: byId(1001), options: { type: 'HTML' } }, { store });
		expect(full.output(MARKETO_NODE)[0].json.content).toContain('Thanks for joining.');

		await runMarketo({ resource: 'email', operation: 'updateFullContent', assetId: byId(1001), contentSource: 'text', html: '<html><body>All new</body></html>' }, { store });
		const [call] = callsTo(emulator, 'POST', `${API}/email/1001/fullContent.json`);
		expect(multipartBody(call.body).get('content')).toEqual({ name: 'content', value: '<html><body>All new</body></html>', fileName: 'content.html', contentType: 'text/html' });
		expect(assets.get('email', 1001)?.draft?.fullContent).toBe('<html><body>All new</body></html>');
	});

	it('HTML that is empty or not text is that item\'s error, before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'email', operation: 'updateFullContent', assetId: byId(1001), contentSource: 'text', html: '={{ $json.html }}' },
			{ store, items: [{ html: '   ' }, { html: { not: 'html' } }], continueOnFail: true },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.error)).toEqual([
			'Item 0, field "HTML": is empty; enter the HTML',
			'Item 1, field "HTML": must be HTML text, not an object or a list',
		]);
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});

describe('Email Template and Landing Page Template: HTML content', () => {
	it('Create uploads the template as multipart: name, folder JSON, description, content file', async () => {
		const { emulator, store } = await instance();
		const html = '<html><body><div class="mktEditable" id="main">Hi</div></body></html>';
		const result = await runMarketo(
			{ resource: 'emailTemplate', operation: 'create', name: 'Promo 2026', folder: byId(13), folderType: 'Folder', contentSource: 'text', html, additionalFields: { description: 'Spring' } },
			{ store },
		);
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ name: 'Promo 2026', status: 'draft' });
		const parts = multipartBody(callsTo(emulator, 'POST', `${API}/emailTemplates.json`)[0].body);
		expect(Object.fromEntries([...parts].map(([name, part]) => [name, part.value]))).toEqual({ name: 'Promo 2026', folder: '{"id":13,"type":"Folder"}', description: 'Spring', content: html });
	});

	it('Get Content of an email template reads `/content` (the one path without .json)', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'emailTemplate', operation: 'getContent', assetId: byId(1001), options: { status: 'approved' } }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ id: 1001, status: 'approved', content: expect.stringContaining('mktEditable') });
		expect(callsTo(emulator, 'GET', `${API}/emailTemplate/1001/content`)).toHaveLength(1);
	});

	it('Get Used By lists the emails built from a template', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'emailTemplate', operation: 'getUsedBy', assetId: byId(1001), returnAll: true }, { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json.id)).toEqual([1001, 1002, 1003, 1004]);
	});

	it('Update Content of a landing page template replaces its draft HTML', async () => {
		const { emulator, store, assets } = await instance();
		await runMarketo({ resource: 'landingPageTemplate', operation: 'updateContent', assetId: byId(1001), contentSource: 'text', html: '<html><body>New LP</body></html>' }, { store });
		expect(multipartBody(callsTo(emulator, 'POST', `${API}/landingPageTemplate/1001/content.json`)[0].body).get('content')?.value).toBe('<html><body>New LP</body></html>');
		expect(assets.get('landingPageTemplate', 1001)?.draft?.content).toBe('<html><body>New LP</body></html>');
	});
});

describe('Snippet: content and dynamic content', () => {
	it('Update Content sends content and type in the query string, as the official file says', async () => {
		const { emulator, store, assets } = await instance();
		await runMarketo({ resource: 'snippet', operation: 'updateContent', assetId: byId(1001), type: 'HTML', content: '<p>Acme GmbH</p>' }, { store });
		expect(callsTo(emulator, 'POST', `${API}/snippet/1001/content.json`)[0].query).toEqual({ type: 'HTML', content: '<p>Acme GmbH</p>' });
		const read = await runMarketo({ resource: 'snippet', operation: 'getContent', assetId: byId(1001), options: { status: 'draft' } }, { store });
		expect(read.output(MARKETO_NODE)[0].json).toEqual({ type: 'HTML', content: '<p>Acme GmbH</p>' });
		expect(assets.get('snippet', 1001)?.approved?.content).toBe('<p>Acme Inc., 1 Main St.</p>');
	});

	it('content too long for the URL is named before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'snippet', operation: 'updateContent', assetId: byId(1001), type: 'HTML', content: 'x'.repeat(7000) }, { store });
		expect(result.error?.message).toMatch(/Item 0, field "Content": is too long/);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('Update Dynamic Content sets one segment\'s version; Get Dynamic Content reads them', async () => {
		const { emulator, store } = await instance();
		await runMarketo({ resource: 'snippet', operation: 'updateDynamicContent', assetId: byId(1001), segmentId: '1002', type: 'HTML', value: '<p>For finance</p>' }, { store });
		expect(callsTo(emulator, 'POST', `${API}/snippet/1001/dynamicContent/1002.json`)[0].body).toEqual({ type: 'HTML', value: '<p>For finance</p>' });
		const read = await runMarketo({ resource: 'snippet', operation: 'getDynamicContent', assetId: byId(1001), options: { status: 'draft' } }, { store });
		expect(read.output(MARKETO_NODE)[0].json.content).toEqual([{ segmentId: 1002, type: 'HTML', value: '<p>For finance</p>' }]);
	});
});

describe('Landing Page: content sections, variables, full content', () => {
	it('adds, updates and deletes a content section', async () => {
		const { emulator, store, assets } = await instance();
		await runMarketo({ resource: 'landingPage', operation: 'addContentSection', assetId: byId(1001), contentId: 'HTML-9', type: 'HTML', additionalFields: { value: '<p>Agenda</p>', top: '40px' } }, { store });
		expect(callsTo(emulator, 'POST', `${API}/landingPage/1001/content.json`)[0].body).toEqual({ contentId: 'HTML-9', type: 'HTML', value: '<p>Agenda</p>', top: '40px' });
		await runMarketo({ resource: 'landingPage', operation: 'updateContentSection', assetId: byId(1001), contentId: 'HTML-9', type: 'HTML', additionalFields: { value: '<p>Agenda v2</p>' } }, { store });
		expect(assets.get('landingPage', 1001)?.draft?.sections).toContainEqual(expect.objectContaining({ id: 'HTML-9', value: '<p>Agenda v2</p>' }));
		await runMarketo({ resource: 'landingPage', operation: 'deleteContentSection', assetId: byId(1001), contentId: 'HTML-9' }, { store });
		const sections = await runMarketo({ resource: 'landingPage', operation: 'getContent', assetId: byId(1001), options: { status: 'draft' } }, { store });
		expect(sections.output(MARKETO_NODE).map((item) => item.json.id)).toEqual(['RichText-1', 'Form-1']);
	});

	it('Update Variable sends the value in the query string; Get Variables reads it back', async () => {
		const { emulator, store } = await instance();
		await runMarketo({ resource: 'landingPage', operation: 'updateVariable', assetId: byId(1001), variableId: 'heroColor', value: '#FF0000' }, { store });
		expect(callsTo(emulator, 'POST', `${API}/landingPage/1001/variable/heroColor.json`)[0].query).toEqual({ value: '#FF0000' });
		const read = await runMarketo({ resource: 'landingPage', operation: 'getVariables', assetId: byId(1001) }, { store });
		expect(read.output(MARKETO_NODE)[0].json).toEqual({ id: 'heroColor', type: 'color', value: '#FF0000' });
	});

	it('Get Full Content renders the page for a segmentation given as JSON', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'landingPage', operation: 'getFullContent', assetId: byId(1001), options: { segmentation: '[{"segmentationId": 1001, "segmentId": 1002}]' } },
			{ store },
		);
		expect(result.output(MARKETO_NODE)[0].json.content).toContain('<h1>Register</h1>');
		expect(callsTo(emulator, 'GET', `${API}/landingPage/1001/fullContent.json`)[0].query).toEqual({ segmentation: '[{"segmentationId":1001,"segmentId":1002}]' });
	});
});

describe('Form: fields, thank-you page, submit button', () => {
	it('adds, updates and removes a field', async () => {
		const { emulator, store } = await instance();
		const added = await runMarketo({ resource: 'form', operation: 'addField', assetId: byId(1001), fieldId: 'Company', additionalFields: { label: 'Company:', required: true } }, { store });
		expect(added.output(MARKETO_NODE)[0].json).toMatchObject({ id: 'Company', label: 'Company:', required: true });
		expect(callsTo(emulator, 'POST', `${API}/form/1001/fields.json`)[0].body).toEqual({ fieldId: 'Company', label: 'Company:', required: 'true' });
		await runMarketo({ resource: 'form', operation: 'updateField', assetId: byId(1001), fieldId: 'Company', updateFields: { hintText: 'Acme Inc.' } }, { store });
		await runMarketo({ resource: 'form', operation: 'removeField', assetId: byId(1001), fieldId: 'FirstName' }, { store });
		const fields = await runMarketo({ resource: 'form', operation: 'getFields', assetId: byId(1001), options: { status: 'draft' } }, { store });
		expect(fields.output(MARKETO_NODE).map((item) => [item.json.id, item.json.hintText])).toEqual([
			['Email', undefined],
			['Company', 'Acme Inc.'],
		]);
	});

	it('updates the thank-you page; rules without exactly one default are named before any call', async () => {
		const { emulator, store } = await instance();
		const rules = [{ default: true, followupType: 'url', followupValue: 'https://acme.example/thanks' }];
		await runMarketo({ resource: 'form', operation: 'updateThankYouPage', assetId: byId(1001), thankYouRules: JSON.stringify(rules) }, { store });
		expect(callsTo(emulator, 'POST', `${API}/form/1001/thankYouPage.json`)[0].body).toEqual({ thankyou: JSON.stringify(rules) });
		const read = await runMarketo({ resource: 'form', operation: 'getThankYouPage', assetId: byId(1001), options: { status: 'draft' } }, { store });
		expect(read.output(MARKETO_NODE)[0].json.thankYouList).toEqual(rules);

		emulator.resetCounters();
		const bad = await runMarketo({ resource: 'form', operation: 'updateThankYouPage', assetId: byId(1001), thankYouRules: '[{"followupType": "url"}]' }, { store });
		expect(bad.error?.message).toBe('Item 0, field "Thank-You Rules": must have exactly one rule with "default": true (found 0)');
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('updates the submit button', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'form', operation: 'updateSubmitButton', assetId: byId(1001), updateFields: { label: 'Sign me up', buttonPosition: 40 } }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ buttonLabel: 'Sign me up', buttonLocation: 40, status: 'draft' });
	});
});
