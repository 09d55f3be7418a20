import {
	EMAIL_KIND,
	EMAIL_TEMPLATE_KIND,
	FILE_KIND,
	FORM_KIND,
	LANDING_PAGE_KIND,
	LANDING_PAGE_TEMPLATE_KIND,
	SNIPPET_KIND,
	type AssetKind,
} from '../assets/assetKinds';
import { answer, businessRule, existing, noAssets, statusParam } from '../assets/answers';
import { assetsOf, type Asset, type Fields } from '../assets/AssetStore';
import { makeDynamic, type DynamicSection } from '../assets/dynamicContent';
import { isFormFieldId } from '../assets/formFields';
import { folderRefOf } from '../assets/folders';
import { booleanField, field, formBody, jsonField, multipartBody, type Part } from '../assets/requestBody';
import { MarketoFailure, marketoErrors } from '../errors';
import { integerParam } from '../lists/queryParams';
import type { Route, RouteContext, RouteRequest } from './route';

const ASSET_API = '/rest/asset/v1';

export type Section = { htmlId: string; contentType: string; value: unknown; textValue?: string; dynamic?: DynamicSection };
export type PageSection = { id: string; type: string; value?: unknown; index?: number; dynamic?: DynamicSection; [style: string]: unknown };

/**
 * The version a read asks for, or Marketo's "no assets found". Reads without a status parameter
 * in the official file (variables) show the version being edited: the draft when there is one.
 */
export function readVersion(kind: AssetKind, { pathParams, params }: RouteRequest, context: RouteContext, editing = false): { asset: Asset; fields: Fields } | undefined {
	const store = assetsOf(context);
	const asset = store.get(kind.kind, integerParam(pathParams.id));
	const fields = asset && (editing ? (asset.draft ?? asset.approved) : store.version(asset, statusParam(params)));
	return asset && fields ? { asset, fields } : undefined;
}

/** An edit of a draft-workflow asset: it lands in the draft. */
export function editDraft(kind: AssetKind, id: string, context: RouteContext, change: (fields: Fields) => void): { asset: Asset; fields: Fields } {
	const { store, asset } = existing(kind, id, context);
	return { asset, fields: store.edit(asset, kind.drafts !== undefined, change) };
}

/** The `content` or `file` part of an upload, which must be a file part. */
function filePart(parts: Map<string, Part>, name: string): Part {
	const part = parts.get(name);
	if (!part) throw new MarketoFailure(marketoErrors.missingParameter(name));
	if (part.fileName === undefined) throw new MarketoFailure({ code: '613', message: `Invalid multipart request: ${name} must be a file` });
	return part;
}

type ContentRows = (asset: Asset, fields: Fields, status: string, request: RouteRequest, context: RouteContext) => unknown[];

export const contentRead = (kind: AssetKind, path: string, rows: ContentRows, editing = false): Route => ({
	method: 'GET',
	path: `${ASSET_API}/${kind.segment}/{id}/${path}`,
	handle: (request, context) => {
		const found = readVersion(kind, request, context, editing);
		return found ? answer(rows(found.asset, found.fields, found.fields === found.asset.approved ? 'approved' : 'draft', request, context)) : noAssets();
	},
});

/** Replacing HTML from a multipart `content` file (templates, email full content). */
const htmlUpload = (kind: AssetKind, path: string, fieldName: string): Route => ({
	method: 'POST',
	path: `${ASSET_API}/${kind.segment}/{id}/${path}`,
	handle: ({ pathParams, body }, context) => {
		const html = filePart(multipartBody(body), 'content').value;
		const { asset } = editDraft(kind, pathParams.id, context, (fields) => {
			fields[fieldName] = html;
		});
		return { result: [{ id: asset.id }] };
	},
});

