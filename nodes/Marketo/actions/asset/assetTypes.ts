import { ItemInputError } from '../../helpers/outcomes';
import { parseMarketoId, splitValues } from '../../helpers/validation';
import { assetRef, type LocatorTarget } from './assetLocator';
import type { AssetType } from './assetType';
import { folderParam } from './folderRef';
import {
	boolean,
	choice,
	clearable,
	descriptionParam,
	integer,
	json,
	longText,
	nameParam,
	statusOption,
	text,
	UPDATED_BETWEEN,
	type Param,
} from './params';

// The table of asset types; every path segment and parameter name below is checked against
// swagger-asset.json by test/workflows/assetSpec.test.ts.

const EMAIL_TEMPLATE_TARGET: LocatorTarget = { noun: 'email template', searchListMethod: 'searchEmailTemplates' };
const LANDING_PAGE_TEMPLATE_TARGET: LocatorTarget = { noun: 'landing page template', searchListMethod: 'searchLandingPageTemplates' };

const inFolder = (noun: string) => folderParam({ required: true, description: `The folder or program to create the ${noun} in` });
const folderFilter = (plural: string) => folderParam({ in: 'query', description: `Return only ${plural} in this folder or program` });
const renameParam = (noun: string) => text('name', 'Name', `New name of the ${noun}`);
const STATUS_FILTER = statusOption('Return only approved assets, or only drafts');

export const EMAIL_TEMPLATE: AssetType = {
	...EMAIL_TEMPLATE_TARGET,
	resource: 'emailTemplate',
	displayName: 'Email Template',
	plural: 'email templates',
	segment: 'emailTemplate',
	collection: 'emailTemplates',
	get: { options: [statusOption()] },
	getByName: { options: [statusOption()] },
	getMany: { filters: [STATUS_FILTER], paged: true },
	update: { fields: [renameParam('email template'), clearable(descriptionParam('email template'))] },
	clone: { optional: [] },
	delete: true,
	approval: { approve: 'approveDraft', unapprove: true, discardDraft: true },
	// Marketo's one content path without `.json` (swagger-asset.json: getTemplateContentByIdUsingGET).
	content: { path: 'content', options: [statusOption()] },
};

const emailHeader = (name: string, displayName: string, description: string, placeholder: string) =>
	text(name, displayName, description, { required: true, placeholder });

export const EMAIL: AssetType = {
	resource: 'email',
	displayName: 'Email',
	noun: 'email',
	plural: 'emails',
	segment: 'email',
	collection: 'emails',
	urlCode: 'EM',
	searchListMethod: 'searchEmails',
	get: { options: [statusOption()] },
	getByName: { options: [statusOption(), folderFilter('emails')] },
	getMany: { filters: [STATUS_FILTER, folderFilter('emails'), ...UPDATED_BETWEEN], paged: true },
	create: {
		required: [
			nameParam('email'),
			inFolder('email'),
			assetRef(EMAIL_TEMPLATE_TARGET, 'template', 'Template', 'The email template to build the email from'),
			emailHeader('subject', 'Subject', 'Subject line of the email', 'Your invitation'),
			emailHeader('fromName', 'From Name', 'Sender name shown to recipients', 'Acme Marketing'),
			emailHeader('fromEmail', 'From Email', 'Sender address', 'news@example.com'),
			emailHeader('replyEmail', 'Reply-To Email', 'Address replies go to', 'reply@example.com'),
		],
		optional: [
			descriptionParam('email'),
			boolean('operational', 'Operational', 'Whether the email is operational (sent even to unsubscribed leads, for transactional messages)'),
			boolean('textOnly', 'Text Only', 'Whether the email has a text version only'),
			boolean('autoCopyToText', 'Auto Copy to Text', 'Whether the text version is copied from the HTML version'),
		],
	},
	update: {
		fields: [
			renameParam('email'),
			clearable(descriptionParam('email')),
			clearable(text('preHeader', 'Preheader', 'Preview text shown after the subject in inboxes')),
			boolean('operational', 'Operational', 'Whether the email is operational (sent even to unsubscribed leads)'),
			boolean('published', 'Published to Sales Insight', 'Whether the email is published to Marketo Sales Insight'),
			boolean('textOnly', 'Text Only', 'Whether the email has a text version only'),
			boolean('webView', 'Web View', 'Whether the "view as web page" version is enabled'),
			boolean('autoCopyToText', 'Auto Copy to Text', 'Whether the text version is copied from the HTML version'),
		],
	},
	clone: { optional: [boolean('operational', 'Operational', 'Whether the copy is operational')] },
	delete: true,
	approval: { approve: 'approveDraft', unapprove: true, discardDraft: true },
	content: { path: 'content.json', options: [statusOption()] },
};

