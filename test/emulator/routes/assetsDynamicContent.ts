import { EMAIL_KIND, LANDING_PAGE_KIND, type AssetKind } from '../assets/assetKinds';
import { assetsOf, type Fields } from '../assets/AssetStore';
import { versionFor, versionsOf, type DynamicSection } from '../assets/dynamicContent';
import { field, formBody } from '../assets/requestBody';
import { MarketoFailure, marketoErrors } from '../errors';
import { integerParam } from '../lists/queryParams';
import { contentRead, editDraft, type PageSection, type Section } from './assetsContent';
import type { Route } from './route';

const ASSET_API = '/rest/asset/v1';

/** The dynamic section of an asset version, by its dynamic content ID. */
function dynamicSection(fields: Fields, contentId: string): DynamicSection | undefined {
	const sections = (fields.sections as Array<Section | PageSection>) ?? [];
	return sections.find((section) => section.dynamic?.id === contentId)?.dynamic;
}

function dynamicIn(fields: Fields, contentId: string): DynamicSection {
	const section = dynamicSection(fields, contentId);
	if (!section) throw new MarketoFailure({ code: '702', message: `Dynamic content '${contentId}' not found` });
	return section;
}

/** Reads answer one record per section: its segmentation and each segment's version. */
const dynamicRead = (kind: AssetKind, editing: boolean, item: (segment: { id: number; name: string }, version: { type: string; value?: string }) => Record<string, unknown>): Route =>
	contentRead(
		kind,
		'dynamicContent/{contentId}.json',
		(asset, fields, _status, request, context) => {
			const section = dynamicSection(fields, request.pathParams.contentId);
			if (!section) return [];
			return [
				{
					id: asset.id,
					segmentation: section.segmentation,
					createdAt: asset.createdAt,
					updatedAt: asset.updatedAt,
					content: versionsOf(section, context).map(({ segment, version }) => item(segment, version)),
				},
			];
		},
		editing,
	);

const EMAIL_VERSION_TYPES = ['Text', 'Snippet'];
const PAGE_VERSION_TYPES = ['Form', 'HTML', 'Image', 'Rectangle', 'RichText', 'Snippet'];
/** UpdateLandingPageDynamicContentRequest: how a segment's version of a page section looks. */
const PAGE_VERSION_STYLE = ['backgroundColor', 'borderColor', 'borderStyle', 'borderWidth', 'height', 'hideDesktop', 'hideMobile', 'imageOpenNewWindow', 'left', 'linkUrl', 'opacity', 'top', 'width', 'zIndex'];

function checkedType(type: string | undefined, allowed: string[]): void {
	if (type !== undefined && !allowed.includes(type)) throw new MarketoFailure(marketoErrors.invalidData(`Invalid type '${type}'; use one of ${allowed.join(', ')}`));
}

/**
 * Dynamic content of emails and landing pages: a version per segment of a section made dynamic.
 * Versions are set per segment, named by `segment` (702 for a segment not in the segmentation).
 */
export const assetDynamicContentRoutes: Route[] = [
	dynamicRead(EMAIL_KIND, false, (segment, version) => ({
		id: `${segment.id}`,
		segmentId: String(segment.id),
		segmentName: segment.name,
		type: version.type,
		content: version.value ?? '',
	})),
	{
		method: 'POST',
		path: `${ASSET_API}/email/{id}/dynamicContent/{contentId}.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const segment = field(form, 'segment', true) as string;
			const type = field(form, 'type', true) as string;
			checkedType(type, EMAIL_VERSION_TYPES);
			const value = field(form, 'value', true) as string;
			if (type === 'Snippet' && !assetsOf(context).get('snippet', integerParam(value))) throw new MarketoFailure({ code: '702', message: `Snippet '${value}' not found` });
			const { asset } = editDraft(EMAIL_KIND, pathParams.id, context, (fields) => {
				const version = versionFor(dynamicIn(fields, pathParams.contentId), segment);
				Object.assign(version, { type, value, ...(form.style !== undefined ? { style: form.style } : {}) });
			});
			return { result: [{ id: asset.id }] };
		},
	},
	// The official file gives this read no status: it shows the version being edited.
	dynamicRead(LANDING_PAGE_KIND, true, (segment, version) => ({ segmentId: segment.id, segmentName: segment.name, type: version.type, content: version.value ?? '' })),
	{
		method: 'POST',
		path: `${ASSET_API}/landingPage/{id}/dynamicContent/{contentId}.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const segment = field(form, 'segment', true) as string;
			checkedType(field(form, 'type'), PAGE_VERSION_TYPES);
			const { asset } = editDraft(LANDING_PAGE_KIND, pathParams.id, context, (fields) => {
				const version = versionFor(dynamicIn(fields, pathParams.contentId), segment);
				const style = Object.fromEntries(PAGE_VERSION_STYLE.filter((key) => form[key] !== undefined).map((key) => [key, form[key]]));
				Object.assign(version, { ...(form.type ? { type: form.type } : {}), ...(form.value !== undefined ? { value: form.value } : {}), ...style });
			});
			return { result: [{ id: asset.id }] };
		},
	},
];