const emailRoutes: Route[] = [
	contentRead(EMAIL_KIND, 'content.json', (_asset, fields) =>
		(fields.sections as Section[]).map((section, index) => ({
			htmlId: section.htmlId,
			// Marketo answers a section's value as its HTML and text versions; a dynamic one's as its dynamic content ID.
			value: section.dynamic
				? section.dynamic.id
				: [
						{ type: 'HTML', value: section.value },
						{ type: 'Text', value: section.textValue ?? String(section.value).replace(/<[^>]+>/g, '') },
					],
			contentType: section.contentType,
			index,
			isLocked: false,
			parentHtmlId: null,
		})),
	),
	{
		method: 'POST',
		path: `${ASSET_API}/email/{id}/content.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const { asset } = editDraft(EMAIL_KIND, pathParams.id, context, (fields) => {
				for (const [key, target] of [['subject', 'subject'], ['fromName', 'fromName'], ['fromEmail', 'fromEmail'], ['replyTO', 'replyEmail']]) {
					const header = jsonField(form, key) as { type?: string; value?: string } | undefined;
					if (header === undefined) continue;
					if (header.type !== 'Text' && header.type !== 'DynamicContent') throw new MarketoFailure(marketoErrors.invalidData(`${key} must be {"type": "Text", "value": …}`));
					fields[target] = header.value;
				}
			});
			return { result: [{ id: asset.id }] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/email/{id}/content/{htmlId}.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const type = field(form, 'type', true) as string;
			if (!['Text', 'DynamicContent', 'Snippet'].includes(type)) throw new MarketoFailure(marketoErrors.invalidData(`Invalid type '${type}'`));
			const value = field(form, 'value', true);
			const { asset } = editDraft(EMAIL_KIND, pathParams.id, context, (fields) => {
				const section = (fields.sections as Section[]).find((candidate) => candidate.htmlId === pathParams.htmlId);
				if (!section) throw new MarketoFailure({ code: '702', message: `Content section '${pathParams.htmlId}' not found` });
				if (type === 'DynamicContent') {
					const dynamic = section.dynamic?.segmentation === Number(value) ? section.dynamic : makeDynamic(`EM-${pathParams.id}`, section.htmlId, value, { type: 'Text', value: String(section.value) }, context);
					Object.assign(section, { contentType: type, value: dynamic.id, dynamic });
					return;
				}
				delete section.dynamic;
				Object.assign(section, { contentType: type, value, ...(form.textValue ? { textValue: form.textValue } : {}) });
			});
			return { result: [{ id: asset.id }] };
		},
	},
	contentRead(EMAIL_KIND, 'variables.json', (_asset, fields) => fields.variables as unknown[], true),
	{
		method: 'POST',
		path: `${ASSET_API}/email/{id}/variable/{name}.json`,
		handle: ({ pathParams, body }, context) => {
			const value = field(formBody(body), 'value', true);
			let updated: unknown;
			editDraft(EMAIL_KIND, pathParams.id, context, (fields) => {
				const variable = (fields.variables as Array<{ name: string; value: unknown }>).find((candidate) => candidate.name === pathParams.name);
				if (!variable) throw new MarketoFailure({ code: '702', message: `Variable '${pathParams.name}' not found` });
				variable.value = value;
				updated = variable;
			});
			return { result: [updated] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/email/{id}/sendSample.json`,
		handle: ({ pathParams, body }, context) => {
			const { store, asset } = existing(EMAIL_KIND, pathParams.id, context);
			const form = formBody(body);
			const emailAddress = field(form, 'emailAddress', true) as string;
			if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(emailAddress)) throw new MarketoFailure(marketoErrors.invalidData(`Invalid emailAddress '${emailAddress}'`));
			store.samples.push({ emailId: asset.id, emailAddress, leadId: field(form, 'leadId'), textOnly: booleanField(form, 'textOnly') ?? false });
			return { result: [{ service: 'sendTestEmail', result: true }] };
		},
	},
	contentRead(EMAIL_KIND, 'fullContent.json', (asset, fields, status) => [
		{
			id: asset.id,
			status,
			content:
				(fields.fullContent as string | undefined) ??
				`<html><body>${(fields.sections as Section[]).map((section) => `<div id="${section.htmlId}">${String(section.value)}</div>`).join('')}</body></html>`,
		},
	]),
	htmlUpload(EMAIL_KIND, 'fullContent.json', 'fullContent'),
];

const emailTemplateRoutes: Route[] = [
	{
		method: 'POST',
		path: `${ASSET_API}/emailTemplates.json`,
		handle: ({ body }, context) => {
			const parts = multipartBody(body);
			const name = field(parts, 'name', true) as string;
			const folder = folderRefOf(jsonField(parts, 'folder', true), context);
			if (folder.type !== 'Folder') throw new MarketoFailure({ code: '711', message: "Email templates can't be created in a program" });
			const store = assetsOf(context);
			if (store.all('emailTemplate').some((asset) => (asset.approved ?? asset.draft)?.name === name)) throw businessRule(`Email template name '${name}' is already in use`);
			const description = field(parts, 'description');
			const fields = { name, folder, ...(description ? { description } : {}), content: filePart(parts, 'content').value };
			const asset = store.create('emailTemplate', fields, { drafts: true });
			return { result: [EMAIL_TEMPLATE_KIND.render(asset, fields, context)] };
		},
	},
	contentRead(EMAIL_TEMPLATE_KIND, 'content', (asset, fields, status) => [{ id: asset.id, content: fields.content, status }]),
	htmlUpload(EMAIL_TEMPLATE_KIND, 'content.json', 'content'),
	{
		method: 'GET',
		path: `${ASSET_API}/emailTemplates/{id}/usedBy.json`,
		handle: ({ pathParams }, context) => {
			const { store, asset } = existing(EMAIL_TEMPLATE_KIND, pathParams.id, context);
			const users = store.all('email').filter((email) => (email.approved ?? email.draft)?.template === asset.id);
			return answer(
				users.map((email) => ({ id: email.id, name: (email.approved ?? email.draft)?.name, type: 'Email', status: email.approved ? 'approved' : 'draft', updatedAt: email.updatedAt })),
			);
		},
	},
];

