import { assetsOf } from '../emulator/assets/AssetStore';
import { programsOf } from '../emulator/programs/ProgramStore';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const API = '/rest/asset/v1';
const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

async function instance() {
	const emulator = await startEmulator();
	return { emulator, store: credentialStore(emulator), assets: assetsOf(emulator) };
}

describe('Folder', () => {
	it('a folder is named by a plain ID and the Folder Type selector, or by {"id","type"} JSON', async () => {
		const { emulator, store } = await instance();
		const plain = await runMarketo({ resource: 'folder', operation: 'get', folder: byId(1001), folderType: 'Program' }, { store });
		expect(plain.output(MARKETO_NODE)[0].json).toMatchObject({ name: 'Webinar 2026', folderId: { id: 1001, type: 'Program' } });
		const json = await runMarketo({ resource: 'folder', operation: 'get', folder: '={{ { "id": 12, "type": "Folder" } }}', folderType: 'Program' }, { store });
		expect(json.output(MARKETO_NODE)[0].json).toMatchObject({ name: 'Emails', path: '/Design Studio/Emails' });
		expect(emulator.apiCalls().map((call) => [call.path, call.query])).toEqual([
			[`${API}/folder/1001.json`, { type: 'Program' }],
			[`${API}/folder/12.json`, { type: 'Folder' }],
		]);
	});

	it('an unknown folder type is the item\'s error, naming the field, before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'folder', operation: 'get', folder: '={{ $json.folder }}', folderType: 'Folder' },
			{ store, items: [{ folder: { id: 12, type: 'Drawer' } }, { folder: '12' }], continueOnFail: true },
		);
		expect(result.output(MARKETO_NODE)[0].json.error).toBe('Item 0, field "Folder": "Drawer" is not a folder type; use Folder or Program');
		expect(result.output(MARKETO_NODE)[1].json.name).toBe('Emails');
		expect(emulator.apiCalls()).toHaveLength(1);
	});

	it('Get Many browses the tree below a root, down to a depth, paged by offset', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'folder', operation: 'getMany', returnAll: true, filters: { root: byId(2), rootType: 'Folder', maxDepth: 1 } },
			{ store },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.name)).toEqual(['Emails', 'Email Templates', 'Landing Pages', 'Landing Page Templates', 'Forms', 'Images and Files', 'Snippets']);
		expect(callsTo(emulator, 'GET', `${API}/folders.json`)[0].query).toEqual({ root: '{"id":2,"type":"Folder"}', maxDepth: '1', offset: '0', maxReturn: '200' });
	});

	it('Get Contents lists what a program holds; Get by Name finds a folder', async () => {
		const { store } = await instance();
		const contents = await runMarketo({ resource: 'folder', operation: 'getContents', folder: byId(1001), folderType: 'Program', returnAll: true }, { store });
		expect(contents.output(MARKETO_NODE).map((item) => item.json)).toEqual(
			expect.arrayContaining([
				{ id: 1002, type: 'Email' },
				{ id: 1001, type: 'Landing Page' },
			]),
		);
		const named = await runMarketo({ resource: 'folder', operation: 'getByName', name: 'Snippets', options: { type: 'Folder' } }, { store });
		expect(named.output(MARKETO_NODE)[0].json).toMatchObject({ id: 18, parent: { id: 2, type: 'Folder' } });
	});

	it('creates a folder in a program, renames it, and deletes it; a folder that holds something is not deleted (709)', async () => {
		const { emulator, store, assets } = await instance();
		const created = await runMarketo(
			{ resource: 'folder', operation: 'create', name: 'Assets', parent: byId(1001), parentType: 'Program', additionalFields: { description: 'Webinar assets' } },
			{ store },
		);
		const id = created.output(MARKETO_NODE)[0].json.id as number;
		expect(callsTo(emulator, 'POST', `${API}/folders.json`)[0].body).toEqual({ name: 'Assets', parent: '{"id":1001,"type":"Program"}', description: 'Webinar assets' });

		await runMarketo({ resource: 'folder', operation: 'update', folder: byId(id), folderType: 'Folder', updateFields: { name: 'Webinar Assets' } }, { store });
		expect(callsTo(emulator, 'POST', `${API}/folder/${id}.json`)[0].body).toEqual({ type: 'Folder', name: 'Webinar Assets' });

		assets.create('snippet', { name: 'Held', folder: { id, type: 'Folder' } }, { drafts: true });
		const refused = await runMarketo({ resource: 'folder', operation: 'delete', folder: byId(id), folderType: 'Folder' }, { store, continueOnFail: true });
		expect(refused.output(MARKETO_NODE)[0].json).toMatchObject({ code: '709', error: expect.stringContaining('is not empty') });

		const empty = await runMarketo({ resource: 'folder', operation: 'delete', folder: byId(20), folderType: 'Folder' }, { store });
		expect(empty.output(MARKETO_NODE)[0].json).toEqual({ id: 20 });
		expect(callsTo(emulator, 'POST', `${API}/folder/20/delete.json`)[0].body).toEqual({ type: 'Folder' });
	});
});

