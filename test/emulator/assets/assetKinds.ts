import { MarketoFailure, marketoErrors } from '../errors';
import type { RouteContext } from '../routes/route';
import { assetsOf, type Asset, type Fields } from './AssetStore';
import { folderField, type FolderRef } from './folders';
import { booleanField, field, jsonField, type FormBody } from './requestBody';

/** How an update or create field is read from a url-encoded body. */
export type FieldKind = 'text' | 'boolean' | 'integer' | 'json';

export type SharedRoute = 'get' | 'byName' | 'browse' | 'create' | 'update' | 'clone' | 'delete';

/**
 * One asset type of the emulated instance, as data: its paths, which shared routes it has, its
 * draft workflow, the fields a create or update may set, and how an answer renders it (the
 * official response definition in swagger-asset.json). The shared routes (routes/assets.ts) are
 * built from these rows; what only one type does lives in routes/assetsSpecial.ts.
 */
export interface AssetKind {
	kind: string;
	/** For messages: "Email". */
	noun: string;
	segment: string;
	collection: string;
	routes: SharedRoute[];
	drafts?: { approve: 'approveDraft' | 'approve'; unapprove: boolean; discard: boolean };
	byNameKey?: string;
	/** Fields a create takes beyond name, folder and description; `true` = required. */
	createFields?: Record<string, [FieldKind, boolean]>;
	/** Checks a new asset's fields (references to templates…) and adds what it is born with. */
	born?(fields: Fields, context: RouteContext): Fields;
	updatable: Record<string, FieldKind>;
	/** The asset as the official response definition describes it. */
	render(asset: Asset, fields: Fields, context: RouteContext): Record<string, unknown>;
	/** Why the asset cannot be unapproved or deleted right now (Marketo's 709). */
	inUse?(asset: Asset, context: RouteContext): string | undefined;
	/** Design Studio assets live in folders, not in programs (Marketo's 711 otherwise). */
	folderOnly?: boolean;
	/** What approve and unapprove answer: the official file gives some an IdResponse, others the asset. */
	answers?: { approve: 'id' | 'asset'; unapprove: 'id' | 'asset' };
}

const textOf = (fields: Fields, name: string) => (fields[name] === undefined ? null : fields[name]);

function statusOf(asset: Asset, fields: Fields): 'approved' | 'draft' {
	return fields === asset.approved ? 'approved' : 'draft';
}

/** What every asset answer carries. */
function base(asset: Asset, fields: Fields, context: RouteContext, urlCode: string): Record<string, unknown> {
	return {
		id: asset.id,
		name: fields.name,
		description: textOf(fields, 'description'),
		createdAt: asset.createdAt,
		updatedAt: asset.updatedAt,
		url: `https://app-sj01.marketo.com/#${urlCode}${asset.id}A1`,
		folder: folderField(fields.folder as FolderRef | undefined, context),
		workspace: fields.workspace ?? 'Default',
	};
}

const header = (value: unknown) => ({ type: 'Text', value: value ?? '' });

/** Assets built from this one (emails from a template, pages from a page template, pages holding a form). */
function usersOf(kind: string, context: RouteContext, uses: (fields: Fields) => boolean): Asset[] {
	return assetsOf(context)
		.all(kind)
		.filter((candidate) => [candidate.approved, candidate.draft].some((fields) => fields !== undefined && uses(fields)));
}

const usedAsTemplate = (userKind: string, noun: string) => (asset: Asset, context: RouteContext) => {
	const users = usersOf(userKind, context, (fields) => fields.template === asset.id);
	return users.length > 0 ? `it is used by ${users.length} ${noun}${users.length === 1 ? '' : 's'} (${users.map((user) => user.id).join(', ')})` : undefined;
};

const editableSections = (html: string) => [...html.matchAll(/class="[^"]*mktEditable[^"]*"[^>]*id="([^"]+)"|id="([^"]+)"[^>]*class="[^"]*mktEditable/g)].map((match) => match[1] ?? match[2]);

