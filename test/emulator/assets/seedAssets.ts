import { DEMO_CAMPAIGNS } from '../campaigns/CampaignStore';
import type { LeadStore } from '../leads/LeadStore';
import { DEMO_LISTS } from '../lists/ListStore';
import { programsOf } from '../programs/ProgramStore';
import type { AssetStore, Fields } from './AssetStore';
import type { FolderRef } from './folders';

const SEED_AT = Date.parse('2024-01-08T15:00:00Z');

const folder = (id: number): FolderRef => ({ id, type: 'Folder' });
const program = (id: number): FolderRef => ({ id, type: 'Program' });

/** The folder tree: Marketing Activities holds the programs (ProgramStore puts them in folder 19); Design Studio holds the rest. */
const FOLDERS: Array<[number, string, string, number | null, boolean]> = [
	[1, 'Marketing Activities', 'Marketing Folder', null, true],
	[19, 'Campaigns', 'Marketing Folder', 1, false],
	[20, 'Webinars', 'Marketing Folder', 19, false],
	[2, 'Design Studio', 'Zone', null, true],
	[12, 'Emails', 'Email', 2, false],
	[13, 'Email Templates', 'Email Template', 2, false],
	[14, 'Landing Pages', 'Landing Page', 2, false],
	[15, 'Landing Page Templates', 'Landing Page Template', 2, false],
	[16, 'Forms', 'Landing Page Form', 2, false],
	[17, 'Images and Files', 'Image', 2, false],
	[18, 'Snippets', 'Email', 2, false],
];

export const NEWSLETTER_TEMPLATE_HTML =
	'<html><body><div class="mktEditable" id="headline">Headline</div><div class="mktEditable" id="body">Body</div></body></html>';

type Seed = { kind: string; id: number; drafts: boolean; approved: boolean; fields: Fields; draftChanges?: Fields };

const LEAD_STATUS_IS_CUSTOMER = {
	id: 1,
	name: 'Lead Status',
	ruleTypeId: 1,
	ruleType: 'Lead Status',
	operator: 'is',
	conditions: [{ activityAttributeId: 1, activityAttributeName: 'Lead Status', operator: 'is', values: ['Customer'], isPrimary: true }],
};

const FORM_LOOK = { fontFamily: 'Helvetica', fontSize: '13px', labelPosition: 'left', language: 'English', locale: 'en_US', progressiveProfiling: false, theme: 'simple' };

/**
 * Demo assets of a fresh instance. Each type with a draft workflow has an approved asset (1001),
 * a draft-only one (1002) and an approved one with pending changes (1003; emails: 1004).
 */