describe('My Token (on a folder or program)', () => {
	const program = { folder: byId(1001), folderType: 'Program' };

	it('lists the tokens of a program, one item per token', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'token', operation: 'getMany', ...program }, { store });
		expect(result.output(MARKETO_NODE).map((item) => item.json)).toEqual([
			{ folderId: 1001, folderType: 'Program', name: 'Event Date', type: 'date', value: '2026-05-14', computedUrl: expect.any(String) },
			{ folderId: 1001, folderType: 'Program', name: 'Speaker', type: 'text', value: 'Ada Lovelace', computedUrl: expect.any(String) },
		]);
		expect(callsTo(emulator, 'GET', `${API}/folder/1001/tokens.json`)[0].query).toEqual({ folderType: 'Program' });
	});

	it('Create or Update takes {{my.Name}} or the bare name, and replaces a token of that name', async () => {
		const { emulator, store, assets } = await instance();
		await runMarketo({ resource: 'token', operation: 'upsert', ...program, name: '{{my.Speaker}}', type: 'text', value: 'Grace Hopper' }, { store });
		expect(callsTo(emulator, 'POST', `${API}/folder/1001/tokens.json`)[0].body).toEqual({ folderType: 'Program', name: 'Speaker', type: 'text', value: 'Grace Hopper' });
		expect(assets.tokensOf('Program', 1001)).toContainEqual({ name: 'Speaker', type: 'text', value: 'Grace Hopper' });
	});

	it('Delete removes a token; a token that is not there is the item\'s error', async () => {
		const { store, assets } = await instance();
		const result = await runMarketo(
			{ resource: 'token', operation: 'delete', ...program, name: '={{ $json.name }}', type: 'text' },
			{ store, items: [{ name: 'Speaker' }, { name: 'Venue' }], continueOnFail: true },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.code ?? item.json.id)).toEqual([1001, '702']);
		expect(assets.tokensOf('Program', 1001).map((token) => token.name)).toEqual(['Event Date']);
	});
});