export const SNIPPET: AssetType = {
	resource: 'snippet',
	displayName: 'Snippet',
	noun: 'snippet',
	plural: 'snippets',
	segment: 'snippet',
	collection: 'snippets',
	searchListMethod: 'searchSnippets',
	get: { options: [statusOption()] },
	getMany: { filters: [STATUS_FILTER], paged: true },
	create: { required: [nameParam('snippet'), inFolder('snippet')], optional: [descriptionParam('snippet')] },
	update: { fields: [renameParam('snippet'), clearable(descriptionParam('snippet'))] },
	clone: { optional: [] },
	delete: true,
	approval: { approve: 'approveDraft', unapprove: true, discardDraft: true },
	content: { path: 'content.json', options: [statusOption()] },
};

/** The page's head and URL; an update may blank the head fields, not the URL name. */
const landingPageTextFields = (update = false): Param[] => {
	const head = [
		text('title', 'Title', 'Title of the page (the HTML title element)'),
		text('keywords', 'Keywords', 'Meta keywords of the page'),
		text('robots', 'Robots', 'Robots meta tag, e.g. "index, nofollow"'),
		longText('customHeadHTML', 'Custom Head HTML', 'HTML added to the head of the page'),
		longText('facebookOgTags', 'Facebook OG Tags', 'Open Graph tags for social sharing'),
	];
	return [
		...(update ? head.map(clearable) : head),
		text('urlPageName', 'URL Page Name', 'The page name in the URL'),
		boolean('mobileEnabled', 'Mobile Enabled', 'Whether the page has a mobile version'),
	];
};

export const LANDING_PAGE_TEMPLATE: AssetType = {
	...LANDING_PAGE_TEMPLATE_TARGET,
	resource: 'landingPageTemplate',
	displayName: 'Landing Page Template',
	plural: 'landing page templates',
	segment: 'landingPageTemplate',
	collection: 'landingPageTemplates',
	get: { options: [statusOption()] },
	getByName: { options: [] },
	getMany: { filters: [STATUS_FILTER, folderFilter('templates')], paged: true },
	create: {
		required: [nameParam('landing page template'), inFolder('landing page template')],
		optional: [
			descriptionParam('template'),
			boolean('enableMunchkin', 'Enable Munchkin', 'Whether pages built on the template load Munchkin tracking'),
			choice('templateType', 'Template Type', 'Guided templates fix editable areas; free-form ones let editors place elements anywhere', [
				{ name: 'Free-Form', value: 'freeForm' },
				{ name: 'Guided', value: 'guided' },
			]),
		],
	},
	update: {
		fields: [
			renameParam('template'),
			clearable(descriptionParam('template')),
			boolean('enableMunchkin', 'Enable Munchkin', 'Whether pages built on the template load Munchkin tracking'),
		],
	},
	clone: { optional: [] },
	delete: true,
	approval: { approve: 'approveDraft', unapprove: true, discardDraft: true },
	content: { path: 'content.json', options: [statusOption()] },
};

export const LANDING_PAGE: AssetType = {
	resource: 'landingPage',
	displayName: 'Landing Page',
	noun: 'landing page',
	plural: 'landing pages',
	segment: 'landingPage',
	collection: 'landingPages',
	urlCode: 'LP',
	searchListMethod: 'searchLandingPages',
	get: { options: [statusOption()] },
	getByName: { options: [statusOption()] },
	getMany: { filters: [STATUS_FILTER, folderFilter('landing pages')], paged: true },
	create: {
		required: [
			nameParam('landing page'),
			inFolder('landing page'),
			assetRef(LANDING_PAGE_TEMPLATE_TARGET, 'template', 'Template', 'The landing page template to build the page from'),
		],
		optional: [
			descriptionParam('landing page'),
			...landingPageTextFields(),
			boolean('prefillForm', 'Prefill Form', 'Whether forms on the page are prefilled for known visitors'),
			text('workspace', 'Workspace', 'Workspace to create the page in, when the folder is shared'),
		],
	},
	update: {
		fields: [
			renameParam('landing page'),
			clearable(descriptionParam('landing page')),
			...landingPageTextFields(true),
			clearable(text('metaTagsDescription', 'Meta Description', 'Meta description of the page')),
			clearable(longText('styleOverRide', 'Style Override', 'CSS added to the page')),
		],
	},
	clone: { optional: [integer('template', 'Template ID', 'Landing page template for the copy (ID)', { positive: true })] },
	delete: true,
	approval: { approve: 'approveDraft', unapprove: true, discardDraft: true },
	content: { path: 'content.json', options: [statusOption()] },
};

