import type { IExecuteFunctions, INodeParameters } from 'n8n-workflow';

import { LANDING_PAGE } from '../../nodes/Marketo/actions/asset/assetTypes';
import { sharedCalls } from '../../nodes/Marketo/actions/asset/sharedOperations';
import { assetsOf } from '../emulator/assets/AssetStore';
import { searchList } from './listSearch';
import { callsTo, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const API = '/rest/asset/v1';
const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });
const inFolder = (id: number, type = 'Folder') => ({ folder: byId(id), folderType: type });

async function instance() {
	const emulator = await startEmulator();
	return { emulator, store: credentialStore(emulator), assets: assetsOf(emulator) };
}

/**
 * The main operations of every asset type, as a table: an asset the instance has (seedAssets.ts),
 * what Create and Update take, and the assets the draft workflow acts on.
 */
interface TypeCase {
	resource: string;
	segment: string;
	collection: string;
	existing?: { id: number; name: string };
	byName?: boolean;
	create?: INodeParameters;
	update?: INodeParameters;
	cloneInto?: number;
	deleteId?: number;
	drafts?: { draftOnly: number; withDraft: number; unapprove: boolean; discard: boolean };
}

const TYPES: TypeCase[] = [
	{
		resource: 'email',
		segment: 'email',
		collection: 'emails',
		existing: { id: 1001, name: 'Welcome Email' },
		byName: true,
		create: {
			name: 'Launch Announcement',
			...inFolder(12),
			template: byId(1001),
			subject: 'We launched',
			fromName: 'Acme',
			fromEmail: 'news@acme.example',
			replyEmail: 'reply@acme.example',
			additionalFields: { operational: true },
		},
		update: { updateFields: { description: 'Changed', preHeader: 'Read me' } },
		cloneInto: 19,
		deleteId: 1002,
		drafts: { draftOnly: 1002, withDraft: 1004, unapprove: true, discard: true },
	},
	{
		resource: 'emailTemplate',
		segment: 'emailTemplate',
		collection: 'emailTemplates',
		existing: { id: 1001, name: 'Newsletter Template' },
		byName: true,
		update: { updateFields: { description: 'Changed' } },
		cloneInto: 13,
		deleteId: 1002,
		drafts: { draftOnly: 1002, withDraft: 1003, unapprove: true, discard: true },
	},
	{
		resource: 'snippet',
		segment: 'snippet',
		collection: 'snippets',
		existing: { id: 1001, name: 'Footer' },
		create: { name: 'Legal', ...inFolder(18), additionalFields: { description: 'Legal footer' } },
		update: { updateFields: { name: 'Footer 2026' } },
		cloneInto: 18,
		deleteId: 1002,
		drafts: { draftOnly: 1002, withDraft: 1003, unapprove: true, discard: true },
	},
	{
		resource: 'landingPage',
		segment: 'landingPage',
		collection: 'landingPages',
		existing: { id: 1001, name: 'Webinar Registration' },
		byName: true,
		create: { name: 'Launch Page', ...inFolder(14), template: byId(1001), additionalFields: { title: 'Launch', mobileEnabled: true } },
		update: { updateFields: { title: 'Register now' } },
		cloneInto: 14,
		deleteId: 1002,
		drafts: { draftOnly: 1002, withDraft: 1003, unapprove: true, discard: true },
	},
	{
		resource: 'landingPageTemplate',
		segment: 'landingPageTemplate',
		collection: 'landingPageTemplates',
		existing: { id: 1001, name: 'Basic Template' },
		byName: true,
		create: { name: 'Guided 2026', ...inFolder(15), additionalFields: { templateType: 'guided' } },
		update: { updateFields: { enableMunchkin: false } },
		cloneInto: 15,
		deleteId: 1002,
		drafts: { draftOnly: 1002, withDraft: 1003, unapprove: true, discard: true },
	},
	{
		resource: 'form',
		segment: 'form',
		collection: 'forms',
		existing: { id: 1001, name: 'Webinar Registration Form' },
		byName: true,
		create: { name: 'Demo Request', ...inFolder(16), additionalFields: { labelPosition: 'above' } },
		update: { updateFields: { description: 'Changed' } },
		cloneInto: 16,
		deleteId: 1002,
		drafts: { draftOnly: 1002, withDraft: 1003, unapprove: false, discard: true },
	},
	{ resource: 'file', segment: 'file', collection: 'files', existing: { id: 1001, name: 'logo.svg' }, byName: true },
	{
		resource: 'program',
		segment: 'program',
		collection: 'programs',
		existing: { id: 1001, name: 'Webinar 2026' },
		byName: true,
		create: { name: 'Q3 Nurture', ...inFolder(19), type: 'Engagement', channel: 'Nurture', additionalFields: { tags: '[{"tagType": "Region", "tagValue": "AMER"}]' } },
		update: { updateFields: { description: 'Changed' } },
		cloneInto: 19,
		deleteId: 1003,
	},
	{
		resource: 'smartCampaign',
		segment: 'smartCampaign',
		collection: 'smartCampaigns',
		existing: { id: 2001, name: 'Send Welcome Email' },
		byName: true,
		create: { name: 'Score Downloads', ...inFolder(19) },
		update: { updateFields: { description: 'Changed' } },
		cloneInto: 19,
		deleteId: 2005,
	},
	{ resource: 'smartList', segment: 'smartList', collection: 'smartLists', existing: { id: 1001, name: 'Active Customers' }, byName: true, cloneInto: 19, deleteId: 1001 },
	{
		resource: 'staticListAsset',
		segment: 'staticList',
		collection: 'staticLists',
		existing: { id: 1001, name: 'Newsletter Subscribers' },
		byName: true,
		create: { name: 'Trade Show Leads', ...inFolder(19) },
		update: { updateFields: { description: 'Changed' } },
		deleteId: 1001,
	},
	{ resource: 'channel', segment: 'channel', collection: 'channels', byName: true, existing: { id: 2, name: 'Webinar' } },
	{ resource: 'tag', segment: 'tagType', collection: 'tagTypes', byName: true, existing: { id: 1001, name: 'Region' } },
	{ resource: 'segmentation', segment: 'segmentation', collection: 'segmentation' },
	{ resource: 'redirectRule', segment: 'redirectRule', collection: 'redirectRules', existing: { id: 1001, name: '' }, deleteId: 1001 },
];