const snippetRoutes: Route[] = [
	contentRead(SNIPPET_KIND, 'content.json', (_asset, fields) => [{ type: fields.contentType, content: fields.content }]),
	{
		// The official file takes the content and its type in the query string.
		method: 'POST',
		path: `${ASSET_API}/snippet/{id}/content.json`,
		handle: ({ pathParams, params }, context) => {
			const type = params.type;
			if (!type) throw new MarketoFailure(marketoErrors.missingParameter('type'));
			if (!['HTML', 'Text', 'DynamicContent'].includes(type)) throw new MarketoFailure(marketoErrors.invalidData(`Invalid type '${type}'`));
			if (params.content === undefined) throw new MarketoFailure(marketoErrors.missingParameter('content'));
			const { asset } = editDraft(SNIPPET_KIND, pathParams.id, context, (fields) => Object.assign(fields, { content: params.content, contentType: type }));
			return { result: [{ id: asset.id }] };
		},
	},
	contentRead(SNIPPET_KIND, 'dynamicContent.json', (asset, fields) => [
		{ id: asset.id, segmentation: 1001, content: Object.entries(fields.dynamicContent as Record<string, { type: string; value: string }>).map(([segmentId, value]) => ({ segmentId: Number(segmentId), ...value })) },
	]),
	{
		method: 'POST',
		path: `${ASSET_API}/snippet/{id}/dynamicContent/{segmentId}.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const segmentId = integerParam(pathParams.segmentId);
			const segments = (assetsOf(context).get('segmentation', 1001)?.approved?.segments as Array<{ id: number }>) ?? [];
			if (!segments.some((segment) => segment.id === segmentId)) throw new MarketoFailure({ code: '702', message: `Segment '${segmentId}' not found` });
			const type = field(form, 'type', true) as string;
			const value = field(form, 'value', true) as string;
			const { asset } = editDraft(SNIPPET_KIND, pathParams.id, context, (fields) => {
				(fields.dynamicContent as Record<string, unknown>)[segmentId] = { type, value };
			});
			return { result: [{ id: asset.id }] };
		},
	},
];

const PAGE_SECTION_STYLE = ['left', 'top', 'width', 'height', 'zIndex', 'linkUrl', 'hideDesktop', 'hideMobile', 'backgroundColor', 'borderColor', 'opacity'];

/** The look of a page section, from a section or a request's fields. */
const styleOf = (fields: Record<string, unknown>) => Object.fromEntries(PAGE_SECTION_STYLE.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]]));

const landingPageRoutes: Route[] = [
	contentRead(LANDING_PAGE_KIND, 'content.json', (_asset, fields) =>
		(fields.sections as PageSection[]).map((section) => ({ id: section.id, type: section.type, index: section.index, content: section.value, formattingOptions: styleOf(section) })),
	),
	{
		method: 'POST',
		path: `${ASSET_API}/landingPage/{id}/content.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const contentId = field(form, 'contentId', true) as string;
			const type = field(form, 'type', true) as string;
			const { asset } = editDraft(LANDING_PAGE_KIND, pathParams.id, context, (fields) => {
				const sections = fields.sections as PageSection[];
				if (sections.some((section) => section.id === contentId)) throw businessRule(`Content section '${contentId}' already exists`);
				const style = styleOf(form);
				sections.push({ id: contentId, type, value: form.value, index: sections.length + 1, ...style });
			});
			return { result: [{ id: asset.id }] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/landingPage/{id}/content/{contentId}.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const type = field(form, 'type', true) as string;
			const { asset } = editDraft(LANDING_PAGE_KIND, pathParams.id, context, (fields) => {
				const section = (fields.sections as PageSection[]).find((candidate) => candidate.id === pathParams.contentId);
				if (!section) throw new MarketoFailure({ code: '702', message: `Content section '${pathParams.contentId}' not found` });
				const style = styleOf(form);
				if (type === 'DynamicContent') {
					const dynamic =
						section.dynamic?.segmentation === Number(form.value) ? section.dynamic : makeDynamic(`LP-${pathParams.id}`, section.id, form.value, { type: section.type, value: String(section.value ?? '') }, context);
					Object.assign(section, { type, value: dynamic.id, dynamic, ...style });
					return;
				}
				delete section.dynamic;
				Object.assign(section, { type, ...(form.value !== undefined ? { value: form.value } : {}), ...style });
			});
			return { result: [{ id: asset.id }] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/landingPage/{id}/content/{contentId}/delete.json`,
		handle: ({ pathParams }, context) => {
			const { asset } = editDraft(LANDING_PAGE_KIND, pathParams.id, context, (fields) => {
				const sections = fields.sections as PageSection[];
				const at = sections.findIndex((section) => section.id === pathParams.contentId);
				if (at < 0) throw new MarketoFailure({ code: '702', message: `Content section '${pathParams.contentId}' not found` });
				sections.splice(at, 1);
			});
			return { result: [{ id: asset.id }] };
		},
	},
	contentRead(LANDING_PAGE_KIND, 'variables.json', (_asset, fields) => fields.variables as unknown[], true),
	{
		method: 'POST',
		path: `${ASSET_API}/landingPage/{id}/variable/{variableId}.json`,
		handle: ({ pathParams, params }, context) => {
			if (params.value === undefined) throw new MarketoFailure(marketoErrors.missingParameter('value'));
			let updated: unknown;
			editDraft(LANDING_PAGE_KIND, pathParams.id, context, (fields) => {
				const variable = (fields.variables as Array<{ id: string; value: unknown }>).find((candidate) => candidate.id === pathParams.variableId);
				if (!variable) throw new MarketoFailure({ code: '702', message: `Variable '${pathParams.variableId}' not found` });
				variable.value = params.value;
				updated = variable;
			});
			return { result: [updated] };
		},
	},
	{
		method: 'GET',
		path: `${ASSET_API}/landingPage/{id}/fullContent.json`,
		handle: ({ pathParams, params }, context) => {
			const found = readVersion(LANDING_PAGE_KIND, { pathParams, params: {}, body: undefined }, context);
			if (!found) return noAssets();
			if (params.segmentation !== undefined && !Array.isArray(jsonField(params, 'segmentation'))) {
				throw new MarketoFailure(marketoErrors.invalidData('segmentation must be a JSON list'));
			}
			const sections = (found.fields.sections as PageSection[]).map((section) => `<div id="${section.id}">${String(section.value ?? '')}</div>`).join('');
			return { result: [{ id: found.asset.id, status: found.fields === found.asset.approved ? 'approved' : 'draft', content: `<html><head><title>${String(found.fields.title ?? '')}</title></head><body>${sections}</body></html>` }] };
		},
	},
];

const landingPageTemplateRoutes: Route[] = [
	contentRead(LANDING_PAGE_TEMPLATE_KIND, 'content.json', (asset, fields, status) => [
		{ id: asset.id, content: fields.content, status, enableMunchkin: fields.enableMunchkin !== false, templateType: fields.templateType },
	]),
	htmlUpload(LANDING_PAGE_TEMPLATE_KIND, 'content.json', 'content'),
];

type FormField = { id: string; [setting: string]: unknown };
const FORM_FIELD_SETTINGS = ['label', 'required', 'defaultValue', 'hintText', 'instructions', 'validationMessage', 'fieldType', 'values', 'maxLength', 'formPrefill'];

function fieldSettings(form: Record<string, string>): Record<string, unknown> {
	return Object.fromEntries(
		FORM_FIELD_SETTINGS.filter((key) => form[key] !== undefined).map((key) => [
			key,
			key === 'required' || key === 'formPrefill' ? form[key] === 'true' : key === 'maxLength' ? Number(form[key]) : form[key],
		]),
	);
}

const formRoutes: Route[] = [
	contentRead(FORM_KIND, 'fields.json', (_asset, fields) => fields.fields as unknown[]),
	{
		method: 'POST',
		path: `${ASSET_API}/form/{id}/fields.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const fieldId = field(form, 'fieldId', true) as string;
			if (!isFormFieldId(fieldId)) throw new MarketoFailure(marketoErrors.invalidData(`'${fieldId}' is not a field forms can hold (see Get Available Fields)`));
			let added: FormField | undefined;
			editDraft(FORM_KIND, pathParams.id, context, (fields) => {
				const list = fields.fields as FormField[];
				if (list.some((candidate) => candidate.id === fieldId)) throw businessRule(`Field '${fieldId}' is already on the form`);
				added = { id: fieldId, label: `${fieldId}:`, dataType: 'string', required: false, rowNumber: list.length, columnNumber: 0, ...fieldSettings(form) };
				list.push(added);
			});
			return { result: [added] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/form/{id}/field/{fieldId}.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			let updated: FormField | undefined;
			editDraft(FORM_KIND, pathParams.id, context, (fields) => {
				updated = (fields.fields as FormField[]).find((candidate) => candidate.id === pathParams.fieldId);
				if (!updated) throw new MarketoFailure({ code: '702', message: `Field '${pathParams.fieldId}' not found on the form` });
				Object.assign(updated, fieldSettings(form));
			});
			return { result: [updated] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/form/{id}/field/{fieldId}/delete.json`,
		handle: ({ pathParams }, context) => {
			const { asset } = editDraft(FORM_KIND, pathParams.id, context, (fields) => {
				const list = fields.fields as FormField[];
				const at = list.findIndex((candidate) => candidate.id === pathParams.fieldId);
				if (at < 0) throw new MarketoFailure({ code: '702', message: `Field '${pathParams.fieldId}' not found on the form` });
				list.splice(at, 1);
			});
			return { result: [{ id: asset.id }] };
		},
	},
	contentRead(FORM_KIND, 'thankYouPage.json', (asset, fields) => [{ id: asset.id, thankYouList: fields.thankYouList }]),
	{
		method: 'POST',
		path: `${ASSET_API}/form/{id}/thankYouPage.json`,
		handle: ({ pathParams, body }, context) => {
			const rules = jsonField(formBody(body), 'thankyou', true);
			if (!Array.isArray(rules) || rules.filter((rule) => (rule as { default?: unknown })?.default === true).length !== 1) {
				throw new MarketoFailure(marketoErrors.invalidData('thankyou must be a list with exactly one default rule'));
			}
			const { asset, fields } = editDraft(FORM_KIND, pathParams.id, context, (target) => {
				target.thankYouList = rules;
			});
			return { result: [{ id: asset.id, thankYouList: fields.thankYouList }] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/form/{id}/submitButton.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const { asset, fields } = editDraft(FORM_KIND, pathParams.id, context, (target) => {
				if (form.label !== undefined) target.buttonLabel = form.label;
				if (form.waitingLabel !== undefined) target.waitingLabel = form.waitingLabel;
				if (form.buttonPosition !== undefined) target.buttonLocation = integerParam(form.buttonPosition);
				if (form.buttonStyle !== undefined) target.buttonStyle = form.buttonStyle;
			});
			return { result: [FORM_KIND.render(asset, fields, context)] };
		},
	},
];

const fileRoutes: Route[] = [
	{
		method: 'POST',
		path: `${ASSET_API}/files.json`,
		handle: ({ body }, context) => {
			const parts = multipartBody(body);
			const file = filePart(parts, 'file');
			const name = field(parts, 'name', true) as string;
			const folder = folderRefOf(jsonField(parts, 'folder', true), context);
			const store = assetsOf(context);
			const same = store.all('file').find((candidate) => candidate.approved?.name === name && (candidate.approved?.folder as { id?: number })?.id === folder.id);
			const description = field(parts, 'description');
			const fields = { name, folder, mimeType: file.contentType ?? 'application/octet-stream', content: file.value, ...(description ? { description } : {}) };
			if (same) {
				if (field(parts, 'insertOnly') === 'true') throw businessRule(`File '${name}' already exists in this folder`);
				same.approved = fields;
				return { result: [FILE_KIND.render(same, fields, context)] };
			}
			const asset = store.create('file', fields, { drafts: false });
			return { result: [FILE_KIND.render(asset, fields, context)] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/file/{id}/content.json`,
		handle: ({ pathParams, body }, context) => {
			const file = filePart(multipartBody(body), 'file');
			const { store, asset } = existing(FILE_KIND, pathParams.id, context);
			const fields = store.edit(asset, false, (target) => Object.assign(target, { content: file.value, mimeType: file.contentType ?? target.mimeType }));
			return { result: [FILE_KIND.render(asset, fields, context)] };
		},
	},
];

/** What only one asset type does: content sections, variables, uploads, fields, thank-you pages. */
export const assetContentRoutes: Route[] = [
	...emailRoutes,
	...emailTemplateRoutes,
	...snippetRoutes,
	...landingPageRoutes,
	...landingPageTemplateRoutes,
	...formRoutes,
	...fileRoutes,
];