export const EMAIL_TEMPLATE_KIND: AssetKind = {
	kind: 'emailTemplate',
	noun: 'Email template',
	segment: 'emailTemplate',
	collection: 'emailTemplates',
	routes: ['get', 'byName', 'browse', 'update', 'clone', 'delete'],
	drafts: { approve: 'approveDraft', unapprove: true, discard: true },
	updatable: { name: 'text', description: 'text' },
	folderOnly: true,
	answers: { approve: 'asset', unapprove: 'asset' },
	render: (asset, fields, context) => ({ ...base(asset, fields, context, 'ET'), status: statusOf(asset, fields), version: 2 }),
	inUse: usedAsTemplate('email', 'email'),
};

export const EMAIL_KIND: AssetKind = {
	kind: 'email',
	noun: 'Email',
	segment: 'email',
	collection: 'emails',
	routes: ['get', 'byName', 'browse', 'create', 'update', 'clone', 'delete'],
	drafts: { approve: 'approveDraft', unapprove: true, discard: true },
	answers: { approve: 'id', unapprove: 'id' },
	createFields: {
		template: ['integer', true],
		subject: ['text', true],
		fromName: ['text', true],
		fromEmail: ['text', true],
		replyEmail: ['text', true],
		operational: ['boolean', false],
		textOnly: ['boolean', false],
		autoCopyToText: ['boolean', false],
	},
	born(fields, context) {
		const template = assetsOf(context).get('emailTemplate', Number(fields.template));
		const html = String((template?.approved ?? template?.draft)?.content ?? '');
		if (!template) throw new MarketoFailure({ code: '702', message: `Email template '${String(fields.template)}' not found` });
		return {
			operational: false,
			textOnly: false,
			autoCopyToText: true,
			publishToMSI: false,
			webView: false,
			preHeader: null,
			...fields,
			sections: editableSections(html).map((htmlId) => ({ htmlId, contentType: 'Text', value: '' })),
			variables: [{ name: 'backgroundColor', value: '#FFFFFF', moduleScope: false }],
			modules: [],
		};
	},
	updatable: {
		name: 'text',
		description: 'text',
		preHeader: 'text',
		operational: 'boolean',
		published: 'boolean',
		textOnly: 'boolean',
		webView: 'boolean',
		autoCopyToText: 'boolean',
	},
	render: (asset, fields, context) => ({
		...base(asset, fields, context, 'EM'),
		subject: header(fields.subject),
		fromName: header(fields.fromName),
		fromEmail: header(fields.fromEmail),
		replyEmail: header(fields.replyEmail),
		operational: fields.operational === true,
		publishToMSI: fields.published === true,
		textOnly: fields.textOnly === true,
		webView: fields.webView === true,
		autoCopyToText: fields.autoCopyToText !== false,
		preHeader: fields.preHeader ?? null,
		template: fields.template,
		status: statusOf(asset, fields),
		version: 2,
	}),
};

export const SNIPPET_KIND: AssetKind = {
	kind: 'snippet',
	noun: 'Snippet',
	segment: 'snippet',
	collection: 'snippets',
	routes: ['get', 'browse', 'create', 'update', 'clone', 'delete'],
	drafts: { approve: 'approveDraft', unapprove: true, discard: true },
	answers: { approve: 'asset', unapprove: 'asset' },
	born: (fields) => ({ content: '', contentType: 'HTML', dynamicContent: {}, ...fields }),
	updatable: { name: 'text', description: 'text' },
	render(asset, fields, context) {
		const folder = fields.folder as FolderRef;
		// SnippetResponse names its folder {value, type, folderName}, without id.
		const snippetFolder = { value: folder.id, type: folder.type, folderName: folderField(folder, context)?.folderName };
		return { ...base(asset, fields, context, 'SN'), folder: snippetFolder, status: statusOf(asset, fields) };
	},
};