const nameOf = (json: Record<string, unknown>) => json.name ?? json.tagType;
const withGet = TYPES.filter((type) => type.existing && !['channel', 'tag'].includes(type.resource));

describe('every asset type: Get, Get by Name, Get Many', () => {
	it.each(withGet.map((type) => [type.resource, type] as const))('%s → Get reads one asset by ID from /<type>/{id}.json', async (_name, type) => {
		const { emulator, store } = await instance();
		const { id } = type.existing as { id: number };
		const result = await runMarketo({ resource: type.resource, operation: 'get', assetId: byId(id) }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ id });
		expect(callsTo(emulator, 'GET', `${API}/${type.segment}/${id}.json`)).toHaveLength(1);
	});

	it.each(TYPES.filter((type) => type.byName).map((type) => [type.resource, type] as const))('%s → Get by Name finds it by its exact name', async (_name, type) => {
		const { emulator, store } = await instance();
		const name = (type.existing as { name: string }).name;
		const result = await runMarketo({ resource: type.resource, operation: 'getByName', name }, { store });
		expect(nameOf(result.output(MARKETO_NODE)[0].json)).toBe(name);
		const [call] = callsTo(emulator, 'GET', `${API}/${type.segment}/byName.json`);
		expect(call.query[type.resource === 'channel' ? 'Name' : 'name']).toBe(name);
	});

	it.each(TYPES.map((type) => [type.resource, type] as const))('%s → Get Many browses the collection', async (_name, type) => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: type.resource, operation: 'getMany', returnAll: true }, { store });
		expect(result.output(MARKETO_NODE).length).toBeGreaterThan(0);
		expect(callsTo(emulator, 'GET', `${API}/${type.collection}.json`)).toHaveLength(1);
	});

	it('Get of an ID Marketo does not have is that item\'s error, naming the field', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'email', operation: 'get', assetId: byId(4242) }, { store, continueOnFail: true });
		expect(result.output(MARKETO_NODE)[0].json.error).toBe('Item 0, field "Email": no email with ID 4242 exists in Marketo');
	});

	it('Get by Name with a status option reads only that version', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: 'email', operation: 'getByName', name: 'Spring Promo', options: { status: 'draft' } }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ status: 'draft', subject: { value: 'Spring sale: last days' } });
		expect(callsTo(emulator, 'GET', `${API}/email/byName.json`)[0].query).toEqual({ name: 'Spring Promo', status: 'draft' });
	});

	it('two items get two assets, each output paired with its item', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'email', operation: 'get', assetId: '={{ $json.id }}' }, { store, items: [{ id: 1002 }, { id: 1001 }] });
		expect(result.output(MARKETO_NODE).map((item) => [item.pairedItem, item.json.name])).toEqual([
			[{ item: 0 }, 'Webinar Invitation'],
			[{ item: 1 }, 'Welcome Email'],
		]);
	});
});