function seeds(): Seed[] {
	const approved = (kind: string, id: number, fields: Fields): Seed => ({ kind, id, drafts: true, approved: true, fields });
	const draftOnly = (kind: string, id: number, fields: Fields): Seed => ({ kind, id, drafts: true, approved: false, fields });
	const plain = (kind: string, id: number, fields: Fields): Seed => ({ kind, id, drafts: false, approved: true, fields });
	const withDraft = (kind: string, id: number, fields: Fields, changes: Fields): Seed => ({ kind, id, drafts: true, approved: true, fields, draftChanges: changes });
	const emailDefaults = { operational: false, textOnly: false, autoCopyToText: true, published: false, webView: false, preHeader: null };
	return [
		approved('emailTemplate', 1001, { name: 'Newsletter Template', folder: folder(13), content: NEWSLETTER_TEMPLATE_HTML }),
		draftOnly('emailTemplate', 1002, { name: 'Plain Template', folder: folder(13), content: '<html><body>Plain</body></html>' }),
		withDraft('emailTemplate', 1003, { name: 'Promo Template', folder: folder(13), content: NEWSLETTER_TEMPLATE_HTML }, { content: `${NEWSLETTER_TEMPLATE_HTML}<!-- v2 -->` }),
		approved('email', 1001, {
			...emailDefaults,
			name: 'Welcome Email',
			folder: program(1002),
			template: 1001,
			subject: 'Welcome aboard',
			fromName: 'Acme Marketing',
			fromEmail: 'news@acme.example',
			replyEmail: 'reply@acme.example',
			sections: [
				{ htmlId: 'headline', contentType: 'Text', value: 'Welcome!' },
				{ htmlId: 'body', contentType: 'Text', value: '<p>Thanks for joining.</p>' },
			],
			variables: [{ name: 'backgroundColor', value: '#FFFFFF', moduleScope: false }],
			modules: [
				{ id: 'hero', name: 'Hero Image' },
				{ id: 'intro', name: 'Intro Text' },
				{ id: 'footer', name: 'Footer' },
			],
		}),
		draftOnly('email', 1002, {
			...emailDefaults,
			name: 'Webinar Invitation',
			folder: program(1001),
			template: 1001,
			subject: 'Join our webinar',
			fromName: 'Acme Events',
			fromEmail: 'events@acme.example',
			replyEmail: 'events@acme.example',
			sections: [
				{ htmlId: 'headline', contentType: 'Text', value: 'Webinar 2026' },
				{ htmlId: 'body', contentType: 'Text', value: '<p>Save the date.</p>' },
			],
			variables: [],
		}),
		draftOnly('email', 1003, {
			...emailDefaults,
			name: 'Plain Notice',
			folder: folder(12),
			template: 1001,
			subject: 'Notice',
			fromName: 'Acme',
			fromEmail: 'notice@acme.example',
			replyEmail: 'notice@acme.example',
			sections: [],
			variables: [],
		}),
		withDraft('email', 1004, {
			...emailDefaults,
			name: 'Spring Promo',
			folder: folder(12),
			template: 1001,
			subject: 'Spring sale',
			fromName: 'Acme',
			fromEmail: 'promo@acme.example',
			replyEmail: 'promo@acme.example',
			sections: [
				{ htmlId: 'headline', contentType: 'Text', value: 'Spring sale' },
				{ htmlId: 'body', contentType: 'Text', value: '<p>20% off</p>' },
			],
			variables: [],
		}, { subject: 'Spring sale: last days' }),
		approved('snippet', 1001, { name: 'Footer', folder: folder(18), content: '<p>Acme Inc., 1 Main St.</p>', contentType: 'HTML', dynamicContent: {} }),
		draftOnly('snippet', 1002, { name: 'Disclaimer', folder: folder(18), content: '<p>Terms apply.</p>', contentType: 'HTML', dynamicContent: {} }),
		withDraft('snippet', 1003, { name: 'Signature', folder: folder(18), content: '<p>The Acme team</p>', contentType: 'HTML', dynamicContent: {} }, { content: '<p>Your Acme team</p>' }),
		draftOnly('landingPageTemplate', 1002, { name: 'Guided Template', folder: folder(15), enableMunchkin: true, templateType: 'guided', content: '<html><body></body></html>' }),
		withDraft('landingPageTemplate', 1003, { name: 'Event Template', folder: folder(15), enableMunchkin: false, templateType: 'freeForm', content: '<html><body></body></html>' }, { enableMunchkin: true }),
		approved('landingPageTemplate', 1001, { name: 'Basic Template', folder: folder(15), enableMunchkin: true, templateType: 'freeForm', content: '<html><body></body></html>' }),
		approved('form', 1001, {
			name: 'Webinar Registration Form',
			folder: folder(16),
			...FORM_LOOK,
			fields: [
				{ id: 'Email', label: 'Email Address:', dataType: 'email', required: true, rowNumber: 0, columnNumber: 0 },
				{ id: 'FirstName', label: 'First Name:', dataType: 'string', required: false, rowNumber: 1, columnNumber: 0 },
			],
			thankYouList: [{ default: true, followupType: 'lp', followupValue: 1002, operator: null, subjectField: null, values: [] }],
			buttonLabel: 'Register',
			buttonLocation: 120,
			waitingLabel: 'Please Wait',
		}),
		draftOnly('form', 1002, { ...FORM_LOOK, name: 'Newsletter Signup', folder: folder(16), fields: [], thankYouList: [], buttonLabel: 'Subscribe', buttonLocation: 120, waitingLabel: 'Please Wait' }),
		withDraft(
			'form',
			1003,
			{ ...FORM_LOOK, name: 'Contact Us', folder: folder(16), fields: [], thankYouList: [], buttonLabel: 'Send', buttonLocation: 120, waitingLabel: 'Please Wait' },
			{ buttonLabel: 'Send message' },
		),
		approved('landingPage', 1001, {
			name: 'Webinar Registration',
			folder: program(1001),
			template: 1001,
			title: 'Register for Webinar 2026',
			robots: 'index, nofollow',
			customHeadHTML: null,
			facebookOgTags: null,
			mobileEnabled: true,
			sections: [
				{ id: 'RichText-1', type: 'RichText', value: '<h1>Register</h1>', index: 1 },
				{ id: 'Form-1', type: 'Form', value: 1001, index: 2 },
			],
			variables: [{ id: 'heroColor', type: 'color', value: '#0055AA' }],
		}),
		draftOnly('landingPage', 1002, { name: 'Thank You', folder: program(1001), template: 1001, title: 'Thanks', robots: null, customHeadHTML: null, facebookOgTags: null, sections: [], variables: [] }),
		withDraft('landingPage', 1003, { name: 'Spring Promo Page', folder: folder(14), template: 1001, title: 'Spring', robots: null, customHeadHTML: null, facebookOgTags: null, sections: [], variables: [] }, { title: 'Spring sale' }),
		plain('file', 1001, { name: 'logo.svg', folder: folder(17), mimeType: 'image/svg+xml', content: '<svg xmlns="http://www.w3.org/2000/svg"/>' }),
		plain('smartList', 1001, { name: 'Active Customers', folder: folder(19), rules: { filterMatchType: 'All', triggers: [], filters: [LEAD_STATUS_IS_CUSTOMER] } }),
		plain('segmentation', 1001, {
			name: 'Industry',
			folder: folder(2),
			segments: [
				{ id: 1001, name: 'Technology' },
				{ id: 1002, name: 'Finance' },
				{ id: 1003, name: 'Default' },
			],
		}),
		plain('redirectRule', 1001, { hostname: 'pages.example.com', redirectFrom: { type: 'path', value: '/old-webinar' }, redirectTo: { type: 'landingPageId', value: '1001' } }),
		plain('tagType', 1001, { name: 'Region', applicableProgramTypes: 'Default,Event,Engagement,Email', required: false, allowableValues: ['AMER', 'APAC', 'EMEA'] }),
		plain('tagType', 1002, { name: 'Product', applicableProgramTypes: 'Default,Event', required: true, allowableValues: ['Analytics', 'Platform'] }),
	];
}

