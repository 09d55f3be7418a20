import { ItemInputError } from '../../../helpers/outcomes';
import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { FORM } from '../assetTypes';
import { json, longText, parseJson, text, type Param } from '../params';
import { assetIdParam } from '../sharedOperations';

const formPath = (suffix: string) => assetPath(FORM.segment, suffix);

const fieldOfForm = (description: string) => text('fieldId', 'Field ID', description, { required: true, in: 'path' });

/** The operators a visibility rule compares with (VisibilityRuleRequest in swagger-asset.json). */
const RULE_OPERATORS = [
	'is', 'isNot', 'isEmpty', 'isNotEmpty', 'startsWith', 'notStartsWith', 'endsWith', 'notEndsWith', 'contains', 'notContains',
	'greaterThan', 'lessThan', 'atLeast', 'atMost', 'between', 'notBetween', 'notInTimeFrame', 'inPast', 'notInPast', 'after', 'before',
	'inTimeFrame', 'onOrAfter', 'onOrBefore',
];

const RULE_TYPES = [
	{ name: 'Always Show', value: 'alwaysShow', description: 'Show the field to everyone (no rules)' },
	{ name: 'Hide When', value: 'hide', description: 'Hide the field when the rules match' },
	{ name: 'Show When', value: 'show', description: 'Show the field only when the rules match' },
];

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** Marketo's `visibilityRule`: a rule type and the rules, entered as two fields and sent as one JSON object. */
const visibilityRule: Param = {
	in: 'body',
	key: 'visibilityRule',
	properties: [
		{ displayName: 'Rule Type', name: 'ruleType', type: 'options', options: RULE_TYPES, default: 'show', description: 'Whether the rules show or hide the field' },
		{
			displayName: 'Rules',
			name: 'rules',
			type: 'json',
			default: '[]',
			description: `The conditions on other fields, as a JSON list: [{"subjectField": "Country", "operator": "is", "values": ["Germany"]}]. Operators: ${RULE_OPERATORS.join(', ')}. Optional "altLabel" relabels the field when the rule applies.`,
			displayOptions: { hide: { ruleType: ['alwaysShow'] } },
		},
	],
	value(source, itemIndex) {
		const ruleType = String(source('ruleType') ?? 'show');
		if (!RULE_TYPES.some((type) => type.value === ruleType)) throw new ItemInputError(itemIndex, 'Rule Type', `"${ruleType}" is not one of show, hide, alwaysShow`);
		if (ruleType === 'alwaysShow') return { ruleType, rules: [] };
		const raw = source('rules');
		const parsed = typeof raw === 'string' ? parseJson(raw) : { ok: true as const, value: raw };
		if (!parsed.ok || !Array.isArray(parsed.value)) throw new ItemInputError(itemIndex, 'Rules', 'must be a JSON list of rules ([{"subjectField", "operator", "values"}])');
		if (parsed.value.length === 0) throw new ItemInputError(itemIndex, 'Rules', `is empty; a "${ruleType}" rule needs at least one condition`);
		parsed.value.forEach((rule, at) => {
			const { subjectField, operator, values } = asRecord(rule) ?? {};
			if (typeof subjectField !== 'string' || subjectField.trim() === '') throw new ItemInputError(itemIndex, 'Rules', `rule ${at} needs "subjectField": the ID of the field it looks at`);
			if (typeof operator !== 'string' || !RULE_OPERATORS.includes(operator)) throw new ItemInputError(itemIndex, 'Rules', `rule ${at}: "${String(operator)}" is not an operator (${RULE_OPERATORS.join(', ')})`);
			if (!Array.isArray(values)) throw new ItemInputError(itemIndex, 'Rules', `rule ${at} needs "values": a list, e.g. ["Germany"] ([] for isEmpty)`);
		});
		return { ruleType, rules: parsed.value };
	},
};

const positionsJson = json(
	'positions',
	'Positions',
	'Where each field goes, as a JSON list: [{"fieldName": "Email", "rowNumber": 0, "columnNumber": 0}]. A field set takes "fieldList": the positions of the fields inside it.',
	{ required: true, shape: 'list' },
);

