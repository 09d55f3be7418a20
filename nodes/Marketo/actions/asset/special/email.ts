import { assertEmailShape, parseMarketoId } from '../../../helpers/validation';
import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { EMAIL } from '../assetTypes';
import { boolean, choice, integer, longText, statusOption, text, type Param } from '../params';
import { assetIdParam } from '../sharedOperations';
import { htmlContentOf, htmlContentProperties, uploadCall } from '../upload';
import { dynamicContentCalls } from './dynamicContent';
import { EMAIL_MODULE_CALLS } from './emailModules';

const emailPath = (suffix: string) => assetPath(EMAIL.segment, `/{id}${suffix}`);

/** Marketo's header fields are `{type: "Text", value}` (a dynamic-content type exists but is set in the UI). */
function headerField(name: string, displayName: string, description: string): Param {
	const plain = text(name, displayName, description);
	return {
		...plain,
		value(source, itemIndex) {
			const value = plain.value(source, itemIndex);
			return value === undefined ? undefined : { type: 'Text', value };
		},
	};
}

function emailAddress(name: string, displayName: string, description: string): Param {
	const plain = text(name, displayName, description, { required: true, placeholder: 'reviewer@example.com' });
	return {
		...plain,
		value(source, itemIndex) {
			const value = plain.value(source, itemIndex);
			assertEmailShape(itemIndex, displayName, value);
			return value;
		},
	};
}

const variationValue = longText('value', 'Value', 'What this segment sees: HTML for type Text, or the ID of the snippet for type Snippet', { required: true });

/** A snippet version names the snippet by its ID. */
const dynamicValue: Param = {
	...variationValue,
	value(source, itemIndex) {
		const value = variationValue.value(source, itemIndex);
		if (source('type') === 'Snippet') parseMarketoId(itemIndex, 'Value', value);
		return value;
	},
};

const EMAIL_DYNAMIC_CONTENT = dynamicContentCalls(EMAIL, {
	whereToFindId: 'Get Content shows it as the value of a section whose type is DynamicContent',
	readOptions: [statusOption()],
	update: [
		choice('type', 'Type', 'Whether the value is HTML (Text) or a snippet ID (Snippet)', [
			{ name: 'Snippet', value: 'Snippet' },
			{ name: 'Text', value: 'Text' },
		], { required: true, default: 'Text' }),
		dynamicValue,
	],
	updateOptional: [text('style', 'Style', 'Inline CSS of the section for this segment, e.g. "color: #333"')],
});

const CONTENT_TYPES = [
	{ name: 'Dynamic Content', value: 'DynamicContent' },
	{ name: 'Snippet', value: 'Snippet' },
	{ name: 'Text', value: 'Text' },
];