/**
 * Fills a fresh instance (on the first asset call). Static lists and smart campaigns are the Lead Database's own (same ids
 * and names as ListStore and CampaignStore create), so both APIs see the same objects at start.
 */
export function seedAssets(store: AssetStore, owner: { readonly leads: LeadStore }): void {
	for (const [id, name, folderType, parent, isSystem] of FOLDERS) {
		store.create('folder', { name, folderType, parent: parent === null ? undefined : folder(parent), isSystem, isArchive: false }, { drafts: false, id, at: SEED_AT });
	}
	for (const seed of seeds()) {
		const asset = store.create(seed.kind, seed.fields, { drafts: seed.drafts && !seed.approved, id: seed.id, at: SEED_AT });
		if (seed.drafts && seed.approved) {
			asset.approved = asset.draft ?? asset.approved;
			asset.draft = seed.draftChanges ? { ...structuredClone(asset.approved), ...seed.draftChanges } : undefined;
		}
	}
	DEMO_LISTS.forEach((list, index) =>
		store.create('staticList', { name: list.name, description: list.description ?? '', folder: folder(19) }, { drafts: false, id: 1001 + index, at: SEED_AT }),
	);
	DEMO_CAMPAIGNS.forEach((campaign, index) =>
		store.create(
			'smartCampaign',
			{ name: campaign.name, description: campaign.description ?? '', folder: folder(19), type: campaign.type, isActive: campaign.active === true, isRequestable: campaign.requestable === true, smartListId: 3001 + index, flowId: 4001 + index },
			{ drafts: false, id: 2001 + index, at: SEED_AT },
		),
	);
	// ProgramStore (Program Member's) has no email programs; the asset side adds two, one approved.
	const programs = programsOf(owner);
	for (const [name, approved] of [['Spring Newsletter', false], ['Monthly Digest', true]] as const) {
		const emailProgram = programs.create({ name, type: 'program', channel: 'Email Blast', description: 'Email program' }, SEED_AT);
		Object.assign(store.programExtras(emailProgram.id), { email: true, approved });
	}
	store.programExtras(1001).tags.push({ tagType: 'Region', tagValue: 'EMEA' });
	store.tokensOf('Program', 1001).push({ name: 'Event Date', type: 'date', value: '2026-05-14' }, { name: 'Speaker', type: 'text', value: 'Ada Lovelace' });
}
