import { assetsOf } from '../emulator/assets/AssetStore';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const API = '/rest/asset/v1';
const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

async function instance() {
	const emulator = await startEmulator();
	return { emulator, store: credentialStore(emulator), assets: assetsOf(emulator) };
}

const modulesOf = (assets: ReturnType<typeof assetsOf>, id: number) => (assets.get('email', id)?.draft?.modules as Array<{ id: string; name: string }>).map(({ id: moduleId, name }) => `${moduleId}:${name}`);

describe('Email → Get CC Fields', () => {
	it('lists the fields enabled for Email CC, one item each, without naming an email', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'email', operation: 'getCcFields' }, { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json.displayName)).toEqual(['Lead Owner Email Address', 'Account Owner Email']);
		expect(callsTo(emulator, 'GET', `${API}/email/ccFields.json`)).toHaveLength(1);
	});
});

describe('Email → dynamic content', () => {
	it('a section made dynamic gets an ID of its own; each segment\'s version is read and set through it', async () => {
		const { emulator, store, assets } = await instance();
		await runMarketo({ resource: 'email', operation: 'updateContentSection', assetId: byId(1001), htmlId: 'headline', type: 'DynamicContent', value: '1001' }, { store });
		const sections = await runMarketo({ resource: 'email', operation: 'getContent', assetId: byId(1001), options: { status: 'draft' } }, { store });
		const headline = sections.output(MARKETO_NODE).find((item) => item.json.htmlId === 'headline')?.json;
		expect(headline).toMatchObject({ contentType: 'DynamicContent', value: expect.any(String) });
		const contentId = String(headline?.value);

		await runMarketo(
			{ resource: 'email', operation: 'updateDynamicContent', assetId: byId(1001), contentId, segment: 'Finance', type: 'Text', value: '<h1>Hello, finance</h1>', additionalFields: { style: 'color: #060' } },
			{ store },
		);
		// Marketo's dynamic content IDs are base64 text, `=` and all: the path carries them encoded.
		expect(contentId).toMatch(/=$/);
		const [update] = callsTo(emulator, 'POST', `${API}/email/1001/dynamicContent/${encodeURIComponent(contentId)}.json`);
		expect(update.body).toEqual({ segment: 'Finance', type: 'Text', value: '<h1>Hello, finance</h1>', style: 'color: #060' });

		const read = await runMarketo({ resource: 'email', operation: 'getDynamicContent', assetId: byId(1001), contentId, options: { status: 'draft' } }, { store });
		expect(read.output(MARKETO_NODE)[0].json).toMatchObject({
			segmentation: 1001,
			content: [
				{ segmentName: 'Technology', type: 'Text', content: 'Welcome!' },
				{ segmentName: 'Finance', type: 'Text', content: '<h1>Hello, finance</h1>' },
				{ segmentName: 'Default', type: 'Text', content: 'Welcome!' },
			],
		});
		// The approved version is untouched until the draft is approved.
		expect(assets.get('email', 1001)?.approved?.sections).toContainEqual({ htmlId: 'headline', contentType: 'Text', value: 'Welcome!' });
	});

	it('a snippet version names the snippet by ID: anything else is the item\'s error before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'email', operation: 'updateDynamicContent', assetId: byId(1001), contentId: 'RU0xMDAxLWhlYWRsaW5l', segment: 'Finance', type: 'Snippet', value: 'Footer' },
			{ store },
		);
		expect(result.error?.message).toBe('Item 0, field "Value": "Footer" is not a Marketo id (a positive whole number)');
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('a segment the section\'s segmentation does not have is refused (702) for that item only', async () => {
		const { store } = await instance();
		await runMarketo({ resource: 'email', operation: 'updateContentSection', assetId: byId(1001), htmlId: 'body', type: 'DynamicContent', value: '1001' }, { store });
		const contentId = Buffer.from('EM-1001-body').toString('base64');
		const result = await runMarketo(
			{ resource: 'email', operation: 'updateDynamicContent', assetId: byId(1001), contentId, segment: '={{ $json.segment }}', type: 'Text', value: '<p>x</p>' },
			{ store, items: [{ segment: 'Retail' }, { segment: 'Technology' }], continueOnFail: true },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.error ?? item.json.id)).toEqual([expect.stringContaining('Segment \'Retail\' not found'), 1001]);
	});
});