export const LANDING_PAGE_TEMPLATE_KIND: AssetKind = {
	kind: 'landingPageTemplate',
	noun: 'Landing page template',
	segment: 'landingPageTemplate',
	collection: 'landingPageTemplates',
	routes: ['get', 'byName', 'browse', 'create', 'update', 'clone', 'delete'],
	drafts: { approve: 'approveDraft', unapprove: true, discard: true },
	answers: { approve: 'asset', unapprove: 'asset' },
	createFields: { enableMunchkin: ['boolean', false], templateType: ['text', false] },
	born(fields) {
		if (fields.templateType !== undefined && fields.templateType !== 'guided' && fields.templateType !== 'freeForm') {
			throw new MarketoFailure(marketoErrors.invalidData(`Invalid templateType '${String(fields.templateType)}'`));
		}
		return { enableMunchkin: true, templateType: 'freeForm', content: '<html><body></body></html>', ...fields };
	},
	updatable: { name: 'text', description: 'text', enableMunchkin: 'boolean' },
	folderOnly: true,
	render: (asset, fields, context) => ({
		...base(asset, fields, context, 'LT'),
		enableMunchkin: fields.enableMunchkin !== false,
		templateType: fields.templateType,
		status: statusOf(asset, fields),
	}),
	inUse: usedAsTemplate('landingPage', 'landing page'),
};

const LANDING_PAGE_TEXT: Record<string, FieldKind> = {
	title: 'text',
	keywords: 'text',
	robots: 'text',
	customHeadHTML: 'text',
	facebookOgTags: 'text',
	urlPageName: 'text',
	mobileEnabled: 'boolean',
};

export const LANDING_PAGE_KIND: AssetKind = {
	kind: 'landingPage',
	noun: 'Landing page',
	segment: 'landingPage',
	collection: 'landingPages',
	routes: ['get', 'byName', 'browse', 'create', 'update', 'clone', 'delete'],
	drafts: { approve: 'approveDraft', unapprove: true, discard: true },
	answers: { approve: 'id', unapprove: 'asset' },
	createFields: {
		template: ['integer', true],
		...Object.fromEntries(Object.entries(LANDING_PAGE_TEXT).map(([name, kind]) => [name, [kind, false]])),
		prefillForm: ['boolean', false],
		workspace: ['text', false],
	},
	born(fields, context) {
		if (!assetsOf(context).get('landingPageTemplate', Number(fields.template))) {
			throw new MarketoFailure({ code: '702', message: `Landing page template '${String(fields.template)}' not found` });
		}
		return { title: null, robots: 'index, nofollow', customHeadHTML: null, facebookOgTags: null, mobileEnabled: true, sections: [], variables: [], ...fields };
	},
	updatable: { name: 'text', description: 'text', ...LANDING_PAGE_TEXT, metaTagsDescription: 'text', styleOverRide: 'text' },
	render: (asset, fields, context) => ({
		...base(asset, fields, context, 'LP'),
		URL: `https://pages.example.com/${String(fields.urlPageName ?? fields.name)}.html`,
		computedUrl: `https://app-sj01.marketo.com/#LP${asset.id}A1`,
		title: fields.title ?? null,
		keywords: fields.keywords ?? null,
		robots: fields.robots ?? null,
		customHeadHTML: fields.customHeadHTML ?? null,
		facebookOgTags: fields.facebookOgTags ?? null,
		formPrefill: fields.prefillForm === true,
		mobileEnabled: fields.mobileEnabled !== false,
		template: fields.template,
		status: statusOf(asset, fields),
	}),
};

const FORM_LOOK: Record<string, FieldKind> = {
	fontFamily: 'text',
	fontSize: 'text',
	labelPosition: 'text',
	language: 'text',
	locale: 'text',
	progressiveProfiling: 'boolean',
	theme: 'text',
};