describe('every asset type: Create, Update, Clone, Delete', () => {
	it.each(TYPES.filter((type) => type.create).map((type) => [type.resource, type] as const))('%s → Create sends the fields url-encoded, the folder as {"id","type"} JSON', async (_name, type) => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: type.resource, operation: 'create', ...type.create }, { store });
		const created = result.output(MARKETO_NODE)[0].json;
		expect(created).toMatchObject({ name: type.create?.name });
		const [call] = callsTo(emulator, 'POST', `${API}/${type.collection}.json`);
		const folderId = Number((type.create?.folder as { value: string }).value);
		expect(call.body).toMatchObject({ name: type.create?.name, folder: JSON.stringify({ id: folderId, type: 'Folder' }) });
		expect(Object.values(call.body as object).every((value) => typeof value === 'string')).toBe(true);
	});

	it.each(TYPES.filter((type) => type.update).map((type) => [type.resource, type] as const))('%s → Update changes the metadata', async (_name, type) => {
		const { emulator, store } = await instance();
		const { id } = type.existing as { id: number };
		const result = await runMarketo({ resource: type.resource, operation: 'update', assetId: byId(id), ...type.update }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ id });
		const [call] = callsTo(emulator, 'POST', `${API}/${type.segment}/${id}.json`);
		const fields = type.update?.updateFields as Record<string, unknown>;
		// The official file gives smart campaigns' update a JSON body, every other update a form.
		expect(call.body).toEqual(type.resource === 'smartCampaign' ? fields : Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)])));
	});

	it.each(TYPES.filter((type) => type.cloneInto).map((type) => [type.resource, type] as const))('%s → Clone copies it into a folder under a new name', async (_name, type) => {
		const { emulator, store } = await instance();
		const { id } = type.existing as { id: number };
		const result = await runMarketo(
			{ resource: type.resource, operation: 'clone', assetId: byId(id), name: 'The Copy', ...inFolder(type.cloneInto as number) },
			{ store },
		);
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ name: 'The Copy' });
		expect(result.output(MARKETO_NODE)[0].json.id).not.toBe(id);
		expect(callsTo(emulator, 'POST', `${API}/${type.segment}/${id}/clone.json`)[0].body).toEqual({
			name: 'The Copy',
			folder: JSON.stringify({ id: type.cloneInto, type: 'Folder' }),
		});
	});

	it.each(TYPES.filter((type) => type.deleteId).map((type) => [type.resource, type] as const))('%s → Delete removes it', async (_name, type) => {
		const { emulator, store } = await instance();
		const result = await runMarketo({ resource: type.resource, operation: 'delete', assetId: byId(type.deleteId as number) }, { store });
		expect(result.output(MARKETO_NODE)[0].json).toEqual({ id: type.deleteId });
		expect(callsTo(emulator, 'POST', `${API}/${type.segment}/${type.deleteId}/delete.json`)).toHaveLength(1);
	});
});

