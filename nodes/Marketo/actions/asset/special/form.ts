import { ItemInputError } from '../../../helpers/outcomes';
import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { FORM } from '../assetTypes';
import { boolean, integer, json, statusOption, text, type Param } from '../params';
import { assetIdParam } from '../sharedOperations';
import { FORM_LAYOUT_CALLS } from './formLayout';

const formPath = (suffix: string) => assetPath(FORM.segment, `/{id}${suffix}`);

/** What a form field can be given when added or updated (AddFormFieldRequest / UpdateFormFieldRequest). */
const fieldSettings = (): Param[] => [
	text('label', 'Label', 'Label shown next to the field'),
	boolean('required', 'Required', 'Whether the visitor must fill the field in'),
	text('defaultValue', 'Default Value', 'Value the field starts with'),
	text('hintText', 'Hint Text', 'Placeholder shown inside the field'),
	text('instructions', 'Instructions', 'Help text shown on hover'),
	text('validationMessage', 'Validation Message', 'Message shown when the value is not valid'),
	text('fieldType', 'Field Type', 'Input type, e.g. "text", "email", "select", "checkbox", "hidden"'),
	text('values', 'Values', 'Choices of a select, radio or checkbox field, as Marketo takes them'),
	integer('maxLength', 'Max Length', 'Most characters the field takes'),
	boolean('formPrefill', 'Form Prefill', 'Whether the field is prefilled for known visitors'),
];

const thankYouJson = json(
	'thankYouRules',
	'Thank-You Rules',
	'The rules as a JSON list; one must be the default: [{"default": true, "followupType": "url", "followupValue": "https://example.com/thanks"}]. Follow-up types: url, lp (landing page ID), formDefined.',
	{ required: true, shape: 'list', key: 'thankyou' },
);

/** Marketo needs exactly one default rule (the page for visitors no other rule matches). */
const thankYouRules: Param = {
	...thankYouJson,
	value(source, itemIndex) {
		const rules = thankYouJson.value(source, itemIndex) as unknown[];
		const defaults = rules.filter((rule) => typeof rule === 'object' && rule !== null && (rule as { default?: unknown }).default === true);
		if (defaults.length !== 1) throw new ItemInputError(itemIndex, 'Thank-You Rules', `must have exactly one rule with "default": true (found ${defaults.length})`);
		return rules;
	},
};

const fieldId = text('fieldId', 'Field ID', 'The form field, e.g. "Email" or "FirstName" (Get Fields lists a form\'s fields, Get Available Fields all that forms can hold)', { required: true, in: 'path' });

/** The lead or program member fields a form can hold, instance-wide (paged by offset). */
const availableFields = (operation: string, name: string, path: string, which: string): AssetCall =>
	endpointCall({
		operation,
		name,
		description: `List the ${which} fields that can be put on forms; their IDs are what Add Field takes (no form needed)`,
		action: `Get the ${which} fields available to forms`,
		method: 'GET',
		path: assetPath(FORM.segment, path),
		paged: true,
	});

/** Form: its fields and layout, thank-you pages, submit button, and what uses it. */
export const FORM_CALLS: AssetCall[] = [
	availableFields('getAvailableFields', 'Get Available Fields', '/fields.json', 'lead'),
	availableFields('getAvailableProgramMemberFields', 'Get Available Program Member Fields', '/programMemberFields.json', 'program member'),
	endpointCall({
		operation: 'getUsedBy',
		name: 'Get Used By',
		description: 'List the landing pages that hold a form',
		action: 'Get the landing pages that use a form',
		method: 'GET',
		path: formPath('/usedBy.json'),
		params: [assetIdParam(FORM, 'whose users to list')],
		paged: true,
	}),
	...FORM_LAYOUT_CALLS,
	endpointCall({
		operation: 'getFields',
		name: 'Get Fields',
		description: 'List the fields of a form',
		action: 'Get the fields of a form',
		method: 'GET',
		path: formPath('/fields.json'),
		params: [assetIdParam(FORM, 'whose fields to list')],
		optional: { name: 'options', displayName: 'Options', placeholder: 'Add Option', params: [statusOption()] },
	}),
	endpointCall({
		operation: 'addField',
		name: 'Add Field',
		description: 'Add a lead field to a form (makes a draft)',
		action: 'Add a field to a form',
		method: 'POST',
		path: formPath('/fields.json'),
		params: [assetIdParam(FORM, 'to add to'), { ...fieldId, in: 'body' }],
		optional: { name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field', params: fieldSettings() },
	}),
	endpointCall({
		operation: 'updateField',
		name: 'Update Field',
		description: 'Change the label, type, default or validation of a form field (makes a draft)',
		action: 'Update a field of a form',
		method: 'POST',
		path: formPath('/field/{fieldId}.json'),
		params: [assetIdParam(FORM, 'to update'), fieldId],
		optional: { name: 'updateFields', displayName: 'Update Fields', placeholder: 'Add Field', params: fieldSettings() },
		idempotent: true,
	}),
	endpointCall({
		operation: 'removeField',
		name: 'Remove Field',
		description: 'Remove a field from a form (makes a draft)',
		action: 'Remove a field from a form',
		method: 'POST',
		path: formPath('/field/{fieldId}/delete.json'),
		params: [assetIdParam(FORM, 'to change'), fieldId],
	}),
	endpointCall({
		operation: 'getThankYouPage',
		name: 'Get Thank-You Page',
		description: 'Get where a form sends visitors after they submit it',
		action: 'Get the thank-you page of a form',
		method: 'GET',
		path: formPath('/thankYouPage.json'),
		params: [assetIdParam(FORM, 'whose thank-you page to get')],
		optional: { name: 'options', displayName: 'Options', placeholder: 'Add Option', params: [statusOption()] },
	}),
	endpointCall({
		operation: 'updateThankYouPage',
		name: 'Update Thank-You Page',
		description: 'Set where a form sends visitors after they submit it (makes a draft)',
		action: 'Update the thank-you page of a form',
		method: 'POST',
		path: formPath('/thankYouPage.json'),
		params: [
			assetIdParam(FORM, 'to update'),
			thankYouRules,
		],
		idempotent: true,
	}),
	endpointCall({
		operation: 'updateSubmitButton',
		name: 'Update Submit Button',
		description: 'Change the label, waiting label, position or style of the submit button of a form (makes a draft)',
		action: 'Update the submit button of a form',
		method: 'POST',
		path: formPath('/submitButton.json'),
		params: [assetIdParam(FORM, 'to update')],
		optional: {
			name: 'updateFields',
			displayName: 'Update Fields',
			placeholder: 'Add Field',
			params: [
				text('label', 'Label', 'Text of the button, e.g. "Submit"'),
				text('waitingLabel', 'Waiting Label', 'Text while the form is being sent, e.g. "Please wait"'),
				integer('buttonPosition', 'Position', 'Indent of the button from the left, in pixels'),
				text('buttonStyle', 'Style', 'Button style, e.g. "simple"'),
			],
		},
		idempotent: true,
	}),
];
