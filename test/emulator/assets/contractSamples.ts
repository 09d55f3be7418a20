import type { MarketoEmulator } from '../MarketoEmulator';
import type { CallOptions } from '../testClient';
import { ASSET_KINDS, type AssetKind } from './assetKinds';
import { assetsOf, type Fields } from './AssetStore';
import { makeDynamic } from './dynamicContent';

type Sample = { path: string; before?(emulator: MarketoEmulator): void } & CallOptions;

const API = '/rest/asset/v1';
const folder = (id: number, type = 'Folder') => JSON.stringify({ id, type });

/** A multipart body as a browser or n8n sends it: text fields, then a file part. */
export function multipart(fields: Record<string, string>, file: { name: string; fileName: string; type: string; content: string }): Pick<CallOptions, 'rawBody' | 'headers'> {
	const boundary = '----n8nMarketoBoundary7MA4YWxkTrZu0gW';
	const parts = [
		...Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
		`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
	];
	return { rawBody: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** What each kind's shared routes are sampled with (seedAssets.ts: 1001 approved, 1002 draft only, 1003 approved with a draft). */
const SHARED: Record<string, { name: string; create?: Record<string, string>; update: Record<string, string> | { json: unknown }; deleteId: number; cloneFolder?: string }> = {
	email: {
		name: 'Welcome Email',
		create: { name: 'Contract Email', folder: folder(12), template: '1001', subject: 'Hi', fromName: 'Acme', fromEmail: 'a@acme.example', replyEmail: 'a@acme.example' },
		update: { description: 'Updated', operational: 'true' },
		deleteId: 1002,
	},
	emailTemplate: { name: 'Newsletter Template', update: { description: 'Updated' }, deleteId: 1002, cloneFolder: folder(13) },
	snippet: { name: 'Footer', create: { name: 'Contract Snippet', folder: folder(18) }, update: { description: 'Updated' }, deleteId: 1002 },
	landingPage: { name: 'Webinar Registration', create: { name: 'Contract Page', folder: folder(14), template: '1001', title: 'Hello' }, update: { title: 'New title' }, deleteId: 1002 },
	landingPageTemplate: {
		name: 'Basic Template',
		create: { name: 'Contract Template', folder: folder(15), templateType: 'guided' },
		update: { enableMunchkin: 'false' },
		deleteId: 1002,
		cloneFolder: folder(15),
	},
	form: { name: 'Webinar Registration Form', create: { name: 'Contract Form', folder: folder(16), theme: 'simple' }, update: { description: 'Updated' }, deleteId: 1002 },
	file: { name: 'logo.svg', update: {}, deleteId: 0 },
	smartList: { name: 'Active Customers', update: {}, deleteId: 1001 },
	staticList: { name: 'Newsletter Subscribers', create: { name: 'Contract List', folder: folder(19) }, update: { description: 'Updated' }, deleteId: 1001 },
	smartCampaign: { name: 'Send Welcome Email', create: { name: 'Contract Campaign', folder: folder(19) }, update: { json: { description: 'Updated' } }, deleteId: 2005 },
	segmentation: { name: 'Industry', update: {}, deleteId: 0 },
	redirectRule: { name: '', update: {}, deleteId: 1001 },
	tagType: { name: 'Region', update: {}, deleteId: 0 },
};

const firstId = (kind: AssetKind) => (kind.kind === 'smartCampaign' ? 2001 : 1001);

function sharedSamples(kind: AssetKind): Record<string, Sample> {
	const spec = SHARED[kind.kind];
	const one = `${API}/${kind.segment}`;
	const id = firstId(kind);
	const samples: Record<string, Sample> = {};
	const has = (route: string) => kind.routes.includes(route as AssetKind['routes'][number]);
	if (has('get')) samples[`GET ${one}/{id}.json`] = { path: `${one}/${id}.json${kind.kind === 'smartList' ? '?includeRules=true' : ''}` };
	if (has('byName')) samples[`GET ${one}/byName.json`] = { path: `${one}/byName.json?${kind.byNameKey ?? 'name'}=${encodeURIComponent(spec.name)}` };
	if (has('browse')) samples[`GET ${API}/${kind.collection}.json`] = { path: `${API}/${kind.collection}.json${kind.kind === 'segmentation' ? '?status=approved' : '?maxReturn=2'}` };
	if (has('create') && spec.create) samples[`POST ${API}/${kind.collection}.json`] = { path: `${API}/${kind.collection}.json`, form: spec.create };
	if (has('update')) {
		samples[`POST ${one}/{id}.json`] = 'json' in spec.update ? { path: `${one}/${id}.json`, json: spec.update.json } : { path: `${one}/${id}.json`, form: spec.update };
	}
	if (has('clone')) samples[`POST ${one}/{id}/clone.json`] = { path: `${one}/${id}/clone.json`, form: { name: 'Contract Copy', folder: spec.cloneFolder ?? folder(19) } };
	if (has('delete')) samples[`POST ${one}/{id}/delete.json`] = { path: `${one}/${spec.deleteId}/delete.json` };
	if (kind.drafts) {
		samples[`POST ${one}/{id}/${kind.drafts.approve}.json`] = { path: `${one}/1002/${kind.drafts.approve}.json` };
		const withDraft = kind.kind === 'email' ? 1004 : 1003;
		if (kind.drafts.unapprove) samples[`POST ${one}/{id}/unapprove.json`] = { path: `${one}/${withDraft}/unapprove.json` };
		if (kind.drafts.discard) samples[`POST ${one}/{id}/discardDraft.json`] = { path: `${one}/${withDraft}/discardDraft.json` };
	}
	return samples;
}

/** Makes the first section of an asset's approved version dynamic on segmentation 1001, as Update Content Section would. */
const dynamicSection = (kind: 'email' | 'landingPage', id: number) => (emulator: MarketoEmulator) => {
	const fields = assetsOf(emulator).get(kind, id)?.approved as Fields;
	const section = (fields.sections as Array<{ htmlId?: string; id?: string; type?: string; value: unknown; dynamic?: unknown }>)[0];
	const current = { type: section.type ?? 'Text', value: String(section.value) };
	section.dynamic = makeDynamic(`${kind === 'email' ? 'EM' : 'LP'}-${id}`, String(section.htmlId ?? section.id), 1001, current, emulator);
	section.value = (section.dynamic as { id: string }).id;
};
/** Form 1001 with its First Name field in a field set. */
const fieldSetOnForm = (emulator: MarketoEmulator) => {
	const fields = (assetsOf(emulator).get('form', 1001)?.approved as Fields).fields as Array<Record<string, unknown>>;
	fields.push({ id: 'fieldset_1', label: 'About you', dataType: 'fieldset', fields: ['FirstName'], rowNumber: 2, columnNumber: 0 });
};
const EMAIL_DYNAMIC = Buffer.from('EM-1001-headline').toString('base64');
const PAGE_DYNAMIC = Buffer.from('LP-1001-RichText-1').toString('base64');

const html = (content: string) => ({ name: 'content', fileName: 'content.html', type: 'text/html', content });

/** One succeeding request per asset endpoint, keyed like the contract test's SAMPLES (`METHOD route path`). */
export const ASSET_CONTRACT_SAMPLES: Record<string, Sample> = {
	...Object.assign({}, ...ASSET_KINDS.map(sharedSamples)),
	// A section's `value` (and a page section's `id`) is typed `object` by the official file, Java's
	// "any JSON"; Marketo answers text and lists there, so these samples read content-free assets.
	'GET /rest/asset/v1/email/{id}/content.json': { path: `${API}/email/1003/content.json` },
	'POST /rest/asset/v1/email/{id}/content.json': { path: `${API}/email/1001/content.json`, form: { subject: JSON.stringify({ type: 'Text', value: 'New subject' }) } },
	'POST /rest/asset/v1/email/{id}/content/{htmlId}.json': { path: `${API}/email/1001/content/headline.json`, form: { type: 'Text', value: '<h1>Hi</h1>' } },
	'GET /rest/asset/v1/email/ccFields.json': { path: `${API}/email/ccFields.json` },
	'GET /rest/asset/v1/email/{id}/dynamicContent/{contentId}.json': { path: `${API}/email/1001/dynamicContent/${encodeURIComponent(EMAIL_DYNAMIC)}.json?status=approved`, before: dynamicSection('email', 1001) },
	'POST /rest/asset/v1/email/{id}/dynamicContent/{contentId}.json': {
		path: `${API}/email/1001/dynamicContent/${encodeURIComponent(EMAIL_DYNAMIC)}.json`,
		form: { segment: 'Finance', type: 'Text', value: '<h1>Hi</h1>' },
		before: dynamicSection('email', 1001),
	},
	'POST /rest/asset/v1/email/{id}/content/{moduleId}/add.json': { path: `${API}/email/1001/content/cta/add.json?name=CTA&index=1` },
	'POST /rest/asset/v1/email/{id}/content/{moduleId}/delete.json': { path: `${API}/email/1001/content/hero/delete.json` },
	'POST /rest/asset/v1/email/{id}/content/{moduleId}/duplicate.json': { path: `${API}/email/1001/content/hero/duplicate.json?name=Hero%202` },
	'POST /rest/asset/v1/email/{id}/content/{moduleId}/rename.json': { path: `${API}/email/1001/content/hero/rename.json?name=Spring%20Hero` },
	'POST /rest/asset/v1/email/{id}/content/rearrange.json': { path: `${API}/email/1001/content/rearrange.json`, form: { positions: JSON.stringify([{ moduleId: 'footer', index: 0 }]) } },
	'GET /rest/asset/v1/landingPage/{id}/dynamicContent/{contentId}.json': { path: `${API}/landingPage/1001/dynamicContent/${encodeURIComponent(PAGE_DYNAMIC)}.json`, before: dynamicSection('landingPage', 1001) },
	'POST /rest/asset/v1/landingPage/{id}/dynamicContent/{contentId}.json': {
		path: `${API}/landingPage/1001/dynamicContent/${encodeURIComponent(PAGE_DYNAMIC)}.json`,
		form: { segment: 'Finance', type: 'HTML', value: '<p>Finance</p>', backgroundColor: '#eee' },
		before: dynamicSection('landingPage', 1001),
	},
	'GET /rest/asset/v1/email/{id}/variables.json': { path: `${API}/email/1001/variables.json` },
	'POST /rest/asset/v1/email/{id}/variable/{name}.json': { path: `${API}/email/1001/variable/backgroundColor.json`, form: { value: '#000000' } },
	'POST /rest/asset/v1/email/{id}/sendSample.json': { path: `${API}/email/1001/sendSample.json`, form: { emailAddress: 'qa@acme.example', textOnly: 'false' } },
	'GET /rest/asset/v1/email/{id}/fullContent.json': { path: `${API}/email/1001/fullContent.json?type=HTML` },
	'POST /rest/asset/v1/email/{id}/fullContent.json': { path: `${API}/email/1001/fullContent.json`, ...multipart({}, html('<html><body>Full</body></html>')) },
	'POST /rest/asset/v1/emailTemplates.json': {
		path: `${API}/emailTemplates.json`,
		...multipart({ name: 'Contract Template', folder: folder(13), description: 'From a test' }, html('<html><body><div class="mktEditable" id="main">x</div></body></html>')),
	},
	'GET /rest/asset/v1/emailTemplate/{id}/content': { path: `${API}/emailTemplate/1001/content?status=approved` },
	'POST /rest/asset/v1/emailTemplate/{id}/content.json': { path: `${API}/emailTemplate/1001/content.json`, ...multipart({}, html('<html><body>New</body></html>')) },
	'GET /rest/asset/v1/emailTemplates/{id}/usedBy.json': { path: `${API}/emailTemplates/1001/usedBy.json` },
	'GET /rest/asset/v1/snippet/{id}/content.json': { path: `${API}/snippet/1001/content.json` },
	'POST /rest/asset/v1/snippet/{id}/content.json': { path: `${API}/snippet/1001/content.json?type=HTML&content=${encodeURIComponent('<p>New</p>')}` },
	'GET /rest/asset/v1/snippet/{id}/dynamicContent.json': { path: `${API}/snippet/1001/dynamicContent.json` },
	'POST /rest/asset/v1/snippet/{id}/dynamicContent/{segmentId}.json': { path: `${API}/snippet/1001/dynamicContent/1001.json`, form: { type: 'HTML', value: '<p>Tech</p>' } },
	'GET /rest/asset/v1/landingPage/{id}/content.json': { path: `${API}/landingPage/1002/content.json` },
	'POST /rest/asset/v1/landingPage/{id}/content.json': { path: `${API}/landingPage/1001/content.json`, form: { contentId: 'HTML-9', type: 'HTML', value: '<p>x</p>' } },
	'POST /rest/asset/v1/landingPage/{id}/content/{contentId}.json': { path: `${API}/landingPage/1001/content/RichText-1.json`, form: { type: 'RichText', value: '<h1>New</h1>' } },
	'POST /rest/asset/v1/landingPage/{id}/content/{contentId}/delete.json': { path: `${API}/landingPage/1001/content/RichText-1/delete.json` },
	'GET /rest/asset/v1/landingPage/{id}/variables.json': { path: `${API}/landingPage/1001/variables.json` },
	'POST /rest/asset/v1/landingPage/{id}/variable/{variableId}.json': { path: `${API}/landingPage/1001/variable/heroColor.json?value=${encodeURIComponent('#FF0000')}` },
	'GET /rest/asset/v1/landingPage/{id}/fullContent.json': { path: `${API}/landingPage/1001/fullContent.json` },
	'GET /rest/asset/v1/landingPageTemplate/{id}/content.json': { path: `${API}/landingPageTemplate/1001/content.json` },
	'POST /rest/asset/v1/landingPageTemplate/{id}/content.json': { path: `${API}/landingPageTemplate/1001/content.json`, ...multipart({}, html('<html><body>LP</body></html>')) },
	'GET /rest/asset/v1/form/{id}/fields.json': { path: `${API}/form/1001/fields.json` },
	'POST /rest/asset/v1/form/{id}/fields.json': { path: `${API}/form/1001/fields.json`, form: { fieldId: 'LastName', label: 'Last Name:', required: 'true' } },
	'POST /rest/asset/v1/form/{id}/field/{fieldId}.json': { path: `${API}/form/1001/field/FirstName.json`, form: { label: 'Given name:' } },
	'POST /rest/asset/v1/form/{id}/field/{fieldId}/delete.json': { path: `${API}/form/1001/field/FirstName/delete.json` },
	'GET /rest/asset/v1/form/{id}/thankYouPage.json': { path: `${API}/form/1001/thankYouPage.json` },
	'POST /rest/asset/v1/form/{id}/thankYouPage.json': {
		path: `${API}/form/1001/thankYouPage.json`,
		form: { thankyou: JSON.stringify([{ default: true, followupType: 'url', followupValue: 'https://acme.example/thanks' }]) },
	},
	'GET /rest/asset/v1/form/fields.json': { path: `${API}/form/fields.json?maxReturn=5` },
	'GET /rest/asset/v1/form/programMemberFields.json': { path: `${API}/form/programMemberFields.json?offset=1` },
	'GET /rest/asset/v1/form/{id}/usedBy.json': { path: `${API}/form/1001/usedBy.json` },
	'POST /rest/asset/v1/form/{id}/fieldSet.json': { path: `${API}/form/1001/fieldSet.json`, form: { label: 'About you' } },
	'POST /rest/asset/v1/form/{id}/fieldSet/{fieldSetId}/field/{fieldId}/delete.json': { path: `${API}/form/1001/fieldSet/fieldset_1/field/FirstName/delete.json`, before: fieldSetOnForm },
	'POST /rest/asset/v1/form/{id}/richText.json': { path: `${API}/form/1001/richText.json`, form: { text: '<p>We respect your privacy.</p>' } },
	'POST /rest/asset/v1/form/{formId}/field/{fieldId}/visibility.json': {
		path: `${API}/form/1001/field/FirstName/visibility.json`,
		form: { visibilityRule: JSON.stringify({ ruleType: 'show', rules: [{ subjectField: 'Email', operator: 'isNotEmpty', values: [] }] }) },
	},
	'POST /rest/asset/v1/form/{id}/reArrange.json': {
		path: `${API}/form/1001/reArrange.json`,
		form: { positions: JSON.stringify([{ fieldName: 'FirstName', rowNumber: 0, columnNumber: 0 }, { fieldName: 'Email', rowNumber: 1, columnNumber: 0 }]) },
	},
	'POST /rest/asset/v1/form/{id}/submitButton.json': { path: `${API}/form/1001/submitButton.json`, form: { label: 'Go', waitingLabel: 'Sending' } },
	'POST /rest/asset/v1/files.json': {
		path: `${API}/files.json`,
		...multipart({ name: 'hello.txt', folder: folder(17) }, { name: 'file', fileName: 'hello.txt', type: 'text/plain', content: 'Hello' }),
	},
	'POST /rest/asset/v1/file/{id}/content.json': {
		path: `${API}/file/1001/content.json`,
		...multipart({ id: '1001' }, { name: 'file', fileName: 'logo.svg', type: 'image/svg+xml', content: '<svg/>' }),
	},
	'GET /rest/asset/v1/folder/byName.json': { path: `${API}/folder/byName.json?name=Emails&type=Folder` },
	'GET /rest/asset/v1/folders.json': { path: `${API}/folders.json?root=${encodeURIComponent(folder(2))}&maxDepth=1&maxReturn=5` },
	'POST /rest/asset/v1/folders.json': { path: `${API}/folders.json`, form: { name: 'Contract Folder', parent: folder(19), description: 'From a test' } },
	'GET /rest/asset/v1/folder/{id}.json': { path: `${API}/folder/12.json?type=Folder` },
	'GET /rest/asset/v1/folder/{id}/content.json': { path: `${API}/folder/13/content.json?type=Folder` },
	'POST /rest/asset/v1/folder/{id}.json': { path: `${API}/folder/20.json`, form: { type: 'Folder', description: 'Webinar programs' } },
	'POST /rest/asset/v1/folder/{id}/delete.json': { path: `${API}/folder/20/delete.json`, form: { type: 'Folder' } },
	'GET /rest/asset/v1/folder/{id}/tokens.json': { path: `${API}/folder/1001/tokens.json?folderType=Program` },
	'POST /rest/asset/v1/folder/{id}/tokens.json': { path: `${API}/folder/1001/tokens.json`, form: { folderType: 'Program', name: 'Venue', type: 'text', value: 'Berlin' } },
	'POST /rest/asset/v1/folder/{id}/tokens/delete.json': { path: `${API}/folder/1001/tokens/delete.json`, form: { folderType: 'Program', name: 'Speaker', type: 'text' } },
	'GET /rest/asset/v1/program/byName.json': { path: `${API}/program/byName.json?name=Webinar%202026&includeTags=true` },
	'GET /rest/asset/v1/program/byTag.json': { path: `${API}/program/byTag.json?tagType=Region&tagValue=EMEA` },
	'POST /rest/asset/v1/programs.json': {
		path: `${API}/programs.json`,
		form: { name: 'Contract Program', folder: folder(19), type: 'Default', channel: 'Email Blast', tags: JSON.stringify([{ tagType: 'Region', tagValue: 'EMEA' }]) },
	},
	'POST /rest/asset/v1/program/{id}.json': { path: `${API}/program/1002.json`, form: { description: 'Updated', costs: JSON.stringify([{ startDate: '2026-01-01', cost: 100 }]) } },
	'POST /rest/asset/v1/program/{id}/clone.json': { path: `${API}/program/1002/clone.json`, form: { name: 'Newsletter Copy', folder: folder(19) } },
	'POST /rest/asset/v1/program/{id}/delete.json': { path: `${API}/program/1003/delete.json` },
	'POST /rest/asset/v1/program/{id}/approve.json': { path: `${API}/program/1005/approve.json` },
	'POST /rest/asset/v1/program/{id}/unapprove.json': { path: `${API}/program/1006/unapprove.json` },
	'GET /rest/asset/v1/program/{programId}/smartList.json': { path: `${API}/program/1001/smartList.json?includeRules=true` },
	'GET /rest/asset/v1/channel/byName.json': { path: `${API}/channel/byName.json?Name=Webinar` },
	'POST /rest/asset/v1/smartCampaign/{id}/activate.json': { path: `${API}/smartCampaign/2004/activate.json` },
	'POST /rest/asset/v1/smartCampaign/{id}/deactivate.json': { path: `${API}/smartCampaign/2001/deactivate.json` },
	'GET /rest/asset/v1/smartCampaign/{id}/smartList.json': { path: `${API}/smartCampaign/2001/smartList.json?includeRules=true` },
	'GET /rest/asset/v1/segmentation/{id}/segments.json': { path: `${API}/segmentation/1001/segments.json?maxReturn=2` },
	'GET /rest/asset/v1/landingPageDomains.json': { path: `${API}/landingPageDomains.json?maxReturn=10` },
	'POST /rest/asset/v1/redirectRules.json': {
		path: `${API}/redirectRules.json`,
		form: { hostname: 'go.example.com', redirectFrom: JSON.stringify({ type: 'path', value: '/spring' }), redirectTo: JSON.stringify({ type: 'landingPageId', value: '1001' }) },
	},
	'POST /rest/asset/v1/redirectRule/{id}.json': { path: `${API}/redirectRule/1001.json`, form: { redirectTo: JSON.stringify({ type: 'url', value: 'https://acme.example/new' }) } },
};