describe('Program', () => {
	it('Get by Name with tags; Get by Tag pages the programs that have a tag value', async () => {
		const { emulator, store } = await instance();
		const named = await runMarketo({ resource: 'program', operation: 'getByName', name: 'Webinar 2026', options: { includeTags: true } }, { store });
		expect(named.output(MARKETO_NODE)[0].json).toMatchObject({ id: 1001, tags: [{ tagType: 'Region', tagValue: 'EMEA' }] });
		const tagged = await runMarketo({ resource: 'program', operation: 'getByTag', tagType: 'Region', tagValue: 'EMEA', returnAll: true }, { store });
		expect(tagged.output(MARKETO_NODE).map((item) => item.json.name)).toEqual(['Webinar 2026']);
		expect(callsTo(emulator, 'GET', `${API}/program/byTag.json`)[0].query).toEqual({ tagType: 'Region', tagValue: 'EMEA', offset: '0', maxReturn: '200' });
	});

	it('a created program is one ProgramStore knows, so Program Member and Get see it too', async () => {
		const { store, emulator } = await instance();
		const created = await runMarketo(
			{ resource: 'program', operation: 'create', name: 'Autumn Webinar', folder: byId(19), folderType: 'Folder', type: 'Event with Webinar', channel: 'Webinar' },
			{ store },
		);
		const id = created.output(MARKETO_NODE)[0].json.id as number;
		expect(programsOf(emulator).get(id)).toMatchObject({ name: 'Autumn Webinar', type: 'webinar', channel: 'Webinar' });
		const read = await runMarketo({ resource: 'program', operation: 'get', assetId: byId(id) }, { store });
		expect(read.output(MARKETO_NODE)[0].json.name).toBe('Autumn Webinar');
	});

	it('a channel that does not fit the program type is refused (709)', async () => {
		const { store } = await instance();
		const result = await runMarketo(
			{ resource: 'program', operation: 'create', name: 'Odd', folder: byId(19), folderType: 'Folder', type: 'Engagement', channel: 'Webinar' },
			{ store, continueOnFail: true },
		);
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ code: '709', error: expect.stringContaining("Channel 'Webinar' does not apply to Engagement programs") });
	});

	it('approves and unapproves email programs; other programs are refused (709)', async () => {
		const { emulator, store, assets } = await instance();
		const email = programsOf(emulator)
			.all()
			.find((program) => program.name === 'Spring Newsletter');
		await runMarketo({ resource: 'program', operation: 'approveDraft', assetId: byId(email?.id as number) }, { store });
		expect(callsTo(emulator, 'POST', `${API}/program/${email?.id}/approve.json`)).toHaveLength(1);
		expect(assets.programExtras(email?.id as number).approved).toBe(true);

		await runMarketo({ resource: 'program', operation: 'unapprove', assetId: byId(email?.id as number) }, { store });
		expect(assets.programExtras(email?.id as number).approved).toBe(false);

		const refused = await runMarketo({ resource: 'program', operation: 'approveDraft', assetId: byId(1001) }, { store, continueOnFail: true });
		expect(refused.output(MARKETO_NODE)[0].json).toMatchObject({ code: '709', error: expect.stringContaining('not an email program') });
	});

	it('Get Smart List returns the program\'s smart list with its rules', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'program', operation: 'getSmartList', assetId: byId(1001), options: { includeRules: true } }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ name: 'Webinar 2026 Smart List', rules: { filterMatchType: 'All' } });
		expect(callsTo(emulator, 'GET', `${API}/program/1001/smartList.json`)[0].query).toEqual({ includeRules: 'true' });
	});

	it('Get Many filters by program ID (Filter By + Filter Values, sent as filterType and comma-joined filterValues)', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'program', operation: 'getMany', returnAll: true, filters: { filterType: 'id', filterValues: '1001, 1003' } },
			{ store },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.name)).toEqual(['Webinar 2026', 'Trade Show Berlin']);
		expect(callsTo(emulator, 'GET', `${API}/programs.json`)[0].query).toEqual({ filterType: 'id', filterValues: '1001,1003', offset: '0', maxReturn: '200' });
	});

	it('one half of the filter pair without the other, or an ID that is not one, is named before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'program', operation: 'getMany', returnAll: true, filters: { filterType: '={{ $json.by }}', filterValues: '={{ $json.values }}' } },
			{ store, items: [{ by: 'folderId', values: '' }, { by: '', values: '19' }, { by: 'folderId', values: '19, Campaigns' }], continueOnFail: true },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.error)).toEqual([
			'Item 0, field "Filter Values": is empty; Filter By needs values to match',
			'Item 1, field "Filter By": is not set; add it to say what Filter Values are',
			'Item 2, field "Filter Values": "Campaigns" is not a Marketo id (a positive whole number)',
		]);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('a program picked by its Marketo URL is read by the ID in it', async () => {
		const { emulator, store } = await instance();
		await runMarketo({ resource: 'program', operation: 'getSmartList', assetId: { __rl: true, mode: 'url', value: 'https://app-ab12.marketo.com/#PG1002A1' } }, { store });
		expect(callsTo(emulator, 'GET', `${API}/program/1002/smartList.json`)).toHaveLength(1);
	});
});

describe('Smart Campaign', () => {
	it('activates an inactive trigger campaign and deactivates an active one', async () => {
		const { store, assets } = await instance();
		await runMarketo({ resource: 'smartCampaign', operation: 'activate', assetId: byId(2004) }, { store });
		await runMarketo({ resource: 'smartCampaign', operation: 'deactivate', assetId: byId(2001) }, { store });
		expect([assets.get('smartCampaign', 2004)?.approved?.isActive, assets.get('smartCampaign', 2001)?.approved?.isActive]).toEqual([true, false]);
	});

	it('a batch campaign cannot be activated (709), an active one not deleted (709)', async () => {
		const { store } = await instance();
		const activate = await runMarketo({ resource: 'smartCampaign', operation: 'activate', assetId: byId(2005) }, { store, continueOnFail: true });
		expect(activate.output(MARKETO_NODE)[0].json).toMatchObject({ code: '709', error: expect.stringContaining('batch campaign') });
		const remove = await runMarketo({ resource: 'smartCampaign', operation: 'delete', assetId: byId(2001) }, { store, continueOnFail: true });
		expect(remove.output(MARKETO_NODE)[0].json).toMatchObject({ code: '709', error: expect.stringContaining('deactivate it first') });
	});

	it('Get Many filters active campaigns; Get Smart List shows the trigger', async () => {
		const { emulator, store } = await instance();
		const active = await runMarketo({ resource: 'smartCampaign', operation: 'getMany', returnAll: true, filters: { isActive: true } }, { store });
		expect(active.output(MARKETO_NODE).map((item) => item.json.id)).toEqual([2001, 2002, 2003]);
		expect(callsTo(emulator, 'GET', `${API}/smartCampaigns.json`)[0].query).toMatchObject({ isActive: 'true' });
		const smartList = await runMarketo({ resource: 'smartCampaign', operation: 'getSmartList', assetId: byId(2001), options: { includeRules: true } }, { store });
		expect(smartList.output(MARKETO_NODE)[0].json).toMatchObject({ rules: { triggers: ['Campaign is Requested'] } });
	});
});

