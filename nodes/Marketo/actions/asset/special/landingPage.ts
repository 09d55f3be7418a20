import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { LANDING_PAGE } from '../assetTypes';
import { boolean, choice, integer, json, longText, text, type Param } from '../params';
import { assetIdParam } from '../sharedOperations';
import { dynamicContentCalls } from './dynamicContent';

const pagePath = (suffix: string) => assetPath(LANDING_PAGE.segment, `/{id}${suffix}`);

const SECTION_TYPES = ['Form', 'HTML', 'Image', 'Rectangle', 'RichText', 'Snippet'].map((value) => ({ name: value === 'RichText' ? 'Rich Text' : value, value }));

const sectionId = text('contentId', 'Section ID', 'The ID of the content section, as Get Content lists it', { required: true, in: 'path' });
const sectionType = (types = SECTION_TYPES) => choice('type', 'Type', 'Kind of content section', types, { required: true, default: 'RichText' });
const sectionValue = longText('value', 'Value', 'The content: HTML or rich text, or the ID of the image, form or snippet');

/** Position and look of a section; the official file takes them all as text. */
const layoutFields = (): Param[] => [
	text('left', 'Left', 'Distance from the left, e.g. "10px"'),
	text('top', 'Top', 'Distance from the top, e.g. "10px"'),
	text('width', 'Width', 'Width, e.g. "300px"'),
	text('height', 'Height', 'Height, e.g. "120px"'),
	text('zIndex', 'Z-Index', 'Stacking order'),
	text('linkUrl', 'Link URL', 'Where an image section links to'),
	boolean('hideDesktop', 'Hide on Desktop', 'Whether the section is hidden on desktop'),
	boolean('hideMobile', 'Hide on Mobile', 'Whether the section is hidden on mobile'),
];

/** How one segment's version of a dynamic section looks (UpdateLandingPageDynamicContentRequest). */
const versionLook = (): Param[] => [
	...layoutFields(),
	text('backgroundColor', 'Background Color', 'Background color, e.g. "#FFFFFF"'),
	text('borderColor', 'Border Color', 'Border color, e.g. "#CCCCCC"'),
	text('borderStyle', 'Border Style', 'Border style, e.g. "solid"'),
	text('borderWidth', 'Border Width', 'Border width, e.g. "1px"'),
	text('opacity', 'Opacity', 'Opacity from 0 to 1, e.g. "0.8"'),
	text('imageOpenNewWindow', 'Open Link in New Window', 'For an image with a link: "true" opens the link in a new window'),
];

const PAGE_DYNAMIC_CONTENT = dynamicContentCalls(LANDING_PAGE, {
	whereToFindId: 'Get Content shows it as the content of a section whose type is DynamicContent',
	readOptions: [],
	update: [sectionType()],
	updateOptional: [sectionValue, ...versionLook()],
});

/** Landing page: content sections, dynamic content, variables and the rendered HTML. */
export const LANDING_PAGE_CALLS: AssetCall[] = [
	...PAGE_DYNAMIC_CONTENT,
	endpointCall({
		operation: 'addContentSection',
		name: 'Add Content Section',
		description: 'Add a content section to a free-form landing page (makes a draft)',
		action: 'Add a content section to a landing page',
		method: 'POST',
		path: pagePath('/content.json'),
		params: [
			assetIdParam(LANDING_PAGE, 'to add to'),
			text('contentId', 'Section ID', 'ID for the new section, unique in the page', { required: true }),
			sectionType(),
		],
		optional: { name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field', params: [sectionValue, ...layoutFields()] },
	}),
	endpointCall({
		operation: 'updateContentSection',
		name: 'Update Content Section',
		description: 'Replace the content of one section of a landing page (makes a draft)',
		action: 'Update a content section of a landing page',
		method: 'POST',
		path: pagePath('/content/{contentId}.json'),
		params: [assetIdParam(LANDING_PAGE, 'to update'), sectionId, sectionType([...SECTION_TYPES, { name: 'Dynamic Content', value: 'DynamicContent' }])],
		optional: {
			name: 'additionalFields',
			displayName: 'Additional Fields',
			placeholder: 'Add Field',
			params: [sectionValue, integer('index', 'Index', 'Position of the section in the page'), ...layoutFields()],
		},
		idempotent: true,
	}),
	endpointCall({
		operation: 'deleteContentSection',
		name: 'Delete Content Section',
		description: 'Remove a content section from a landing page (makes a draft)',
		action: 'Delete a content section of a landing page',
		method: 'POST',
		path: pagePath('/content/{contentId}/delete.json'),
		params: [assetIdParam(LANDING_PAGE, 'to change'), sectionId],
	}),
	endpointCall({
		operation: 'getVariables',
		name: 'Get Variables',
		description: 'List the variables of a landing page (values of its template variables)',
		action: 'Get the variables of a landing page',
		method: 'GET',
		path: pagePath('/variables.json'),
		params: [assetIdParam(LANDING_PAGE, 'whose variables to list')],
	}),
	endpointCall({
		operation: 'updateVariable',
		name: 'Update Variable',
		description: 'Set the value of one variable of a landing page',
		action: 'Update a variable of a landing page',
		method: 'POST',
		path: pagePath('/variable/{variableId}.json'),
		params: [
			assetIdParam(LANDING_PAGE, 'to update'),
			text('variableId', 'Variable ID', 'ID of the variable, as Get Variables lists it', { required: true, in: 'path' }),
			text('value', 'Value', 'The new value', { required: true, in: 'query' }),
		],
		idempotent: true,
	}),
	endpointCall({
		operation: 'getFullContent',
		name: 'Get Full Content',
		description: 'Get the rendered HTML of a landing page, optionally as a lead or segment would see it',
		action: 'Get the full content of a landing page',
		method: 'GET',
		path: pagePath('/fullContent.json'),
		params: [assetIdParam(LANDING_PAGE, 'to render')],
		optional: {
			name: 'options',
			displayName: 'Options',
			placeholder: 'Add Option',
			params: [
				integer('leadId', 'Lead ID', 'Render the page as this lead would see it', { positive: true, in: 'query' }),
				json('segmentation', 'Segmentations', 'Segments to render for, as a JSON list: [{"segmentationId": 1030, "segmentId": 1103}]', { in: 'query', shape: 'list' }),
			],
		},
	}),
];