/** Each position names a field and its row and column, from 0; a field set's may list its own. */
function checkPositions(itemIndex: number, positions: unknown[], where: string): void {
	positions.forEach((position, at) => {
		const { fieldName, rowNumber, columnNumber, fieldList } = asRecord(position) ?? {};
		const place = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
		if (typeof fieldName !== 'string' || fieldName.trim() === '' || !place(rowNumber) || !place(columnNumber)) {
			throw new ItemInputError(itemIndex, 'Positions', `${where}${at} must be {"fieldName": "<field ID>", "rowNumber": <from 0>, "columnNumber": <from 0>}, got ${JSON.stringify(position)}`);
		}
		if (fieldList !== undefined) {
			if (!Array.isArray(fieldList)) throw new ItemInputError(itemIndex, 'Positions', `${where}${at}: "fieldList" must be a list of positions`);
			checkPositions(itemIndex, fieldList, `${where}${at}.fieldList entry `);
		}
	});
}

const fieldPositions: Param = {
	...positionsJson,
	value(source, itemIndex) {
		const positions = positionsJson.value(source, itemIndex) as unknown[];
		if (positions.length === 0) throw new ItemInputError(itemIndex, 'Positions', 'lists no field; give at least one position');
		checkPositions(itemIndex, positions, 'entry ');
		return positions;
	},
};

/** Form layout: field sets, rich text, visibility rules and field order (each makes a draft). */
export const FORM_LAYOUT_CALLS: AssetCall[] = [
	endpointCall({
		operation: 'addFieldSet',
		name: 'Add Field Set',
		description: 'Add an empty field set (a labelled group of fields) to a form; Rearrange Fields moves fields into it (makes a draft)',
		action: 'Add a field set to a form',
		method: 'POST',
		path: formPath('/{id}/fieldSet.json'),
		params: [assetIdParam(FORM, 'to add to'), text('label', 'Label', 'Label of the field set, shown as its legend', { required: true })],
	}),
	endpointCall({
		operation: 'removeFieldFromFieldSet',
		name: 'Remove Field From Field Set',
		description: 'Delete a field that sits in a field set from a form (makes a draft)',
		action: 'Remove a field from a field set of a form',
		method: 'POST',
		path: formPath('/{id}/fieldSet/{fieldSetId}/field/{fieldId}/delete.json'),
		params: [
			assetIdParam(FORM, 'to change'),
			text('fieldSetId', 'Field Set ID', 'ID of the field set, as Get Fields lists it', { required: true, in: 'path' }),
			fieldOfForm('ID of the field inside the field set, e.g. "Phone"'),
		],
	}),
	endpointCall({
		operation: 'addRichText',
		name: 'Add Rich Text',
		description: 'Add a block of rich text (HTML) to a form, e.g. a privacy notice (makes a draft)',
		action: 'Add rich text to a form',
		method: 'POST',
		path: formPath('/{id}/richText.json'),
		params: [assetIdParam(FORM, 'to add to'), longText('text', 'HTML', 'The HTML of the block, e.g. "<p>We respect your privacy.</p>"', { required: true })],
	}),
	endpointCall({
		operation: 'addVisibilityRule',
		name: 'Add Visibility Rule',
		description: 'Show or hide a form field depending on the values of other fields (makes a draft)',
		action: 'Add a visibility rule to a form field',
		method: 'POST',
		path: formPath('/{formId}/field/{fieldId}/visibility.json'),
		params: [{ ...assetIdParam(FORM, 'to change'), key: 'formId' }, fieldOfForm('ID of the field to show or hide, e.g. "State"'), visibilityRule],
		idempotent: true,
	}),
	endpointCall({
		operation: 'rearrangeFields',
		name: 'Rearrange Fields',
		description: 'Move the fields of a form to new rows and columns, or into a field set (makes a draft)',
		action: 'Rearrange the fields of a form',
		method: 'POST',
		path: formPath('/{id}/reArrange.json'),
		params: [assetIdParam(FORM, 'to change'), fieldPositions],
		idempotent: true,
	}),
];