describe('Smart List, Segmentation, Channel, Tag', () => {
	it('Smart List → Get with rules', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'smartList', operation: 'get', assetId: byId(1001), options: { includeRules: true } }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ name: 'Active Customers', rules: { filters: [{ name: 'Lead Status' }] } });
		expect(callsTo(emulator, 'GET', `${API}/smartList/1001.json`)[0].query).toEqual({ includeRules: 'true' });
	});

	it('Segmentation → Get Many in one unpaged call; Get Segments pages by offset', async () => {
		const { emulator, store } = await instance();
		const segmentations = await runMarketo({ resource: 'segmentation', operation: 'getMany', filters: { status: 'approved' } }, { store });
		expect(segmentations.output(MARKETO_NODE).map((item) => item.json.name)).toEqual(['Industry']);
		expect(callsTo(emulator, 'GET', `${API}/segmentation.json`)[0].query).toEqual({ status: 'approved' });
		const segments = await runMarketo({ resource: 'segmentation', operation: 'getSegments', assetId: byId(1001), returnAll: false, limit: 2 }, { store });
		expect(segments.output(MARKETO_NODE).map((item) => item.json.name)).toEqual(['Technology', 'Finance']);
		expect(callsTo(emulator, 'GET', `${API}/segmentation/1001/segments.json`)[0].query).toEqual({ offset: '0', maxReturn: '2' });
	});

	it('Channel → Get by Name sends Marketo\'s capitalised Name parameter', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'channel', operation: 'getByName', name: 'Tradeshow' }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ name: 'Tradeshow', applicableProgramType: 'event' });
		expect(callsTo(emulator, 'GET', `${API}/channel/byName.json`)[0].query).toEqual({ Name: 'Tradeshow' });
	});

	it('Tag → Get by Name reads a tag type with its allowed values', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'tag', operation: 'getByName', name: 'Region' }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ tagType: 'Region', allowableValues: 'AMER,APAC,EMEA' });
	});
});

describe('Landing Page Redirect Rule', () => {
	it('creates a rule from a path to a landing page, then points it at a URL', async () => {
		const { emulator, store } = await instance();
		const created = await runMarketo(
			{ resource: 'redirectRule', operation: 'create', hostname: 'go.example.com', redirectFromType: 'path', redirectFrom: '/spring', redirectToType: 'landingPageId', redirectTo: '1001' },
			{ store },
		);
		const rule = created.output(MARKETO_NODE)[0].json;
		expect(rule).toMatchObject({ hostname: 'go.example.com', redirectFromUrl: 'https://go.example.com/spring', redirectTo: { type: 'landingPageId', value: '1001' } });
		expect(callsTo(emulator, 'POST', `${API}/redirectRules.json`)[0].body).toEqual({
			hostname: 'go.example.com',
			redirectFrom: '{"type":"path","value":"/spring"}',
			redirectTo: '{"type":"landingPageId","value":"1001"}',
		});
		const updated = await runMarketo(
			{ resource: 'redirectRule', operation: 'update', assetId: byId(rule.id as number), updateFields: { redirectToType: 'url', redirectTo: 'https://acme.example/spring' } },
			{ store },
		);
		expect(updated.output(MARKETO_NODE)[0].json).toMatchObject({ redirectToUrl: 'https://acme.example/spring' });
	});

	it('a host that is not a landing page domain of the instance is refused (709)', async () => {
		const { store } = await instance();
		const result = await runMarketo(
			{ resource: 'redirectRule', operation: 'create', hostname: 'evil.example', redirectFromType: 'path', redirectFrom: '/x', redirectToType: 'url', redirectTo: 'https://acme.example' },
			{ store, continueOnFail: true },
		);
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ code: '709' });
	});
});