export const FORM_KIND: AssetKind = {
	kind: 'form',
	noun: 'Form',
	segment: 'form',
	collection: 'forms',
	routes: ['get', 'byName', 'browse', 'create', 'update', 'clone', 'delete'],
	drafts: { approve: 'approveDraft', unapprove: false, discard: true },
	answers: { approve: 'asset', unapprove: 'asset' },
	createFields: Object.fromEntries(Object.entries(FORM_LOOK).map(([name, kind]) => [name, [kind, false]])),
	born: (fields) => ({
		fontFamily: 'Helvetica',
		fontSize: '13px',
		labelPosition: 'left',
		language: 'English',
		locale: 'en_US',
		progressiveProfiling: false,
		theme: 'simple',
		fields: [{ id: 'Email', label: 'Email Address:', dataType: 'email', required: true, rowNumber: 0, columnNumber: 0 }],
		thankYouList: [{ default: true, followupType: 'none', followupValue: null, operator: null, subjectField: null, values: [] }],
		buttonLabel: 'Submit',
		buttonLocation: 120,
		waitingLabel: 'Please Wait',
		...fields,
	}),
	updatable: { name: 'text', description: 'text', customCss: 'text', ...FORM_LOOK },
	render: (asset, fields, context) => ({
		...base(asset, fields, context, 'FO'),
		status: statusOf(asset, fields),
		thankYouList: fields.thankYouList,
		knownVisitor: { type: 'form', template: null },
		...Object.fromEntries(Object.keys(FORM_LOOK).map((name) => [name, fields[name]])),
		buttonLabel: fields.buttonLabel,
		buttonLocation: fields.buttonLocation,
		waitingLabel: fields.waitingLabel,
	}),
	inUse: (asset, context) => {
		const pages = usersOf('landingPage', context, (fields) => ((fields.sections as Array<{ type: string; value: unknown }>) ?? []).some((section) => section.type === 'Form' && Number(section.value) === asset.id));
		return pages.length > 0 ? `it is used by landing page ${pages.map((page) => page.id).join(', ')}` : undefined;
	},
};

export const FILE_KIND: AssetKind = {
	kind: 'file',
	noun: 'File',
	segment: 'file',
	collection: 'files',
	routes: ['get', 'byName', 'browse'],
	updatable: {},
	folderOnly: true,
	render: (asset, fields, context) => {
		const folder = fields.folder as FolderRef;
		return {
			id: asset.id,
			name: fields.name,
			description: fields.description ?? null,
			createdAt: asset.createdAt,
			updatedAt: asset.updatedAt,
			folder: { id: folder.id, name: folderField(folder, context)?.folderName, type: folder.type },
			mimeType: fields.mimeType,
			size: Buffer.byteLength(String(fields.content ?? '')),
			url: `https://pages.example.com/rs/123-ABC-456/images/${encodeURIComponent(String(fields.name))}`,
		};
	},
};

const listLike = (urlCode: string) => (asset: Asset, fields: Fields, context: RouteContext) => ({
	...base(asset, fields, context, urlCode),
	description: fields.description ?? '',
});

export const SMART_LIST_KIND: AssetKind = {
	kind: 'smartList',
	noun: 'Smart list',
	segment: 'smartList',
	collection: 'smartLists',
	routes: ['get', 'byName', 'browse', 'clone', 'delete'],
	born: (fields) => ({ rules: { filterMatchType: 'All', triggers: [], filters: [] }, ...fields }),
	updatable: {},
	render: listLike('SL'),
};

export const STATIC_LIST_KIND: AssetKind = {
	kind: 'staticList',
	noun: 'Static list',
	segment: 'staticList',
	collection: 'staticLists',
	routes: ['get', 'byName', 'browse', 'create', 'update', 'delete'],
	updatable: { name: 'text', description: 'text' },
	render: (asset, fields, context) => ({ ...listLike('ST')(asset, fields, context), computedUrl: `https://app-sj01.marketo.com/#ST${asset.id}A1` }),
};