/** Email: its content sections, dynamic content, modules, variables, sample sends and full HTML, beside the shared operations. */
export const EMAIL_CALLS: AssetCall[] = [
	endpointCall({
		operation: 'getCcFields',
		name: 'Get CC Fields',
		description: 'List the lead and company fields this instance allows as Email CC recipients (no email needed)',
		action: 'Get the fields enabled for Email CC',
		method: 'GET',
		path: assetPath(EMAIL.segment, '/ccFields.json'),
	}),
	...EMAIL_DYNAMIC_CONTENT,
	...EMAIL_MODULE_CALLS,
	endpointCall({
		operation: 'updateHeader',
		name: 'Update Subject and Sender',
		description: 'Set the subject, from name, from address or reply-to address of an email (makes a draft)',
		action: 'Update the subject and sender of an email',
		method: 'POST',
		path: emailPath('/content.json'),
		params: [assetIdParam(EMAIL, 'to update')],
		optional: {
			name: 'updateFields',
			displayName: 'Update Fields',
			placeholder: 'Add Field',
			params: [
				headerField('subject', 'Subject', 'Subject line'),
				headerField('fromName', 'From Name', 'Sender name'),
				headerField('fromEmail', 'From Email', 'Sender address'),
				headerField('replyTO', 'Reply-To Email', 'Address replies go to'),
			],
		},
		idempotent: true,
	}),
	endpointCall({
		operation: 'updateContentSection',
		name: 'Update Content Section',
		description: 'Replace the content of one editable section of an email (see Get Content for the section IDs)',
		action: 'Update a content section of an email',
		method: 'POST',
		path: emailPath('/content/{htmlId}.json'),
		params: [
			assetIdParam(EMAIL, 'to update'),
			text('htmlId', 'Section ID', 'The htmlId of the editable section, as Get Content lists it', { required: true, in: 'path' }),
			choice('type', 'Type', 'What the value is: text/HTML, a snippet ID, or a segmentation ID for dynamic content', CONTENT_TYPES, { required: true, default: 'Text' }),
			longText('value', 'Value', 'The new content: HTML for Text, else the snippet or segmentation ID', { required: true }),
		],
		optional: {
			name: 'additionalFields',
			displayName: 'Additional Fields',
			placeholder: 'Add Field',
			params: [longText('textValue', 'Text Value', 'Content of the text version of the section')],
		},
		idempotent: true,
	}),
	endpointCall({
		operation: 'getVariables',
		name: 'Get Variables',
		description: 'List the variables of an email (values of its template variables, e.g. colors, text, show/hide)',
		action: 'Get the variables of an email',
		method: 'GET',
		path: emailPath('/variables.json'),
		params: [assetIdParam(EMAIL, 'whose variables to list')],
	}),
	endpointCall({
		operation: 'updateVariable',
		name: 'Update Variable',
		description: 'Set the value of one variable of an email',
		action: 'Update a variable of an email',
		method: 'POST',
		path: emailPath('/variable/{name}.json'),
		params: [
			assetIdParam(EMAIL, 'to update'),
			text('variableName', 'Variable Name', 'Name of the variable, as Get Variables lists it', { required: true, in: 'path', key: 'name' }),
			text('value', 'Value', 'The new value', { required: true }),
		],
		optional: {
			name: 'additionalFields',
			displayName: 'Additional Fields',
			placeholder: 'Add Field',
			params: [text('moduleId', 'Module ID', 'The module the variable belongs to, for module-scoped variables')],
		},
		idempotent: true,
	}),
	endpointCall({
		operation: 'sendSample',
		name: 'Send Sample',
		description: 'Send a sample of an email to an address, optionally rendered for a lead',
		action: 'Send a sample of an email',
		method: 'POST',
		path: emailPath('/sendSample.json'),
		params: [assetIdParam(EMAIL, 'to send'), emailAddress('emailAddress', 'Send To', 'Address to send the sample to')],
		optional: {
			name: 'additionalFields',
			displayName: 'Additional Fields',
			placeholder: 'Add Field',
			params: [
				integer('leadId', 'Lead ID', 'Render the sample as this lead would receive it', { positive: true }),
				boolean('textOnly', 'Text Only', 'Whether to send only the text version'),
			],
		},
	}),
	endpointCall({
		operation: 'getFullContent',
		name: 'Get Full Content',
		description: 'Get the whole HTML (or text) of an email, optionally as a lead would receive it',
		action: 'Get the full content of an email',
		method: 'GET',
		path: emailPath('/fullContent.json'),
		params: [assetIdParam(EMAIL, 'whose content to get')],
		optional: {
			name: 'options',
			displayName: 'Options',
			placeholder: 'Add Option',
			params: [
				statusOption(),
				integer('leadId', 'Lead ID', 'Render the email as this lead would receive it', { positive: true, in: 'query' }),
				choice('type', 'Type', 'HTML or the text version', [{ name: 'HTML', value: 'HTML' }, { name: 'Text', value: 'Text' }], { in: 'query' }),
			],
		},
	}),
	uploadCall({
		operation: 'updateFullContent',
		name: 'Update Full Content',
		description: 'Replace the whole HTML of an email whose link to its template was broken',
		action: 'Update the full content of an email',
		path: emailPath('/fullContent.json'),
		params: [assetIdParam(EMAIL, 'to update')],
		fileField: 'content',
		fileProperties: htmlContentProperties('email'),
		file: htmlContentOf,
	}),
];