describe('the draft workflow: Approve Draft, Unapprove, Discard Draft', () => {
	const drafted = TYPES.filter((type) => type.drafts);

	it.each(drafted.map((type) => [type.resource, type] as const))('%s → approving a draft makes it the approved version', async (_name, type) => {
		const { emulator, store, assets } = await instance();
		const { draftOnly } = type.drafts as NonNullable<TypeCase['drafts']>;
		await runMarketo({ resource: type.resource, operation: 'approveDraft', assetId: byId(draftOnly) }, { store });
		expect(callsTo(emulator, 'POST', `${API}/${type.segment}/${draftOnly}/approveDraft.json`)).toHaveLength(1);
		expect(assets.get(type.segment, draftOnly)).toMatchObject({ approved: expect.any(Object), draft: undefined });
	});

	it.each(drafted.map((type) => [type.resource, type] as const))('%s → approving an asset with no draft is the item\'s 709 error', async (_name, type) => {
		const { store } = await instance();
		const result = await runMarketo({ resource: type.resource, operation: 'approveDraft', assetId: byId(1001) }, { store, continueOnFail: true });
		expect(result.output(MARKETO_NODE)[0].json).toEqual({ error: expect.stringMatching(/^Marketo error 709 \(Business rule violation\): .* has no draft to approve/), code: '709' });
	});

	it.each(drafted.filter((type) => type.drafts?.unapprove).map((type) => [type.resource, type] as const))('%s → Unapprove turns the approved version back into a draft', async (_name, type) => {
		const { store, assets } = await instance();
		const { withDraft } = type.drafts as NonNullable<TypeCase['drafts']>;
		await runMarketo({ resource: type.resource, operation: 'unapprove', assetId: byId(withDraft) }, { store });
		expect(assets.get(type.segment, withDraft)?.approved).toBeUndefined();
	});

	it.each(drafted.filter((type) => type.drafts?.discard).map((type) => [type.resource, type] as const))('%s → Discard Draft keeps the approved version', async (_name, type) => {
		const { store, assets } = await instance();
		const { withDraft } = type.drafts as NonNullable<TypeCase['drafts']>;
		await runMarketo({ resource: type.resource, operation: 'discardDraft', assetId: byId(withDraft) }, { store });
		expect(assets.get(type.segment, withDraft)).toMatchObject({ approved: expect.any(Object), draft: undefined });
	});

	it('an edit of an approved email makes a draft; approving it publishes the edit', async () => {
		const { store, assets } = await instance();
		await runMarketo({ resource: 'email', operation: 'update', assetId: byId(1001), updateFields: { name: 'Welcome v2' } }, { store });
		expect(assets.get('email', 1001)).toMatchObject({ approved: { name: 'Welcome Email' }, draft: { name: 'Welcome v2' } });
		await runMarketo({ resource: 'email', operation: 'approveDraft', assetId: byId(1001) }, { store });
		expect(assets.get('email', 1001)).toMatchObject({ approved: { name: 'Welcome v2' }, draft: undefined });
	});

	it('a template in use by an approved email cannot be unapproved (709); without Continue On Fail the node stops', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'emailTemplate', operation: 'unapprove', assetId: byId(1001) }, { store });
		expect(result.error?.message).toMatch(/709.*Cannot unapprove email template 1001: it is used by/);
	});

	it('an approved asset cannot be deleted (709)', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'snippet', operation: 'delete', assetId: byId(1001) }, { store, continueOnFail: true });
		expect(result.output(MARKETO_NODE)[0].json.error).toMatch(/709.*Cannot delete an approved snippet; unapprove it first/);
	});

	it('approves many items one call each; the item without a draft fails alone', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'snippet', operation: 'approveDraft', assetId: '={{ $json.id }}' },
			{ store, items: [{ id: 1002 }, { id: 1001 }, { id: 1003 }], continueOnFail: true },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.code ?? item.json.status)).toEqual(['approved', '709', 'approved']);
		expect(emulator.apiCalls()).toHaveLength(3);
	});
});