export const SMART_CAMPAIGN_KIND: AssetKind = {
	kind: 'smartCampaign',
	noun: 'Smart campaign',
	segment: 'smartCampaign',
	collection: 'smartCampaigns',
	routes: ['get', 'byName', 'browse', 'create', 'update', 'clone', 'delete'],
	born: (fields) => ({ type: 'batch', isActive: false, isRequestable: false, smartListId: 0, flowId: 0, ...fields }),
	updatable: { name: 'text', description: 'text' },
	render: (asset, fields, context) => ({
		...base(asset, fields, context, 'SC'),
		description: fields.description ?? '',
		type: fields.type,
		isSystem: false,
		isActive: fields.isActive === true,
		isRequestable: fields.isRequestable === true,
		// Not scheduled: every recurrence field present, empty.
		recurrence: { startAt: null, endAt: null, intervalType: null, interval: null, weekdayOnly: false, weekdayMask: [], dayOfMonth: null, dayOfWeek: null, weekOfMonth: null },
		qualificationRuleType: 'once',
		qualificationRuleInterval: 0,
		qualificationRuleUnit: 'day',
		maxMembers: 0,
		isCommunicationLimitEnabled: false,
		smartListId: fields.smartListId,
		flowId: fields.flowId,
		computedUrl: `https://app-sj01.marketo.com/#SC${asset.id}A1`,
		status: fields.type === 'trigger' ? (fields.isActive === true ? 'Active' : 'Inactive') : 'Never Run',
	}),
	inUse: (asset) => (asset.approved?.isActive === true ? 'it is active; deactivate it first' : undefined),
};

export const SEGMENTATION_KIND: AssetKind = {
	kind: 'segmentation',
	noun: 'Segmentation',
	segment: 'segmentation',
	collection: 'segmentation',
	routes: ['browse'],
	updatable: {},
	render: (asset, fields, context) => ({ ...base(asset, fields, context, 'SG'), status: 'approved' }),
};

export const REDIRECT_RULE_KIND: AssetKind = {
	kind: 'redirectRule',
	noun: 'Redirect rule',
	segment: 'redirectRule',
	collection: 'redirectRules',
	routes: ['get', 'browse', 'delete'],
	updatable: {},
	render: (asset, fields) => {
		const from = fields.redirectFrom as { type: string; value: string };
		const to = fields.redirectTo as { type: string; value: string };
		const urlOf = (end: { type: string; value: string }) =>
			end.type === 'landingPageId' ? `https://${String(fields.hostname)}/lp/${end.value}.html` : end.type === 'path' ? `https://${String(fields.hostname)}${end.value}` : end.value;
		return {
			id: asset.id,
			hostname: fields.hostname,
			redirectFrom: from,
			redirectTo: to,
			redirectFromUrl: urlOf(from),
			redirectToUrl: urlOf(to),
			createdAt: asset.createdAt,
			updatedAt: asset.updatedAt,
		};
	},
};

export const TAG_KIND: AssetKind = {
	kind: 'tagType',
	noun: 'Tag type',
	segment: 'tagType',
	collection: 'tagTypes',
	routes: ['byName', 'browse'],
	updatable: {},
	render: (_asset, fields) => ({
		tagType: fields.name,
		applicableProgramTypes: fields.applicableProgramTypes,
		required: fields.required === true,
		allowableValues: (fields.allowableValues as string[]).join(','),
	}),
};

/** Every kind the shared routes serve. Programs (ProgramStore's) and channels have routes of their own (routes/assetsPrograms.ts, routes/programs.ts). */
export const ASSET_KINDS: readonly AssetKind[] = [
	EMAIL_KIND,
	EMAIL_TEMPLATE_KIND,
	SNIPPET_KIND,
	LANDING_PAGE_KIND,
	LANDING_PAGE_TEMPLATE_KIND,
	FORM_KIND,
	FILE_KIND,
	SMART_LIST_KIND,
	STATIC_LIST_KIND,
	SMART_CAMPAIGN_KIND,
	SEGMENTATION_KIND,
	REDIRECT_RULE_KIND,
	TAG_KIND,
];

/** Reads one field of a body by its kind; 1001 for a value of the wrong type. */
export function readField(body: FormBody, name: string, kind: FieldKind, required = false): unknown {
	if (kind === 'boolean') return booleanField(body, name);
	if (kind === 'json') return jsonField(body, name, required);
	const text = field(body, name, required);
	if (text === undefined || kind === 'text') return text;
	if (!/^\d+$/.test(text)) throw new MarketoFailure(marketoErrors.invalidValueType(text, 'Integer'));
	return Number(text);
}