const formLookFields = (): Param[] => [
	text('fontFamily', 'Font Family', 'Font family of the form, e.g. "Helvetica"'),
	text('fontSize', 'Font Size', 'Font size of the form, e.g. "13px"'),
	choice('labelPosition', 'Label Position', 'Where labels sit relative to the fields', [
		{ name: 'Above', value: 'above' },
		{ name: 'Left', value: 'left' },
	]),
	text('language', 'Language', 'Language of the form, e.g. "English"'),
	text('locale', 'Locale', 'Locale of the form, e.g. "en_US"'),
	boolean('progressiveProfiling', 'Progressive Profiling', 'Whether progressive profiling is enabled'),
	text('theme', 'Theme', 'Theme file of the form, e.g. "simple"'),
];

export const FORM: AssetType = {
	resource: 'form',
	displayName: 'Form',
	noun: 'form',
	plural: 'forms',
	segment: 'form',
	collection: 'forms',
	searchListMethod: 'searchForms',
	get: { options: [statusOption()] },
	getByName: { options: [statusOption(), folderFilter('forms')] },
	getMany: { filters: [STATUS_FILTER, folderFilter('forms')], paged: true },
	create: { required: [nameParam('form'), inFolder('form')], optional: [descriptionParam('form'), ...formLookFields()] },
	update: {
		fields: [renameParam('form'), clearable(descriptionParam('form')), clearable(longText('customCss', 'Custom CSS', 'CSS added to the form')), ...formLookFields()],
	},
	clone: { optional: [] },
	delete: true,
	// The official file has no unapprove for forms.
	approval: { approve: 'approveDraft', unapprove: false, discardDraft: true },
};

export const FILE: AssetType = {
	resource: 'file',
	displayName: 'File',
	noun: 'file',
	plural: 'files',
	segment: 'file',
	collection: 'files',
	searchListMethod: 'searchFiles',
	get: { options: [] },
	getByName: { options: [] },
	getMany: { filters: [folderFilter('files')], paged: true },
};

const PROGRAM_TYPES = ['Default', 'Email', 'Engagement', 'Event', 'Event with Webinar'].map((name) => ({ name, value: name }));

const programCosts = json(
	'costs',
	'Costs',
	'Period costs as a JSON list: [{"startDate": "2026-01-01", "cost": 500, "note": "Sponsorship"}]',
	{ shape: 'list' },
);
const programTags = json('tags', 'Tags', 'Program tags as a JSON list: [{"tagType": "Region", "tagValue": "EMEA"}]', { shape: 'list' });

const PROGRAM_FILTER_TYPES = [
	{ name: 'Folder ID', value: 'folderId' },
	{ name: 'Program ID', value: 'id' },
	{ name: 'Workspace', value: 'workspace' },
];

const filterBy = choice('filterType', 'Filter By', 'What Filter Values are: program IDs, folder IDs, or workspace names', PROGRAM_FILTER_TYPES, { in: 'query' });
const filterValues = text('filterValues', 'Filter Values', 'Comma-separated values to match, of the kind Filter By says, e.g. "1001,1002" or "Default"', { in: 'query' });

/** Marketo's browse filter is a pair: each half is refused without the other, and IDs must be IDs. */
const PROGRAM_FILTER: Param[] = [
	{
		...filterBy,
		value(source, itemIndex) {
			const type = filterBy.value(source, itemIndex);
			if (type !== undefined && String(source('filterValues') ?? '').trim() === '') throw new ItemInputError(itemIndex, 'Filter Values', 'is empty; Filter By needs values to match');
			return type;
		},
	},
	{
		...filterValues,
		value(source, itemIndex) {
			if (filterValues.value(source, itemIndex) === undefined) return undefined;
			const type = source('filterType');
			if (type === undefined || type === '') throw new ItemInputError(itemIndex, 'Filter By', 'is not set; add it to say what Filter Values are');
			const values = splitValues(source('filterValues'));
			if (type !== 'workspace') values.forEach((value) => parseMarketoId(itemIndex, 'Filter Values', value));
			return values;
		},
	},
];

export const PROGRAM: AssetType = {
	resource: 'program',
	displayName: 'Program',
	noun: 'program',
	plural: 'programs',
	segment: 'program',
	collection: 'programs',
	// Event and email programs use other letters than PG: the id sits between two sets of letters.
	urlCode: '[A-Z]+',
	urlExample: 'https://app-ab12.marketo.com/#PG1001A1',
	searchListMethod: 'searchPrograms',
	get: { options: [] },
	getByName: {
		options: [
			boolean('includeTags', 'Include Tags', 'Whether to return the tags of the program', { in: 'query' }),
			boolean('includeCosts', 'Include Costs', 'Whether to return the period costs of the program', { in: 'query' }),
		],
	},
	getMany: { filters: [...PROGRAM_FILTER, ...UPDATED_BETWEEN], paged: true },
	create: {
		required: [
			nameParam('program'),
			inFolder('program'),
			choice('type', 'Type', 'Program type; Email programs can be approved (scheduled) through the API', PROGRAM_TYPES, { required: true, default: 'Default' }),
			text('channel', 'Channel', 'Channel of the program, which sets its member statuses (see Channel → Get Many), e.g. "Webinar"', { required: true }),
		],
		optional: [descriptionParam('program'), programCosts, programTags],
	},
	update: {
		fields: [
			renameParam('program'),
			clearable(descriptionParam('program')),
			text('startDate', 'Start Date', 'Start of an email program, ISO 8601'),
			text('endDate', 'End Date', 'End of an email program, ISO 8601'),
			programCosts,
			boolean('costsDestructiveUpdate', 'Replace Costs', 'Whether the costs given replace all existing costs (otherwise they are added)'),
			programTags,
		],
	},
	clone: { optional: [] },
	delete: true,
	approval: { approve: 'approve', unapprove: true, discardDraft: false },
};