describe('Get Many pages by offset (maxReturn ≤ 200)', () => {
	async function withSnippets(count: number) {
		const context = await instance();
		for (let i = 0; i < count; i++) context.assets.create('snippet', { name: `Snippet ${i}`, folder: { id: 18, type: 'Folder' } }, { drafts: false });
		return context;
	}

	it('Return All reads 453 snippets in 3 calls of up to 200', async () => {
		const { emulator, store } = await withSnippets(450);
		const result = await runMarketo({ resource: 'snippet', operation: 'getMany', returnAll: true }, { store });
		expect(result.output(MARKETO_NODE)).toHaveLength(453);
		expect(callsTo(emulator, 'GET', `${API}/snippets.json`).map((call) => [call.query.offset, call.query.maxReturn])).toEqual([
			['0', '200'],
			['200', '200'],
			['400', '200'],
		]);
	});

	it('stops on the empty page after a full last one', async () => {
		const { emulator, store } = await withSnippets(397);
		const result = await runMarketo({ resource: 'snippet', operation: 'getMany', returnAll: true }, { store });
		expect(result.output(MARKETO_NODE)).toHaveLength(400);
		expect(callsTo(emulator, 'GET', `${API}/snippets.json`)).toHaveLength(3);
	});

	it('Limit 250 stops after the second page; Limit 30 asks for 30 in one call', async () => {
		const { emulator, store } = await withSnippets(450);
		const limited = await runMarketo({ resource: 'snippet', operation: 'getMany', returnAll: false, limit: 250 }, { store });
		expect(limited.output(MARKETO_NODE)).toHaveLength(250);
		expect(callsTo(emulator, 'GET', `${API}/snippets.json`)).toHaveLength(2);
		emulator.resetCounters();
		const small = await runMarketo({ resource: 'snippet', operation: 'getMany', returnAll: false, limit: 30 }, { store });
		expect(small.output(MARKETO_NODE)).toHaveLength(30);
		expect(callsTo(emulator, 'GET', `${API}/snippets.json`).map((call) => call.query.maxReturn)).toEqual(['30']);
	});

	it('a 702 "no data" ends the walk with what was read', async () => {
		const { emulator, store } = await withSnippets(450);
		emulator.inject({ on: 2, respondWithCode: '702' });
		const result = await runMarketo({ resource: 'snippet', operation: 'getMany', returnAll: true }, { store });
		expect(result.output(MARKETO_NODE)).toHaveLength(200);
	});

	it('filters travel as query parameters, the folder as {"id","type"} JSON', async () => {
		const { emulator, store } = await instance();
		const result = await runMarketo(
			{ resource: 'email', operation: 'getMany', returnAll: true, filters: { status: 'approved', folder: byId(1002), folderType: 'Program' } },
			{ store },
		);
		expect(result.output(MARKETO_NODE).map((item) => item.json.name)).toEqual(['Welcome Email']);
		expect(callsTo(emulator, 'GET', `${API}/emails.json`)[0].query).toMatchObject({ status: 'approved', folder: '{"id":1002,"type":"Program"}' });
	});
});

