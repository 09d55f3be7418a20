import { assetsOf } from '../emulator/assets/AssetStore';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const API = '/rest/asset/v1';
const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

async function instance() {
	const emulator = await startEmulator();
	return { emulator, store: credentialStore(emulator), assets: assetsOf(emulator) };
}

describe('Landing Page → dynamic content', () => {
	it('a section made dynamic shows its ID as its content; one segment\'s version and look are set through it', async () => {
		const { emulator, store } = await instance();
		await runMarketo({ resource: 'landingPage', operation: 'updateContentSection', assetId: byId(1001), contentId: 'RichText-1', type: 'DynamicContent', additionalFields: { value: '1001' } }, { store });
		const sections = await runMarketo({ resource: 'landingPage', operation: 'getContent', assetId: byId(1001), options: { status: 'draft' } }, { store });
		const section = sections.output(MARKETO_NODE).find((item) => item.json.id === 'RichText-1')?.json;
		expect(section).toMatchObject({ type: 'DynamicContent', content: expect.any(String) });
		const contentId = String(section?.content);

		await runMarketo(
			{
				resource: 'landingPage',
				operation: 'updateDynamicContent',
				assetId: byId(1001),
				contentId,
				segment: 'Technology',
				type: 'HTML',
				additionalFields: { value: '<h1>Register, engineers</h1>', backgroundColor: '#EEF', hideMobile: true },
			},
			{ store },
		);
		expect(callsTo(emulator, 'POST', `${API}/landingPage/1001/dynamicContent/${encodeURIComponent(contentId)}.json`)[0].body).toEqual({
			segment: 'Technology',
			type: 'HTML',
			value: '<h1>Register, engineers</h1>',
			backgroundColor: '#EEF',
			hideMobile: 'true',
		});

		const read = await runMarketo({ resource: 'landingPage', operation: 'getDynamicContent', assetId: byId(1001), contentId }, { store });
		expect(read.output(MARKETO_NODE)[0].json).toMatchObject({
			segmentation: 1001,
			content: [
				{ segmentId: 1001, segmentName: 'Technology', type: 'HTML', content: '<h1>Register, engineers</h1>' },
				{ segmentId: 1002, segmentName: 'Finance', type: 'RichText', content: '<h1>Register</h1>' },
				{ segmentId: 1003, segmentName: 'Default', type: 'RichText', content: '<h1>Register</h1>' },
			],
		});
		// The official read takes no status: it shows the draft, where the edit is.
		expect(callsTo(emulator, 'GET', `${API}/landingPage/1001/dynamicContent/${encodeURIComponent(contentId)}.json`)[0].query).toEqual({});
	});

	it('a section that is not dynamic has no dynamic content: Marketo answers 702 for an update', async () => {
		const { store } = await instance();
		const result = await runMarketo(
			{ resource: 'landingPage', operation: 'updateDynamicContent', assetId: byId(1001), contentId: 'RichText-1', segment: 'Default', type: 'HTML' },
			{ store, continueOnFail: true },
		);
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ code: '702', error: expect.stringContaining("Dynamic content 'RichText-1' not found") });
	});

	it('an empty segment is named before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'landingPage', operation: 'updateDynamicContent', assetId: byId(1001), contentId: 'abc', segment: ' ', type: 'HTML' }, { store });
		expect(result.error?.message).toBe('Item 0, field "Segment": is empty; enter a value');
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});

describe('Landing Page Redirect Rule → Get Landing Page Domains', () => {
	it('lists the domain and its aliases, the hostnames a rule can use', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'redirectRule', operation: 'getDomains', returnAll: true }, { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([
			{ hostname: 'pages.example.com', type: 'domain' },
			{ hostname: 'go.example.com', type: 'domain-alias' },
		]);
		expect(callsTo(emulator, 'GET', `${API}/landingPageDomains.json`)[0].query).toEqual({ offset: '0', maxReturn: '200' });
	});
});