export const SMART_CAMPAIGN: AssetType = {
	resource: 'smartCampaign',
	displayName: 'Smart Campaign',
	noun: 'smart campaign',
	plural: 'smart campaigns',
	segment: 'smartCampaign',
	collection: 'smartCampaigns',
	urlCode: 'SC',
	searchListMethod: 'searchSmartCampaigns',
	get: { options: [] },
	getByName: { options: [] },
	getMany: {
		filters: [folderFilter('smart campaigns'), ...UPDATED_BETWEEN, boolean('isActive', 'Is Active', 'Whether to return only active trigger campaigns', { in: 'query' })],
		paged: true,
	},
	create: { required: [nameParam('smart campaign'), inFolder('smart campaign')], optional: [descriptionParam('smart campaign')] },
	// The official file gives this one endpoint a JSON body.
	update: { fields: [renameParam('smart campaign'), clearable(descriptionParam('smart campaign'))], encoding: 'json' },
	clone: { optional: [] },
	delete: true,
};

export const SMART_LIST: AssetType = {
	resource: 'smartList',
	displayName: 'Smart List',
	noun: 'smart list',
	plural: 'smart lists',
	segment: 'smartList',
	collection: 'smartLists',
	searchListMethod: 'searchSmartLists',
	get: { options: [boolean('includeRules', 'Include Rules', 'Whether to return the filters and triggers of the smart list', { in: 'query' })] },
	getByName: { options: [] },
	getMany: { filters: [folderFilter('smart lists'), ...UPDATED_BETWEEN], paged: true },
	clone: { optional: [] },
	delete: true,
};

export const STATIC_LIST_ASSET: AssetType = {
	resource: 'staticListAsset',
	displayName: 'Static List (Asset)',
	noun: 'static list',
	plural: 'static lists',
	segment: 'staticList',
	collection: 'staticLists',
	urlCode: 'ST',
	// The same lists as the Lead Database's, so the same search.
	searchListMethod: 'searchStaticLists',
	get: { options: [] },
	getByName: { options: [] },
	getMany: { filters: [folderFilter('static lists'), ...UPDATED_BETWEEN], paged: true },
	create: { required: [nameParam('static list'), inFolder('static list')], optional: [descriptionParam('static list')] },
	update: { fields: [renameParam('static list'), clearable(descriptionParam('static list'))] },
	delete: true,
};

export const CHANNEL: AssetType = {
	resource: 'channel',
	displayName: 'Channel',
	noun: 'channel',
	plural: 'channels',
	segment: 'channel',
	collection: 'channels',
	// Marketo spells this one parameter with a capital N.
	getByName: { key: 'Name', options: [] },
	getMany: { filters: [], paged: true },
};

export const TAG: AssetType = {
	resource: 'tag',
	displayName: 'Tag',
	noun: 'tag type',
	plural: 'tag types',
	segment: 'tagType',
	collection: 'tagTypes',
	getByName: { options: [] },
	getMany: { filters: [], paged: true },
};

export const SEGMENTATION: AssetType = {
	resource: 'segmentation',
	displayName: 'Segmentation',
	noun: 'segmentation',
	plural: 'segmentations',
	segment: 'segmentation',
	collection: 'segmentation',
	searchListMethod: 'searchSegmentations',
	// The official browse takes no offset: every segmentation comes in one answer.
	getMany: { filters: [STATUS_FILTER], paged: false },
};

export const REDIRECT_RULE: AssetType = {
	resource: 'redirectRule',
	displayName: 'Landing Page Redirect Rule',
	noun: 'redirect rule',
	plural: 'redirect rules',
	segment: 'redirectRule',
	collection: 'redirectRules',
	get: { options: [] },
	getMany: {
		filters: [
			integer('redirectTolandingPageId', 'Redirects to Landing Page ID', 'Return only rules that redirect to this landing page', { in: 'query', positive: true }),
			text('redirectToPath', 'Redirects to Path', 'Return only rules that redirect to this path', { in: 'query' }),
			...UPDATED_BETWEEN,
		],
		paged: true,
	},
	delete: true,
};