describe('Email → modules', () => {
	it('adds a module at a position, copies, renames and removes modules (each in the draft)', async () => {
		const { emulator, store, assets } = await instance();
		await runMarketo({ resource: 'email', operation: 'addModule', assetId: byId(1001), moduleId: 'cta', moduleName: 'Call to Action', index: 1 }, { store });
		expect(callsTo(emulator, 'POST', `${API}/email/1001/content/cta/add.json`)[0].query).toEqual({ name: 'Call to Action', index: '1' });
		expect(modulesOf(assets, 1001)).toEqual(['hero:Hero Image', 'cta:Call to Action', 'intro:Intro Text', 'footer:Footer']);

		await runMarketo({ resource: 'email', operation: 'duplicateModule', assetId: byId(1001), moduleId: 'intro', moduleName: 'Intro (copy)' }, { store });
		await runMarketo({ resource: 'email', operation: 'renameModule', assetId: byId(1001), moduleId: 'hero', moduleName: 'Spring Hero' }, { store });
		await runMarketo({ resource: 'email', operation: 'deleteModule', assetId: byId(1001), moduleId: 'cta' }, { store });
		expect(modulesOf(assets, 1001)).toEqual(['hero:Spring Hero', 'intro:Intro Text', 'intro-1:Intro (copy)', 'footer:Footer']);
		expect(assets.get('email', 1001)?.approved?.modules).toHaveLength(3);
	});

	it('Rearrange Modules sends the positions as JSON text; the modules not named keep their order', async () => {
		const { emulator, store, assets } = await instance();
		await runMarketo({ resource: 'email', operation: 'rearrangeModules', assetId: byId(1001), positions: '[{"moduleId": "footer", "index": 0}]' }, { store });
		expect(callsTo(emulator, 'POST', `${API}/email/1001/content/rearrange.json`)[0].body).toEqual({ positions: '[{"moduleId":"footer","index":0}]' });
		expect(modulesOf(assets, 1001)).toEqual(['footer:Footer', 'hero:Hero Image', 'intro:Intro Text']);
	});

	it('positions that are not {moduleId, index} and a negative index are named before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'email', operation: 'rearrangeModules', assetId: byId(1001), positions: '={{ $json.positions }}' },
			{ store, items: [{ positions: '[{"module": "footer", "index": 0}]' }, { positions: '[]' }], continueOnFail: true },
		);
		const added = await runMarketo({ resource: 'email', operation: 'addModule', assetId: byId(1001), moduleId: 'cta', moduleName: 'CTA', index: -1 }, { store });
		expect([...result.output(MARKETO_NODE).map((item) => item.json.error), added.error?.message]).toEqual([
			'Item 0, field "Positions": entry 0 must be {"moduleId": "<module ID>", "index": <position from 0>}, got {"module":"footer","index":0}',
			'Item 1, field "Positions": lists no module; give at least one {"moduleId", "index"}',
			'Item 0, field "Index": -1 is not a position; positions count from 0',
		]);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('a module the email does not have is refused (702); one it has already cannot be added again (709)', async () => {
		const { store } = await instance();
		const renamed = await runMarketo({ resource: 'email', operation: 'renameModule', assetId: byId(1001), moduleId: 'sidebar', moduleName: 'Side' }, { store, continueOnFail: true });
		const added = await runMarketo({ resource: 'email', operation: 'addModule', assetId: byId(1001), moduleId: 'hero', moduleName: 'Hero', index: 0 }, { store, continueOnFail: true });
		expect(renamed.output(MARKETO_NODE)[0].json.error).toContain('702');
		expect(added.output(MARKETO_NODE)[0].json.error).toContain('709');
	});
});