describe('bad input is named before any call', () => {
	it.each([
		['an ID that is not a number (from an expression)', { resource: 'email', operation: 'get', assetId: '={{ "abc" }}' }, 'Item 0, field "Email": "abc" is not a Marketo id'],
		[
			'a folder type that is neither Folder nor Program',
			{ resource: 'snippet', operation: 'create', name: 'x', folder: byId('{"id": 12, "type": "Zone"}'), folderType: 'Folder' },
			'Item 0, field "Folder": "Zone" is not a folder type; use Folder or Program',
		],
		['a folder that is not JSON', { resource: 'snippet', operation: 'create', name: 'x', folder: byId('{oops'), folderType: 'Folder' }, 'Item 0, field "Folder": "{oops" is neither a folder ID'],
		['an empty name', { resource: 'snippet', operation: 'create', name: ' ', ...inFolder(18) }, 'Item 0, field "Name": is empty'],
		[
			'a URL of another asset type (from an expression)',
			{ resource: 'landingPage', operation: 'get', assetId: { __rl: true, mode: 'url', value: '={{ "https://app-ab12.marketo.com/#EM1001A1" }}' } },
			'is not a Marketo landing page URL',
		],
		['costs that are not a JSON list', { resource: 'program', operation: 'update', assetId: byId(1001), updateFields: { costs: '{"cost": 1}' } }, 'Item 0, field "Costs": must be a JSON list'],
	])('%s', async (_name, parameters, message) => {
		const { emulator, store } = await instance();
		const result = await runMarketo(parameters as INodeParameters, { store });
		expect(result.error?.message).toContain(message);
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('a landing page picked by its Marketo URL is read by the ID in it', async () => {
		const { emulator, store } = await instance();
		await runMarketo({ resource: 'landingPage', operation: 'get', assetId: { __rl: true, mode: 'url', value: 'https://app-ab12.marketo.com/#LP1001A1' } }, { store });
		expect(callsTo(emulator, 'GET', `${API}/landingPage/1001.json`)).toHaveLength(1);
	});
});

describe('pickers', () => {
	it.each([
		['searchEmailTemplates', 'Newsletter Template'],
		['searchFiles', 'logo.svg'],
		['searchForms', 'Webinar Registration Form'],
		['searchLandingPages', 'Webinar Registration'],
		['searchLandingPageTemplates', 'Basic Template'],
		['searchSegmentations', 'Industry'],
		['searchSmartCampaigns', 'Send Welcome Email'],
		['searchSmartLists', 'Active Customers'],
		['searchSnippets', 'Footer'],
	])('%s lists the assets by name', async (method, name) => {
		const { store } = await instance();
		const found = await searchList(method, store);
		expect(found.results.map((result) => result.name)).toContain(name);
	});

	it('the email list searches names across browse pages', async () => {
		const { emulator, store } = await instance();
		const found = await searchList('searchEmails', store, 'welcome');
		expect(found.results).toEqual([{ name: 'Welcome Email', value: '1001', url: 'https://app-sj01.marketo.com/#EM1001A1' }]);
		expect(callsTo(emulator, 'GET', `${API}/emails.json`)[0].query).toMatchObject({ offset: '0', maxReturn: '200' });
	});

	it('the folder list gives folders and programs as {"id","type"}, so a picked program needs no Folder Type', async () => {
		const { emulator, store } = await instance();
		const found = await searchList('searchFolders', store, 'webinar');
		expect(found.results.map(({ name, value }) => [name, value])).toEqual([
			['/Marketing Activities/Campaigns/Webinars', '{"id":20,"type":"Folder"}'],
			['/Marketing Activities/Campaigns/Webinar 2026 (program)', '{"id":1001,"type":"Program"}'],
		]);
		await runMarketo({ resource: 'snippet', operation: 'create', name: 'In program', folder: { __rl: true, mode: 'list', value: found.results[1].value }, folderType: 'Folder' }, { store });
		expect(callsTo(emulator, 'POST', `${API}/snippets.json`)[0].body).toMatchObject({ folder: '{"id":1001,"type":"Program"}' });
	});
});

describe('Update: a field added but left empty clears it', () => {
	it('Smart Campaign (a JSON body): Description left empty is sent as "" and Marketo clears it; an empty Name is left out', async () => {
		const { emulator, store, assets } = await instance();
		const result = await runMarketo({ resource: 'smartCampaign', operation: 'update', assetId: byId(2001), updateFields: { name: '', description: '' } }, { store });
		expect(callsTo(emulator, 'POST', `${API}/smartCampaign/2001.json`)[0].body).toEqual({ description: '' });
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ name: 'Send Welcome Email', description: '' });
		expect(assets.get('smartCampaign', 2001)?.approved?.description).toBeNull();
	});

	it('url-encoded updates hand the transport the blanked fields as "" (Marketo\'s form body then carries `description=`)', () => {
		const [update] = sharedCalls(LANDING_PAGE).filter((call) => call.operation === 'update');
		const parameters: Record<string, unknown> = { assetId: byId(1001), updateFields: { name: '', description: '', title: ' ', urlPageName: '' } };
		const ctx = { getNodeParameter: (name: string, _item: number, fallback: unknown) => parameters[name] ?? fallback } as unknown as IExecuteFunctions;
		const plan = update.plan(ctx, 0);
		expect(plan.request).toMatchObject({ method: 'POST', path: `${API}/landingPage/1001.json`, bodyEncoding: 'form', body: { description: '', title: '' } });
		// Fields Marketo cannot blank (the name, the URL page name) are left out, as before.
		expect(Object.keys(plan.request.body as object).sort()).toEqual(['description', 'title']);
	});

	it('a url-encoded Update sends a blanked field as `description=` and Marketo clears it', async () => {
		const { emulator, store, assets } = await instance();
		await runMarketo({ resource: 'snippet', operation: 'update', assetId: byId(1001), updateFields: { description: 'x' } }, { store });
		await runMarketo({ resource: 'snippet', operation: 'update', assetId: byId(1001), updateFields: { description: '' } }, { store });
		expect(callsTo(emulator, 'POST', `${API}/snippet/1001.json`)[1].body).toEqual({ description: '' });
		expect(assets.get('snippet', 1001)?.draft?.description).toBeNull();
	});
});
