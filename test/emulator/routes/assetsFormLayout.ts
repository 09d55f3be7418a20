import { FORM_KIND } from '../assets/assetKinds';
import { businessRule, existing, page } from '../assets/answers';
import { assetsOf, type Fields } from '../assets/AssetStore';
import { FORM_LEAD_FIELDS, FORM_MEMBER_FIELDS } from '../assets/formFields';
import { field, formBody, jsonField } from '../assets/requestBody';
import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { editDraft } from './assetsContent';
import type { Route } from './route';

const ASSET_API = '/rest/asset/v1';

/** A field of a form. A field set lists the IDs of the fields inside it (LpFormFieldResponse.fields). */
type FormField = { id: string; dataType?: string; fields?: string[]; rowNumber?: number; columnNumber?: number; [setting: string]: unknown };

const fieldsOf = (fields: Fields) => fields.fields as FormField[];

function fieldIn(list: FormField[], id: string): FormField {
	const found = list.find((candidate) => candidate.id === id);
	if (!found) throw new MarketoFailure({ code: '702', message: `Field '${id}' not found on the form` });
	return found;
}

const VISIBILITY_RULE_TYPES = ['show', 'alwaysShow', 'hide'];
const VISIBILITY_OPERATORS = new Set([
	'is', 'isNot', 'isEmpty', 'isNotEmpty', 'startsWith', 'notStartsWith', 'endsWith', 'notEndsWith', 'contains', 'notContains', 'greaterThan', 'lessThan',
	'atLeast', 'atMost', 'between', 'notBetween', 'notInTimeFrame', 'inPast', 'notInPast', 'after', 'before', 'inTimeFrame', 'onOrAfter', 'onOrBefore',
]);

/** FormFieldVisibilityRequest: a rule type, and rules on other fields of the form (1003 for each broken part). */
function checkedVisibility(value: unknown, list: FormField[]): { ruleType: string; rules: unknown[] } {
	if (!isRecord(value) || !VISIBILITY_RULE_TYPES.includes(String(value.ruleType)) || !Array.isArray(value.rules)) {
		throw new MarketoFailure(marketoErrors.invalidData('visibilityRule must be {"ruleType": show|alwaysShow|hide, "rules": [...]}'));
	}
	for (const rule of value.rules) {
		if (!isRecord(rule) || typeof rule.subjectField !== 'string' || !VISIBILITY_OPERATORS.has(String(rule.operator)) || !Array.isArray(rule.values)) {
			throw new MarketoFailure(marketoErrors.invalidData(`Invalid visibility rule ${JSON.stringify(rule)}: needs subjectField, operator and values`));
		}
		if (!list.some((candidate) => candidate.id === rule.subjectField)) throw new MarketoFailure(marketoErrors.invalidData(`subjectField '${rule.subjectField}' is not a field of the form`));
	}
	return { ruleType: String(value.ruleType), rules: value.rules };
}

/** ReArrangeRequest positions: fields of the form, rows and columns from 0; `fieldList` only on a field set, naming fields to put in it. */
function applyPositions(positions: unknown, list: FormField[]): void {
	if (!Array.isArray(positions)) throw new MarketoFailure(marketoErrors.invalidData('positions must be a JSON list'));
	for (const position of positions) {
		const place = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
		if (!isRecord(position) || typeof position.fieldName !== 'string' || !place(position.rowNumber) || !place(position.columnNumber)) {
			throw new MarketoFailure(marketoErrors.invalidData(`Invalid position ${JSON.stringify(position)}: needs fieldName, rowNumber and columnNumber`));
		}
		const target = fieldIn(list, position.fieldName);
		Object.assign(target, { rowNumber: position.rowNumber, columnNumber: position.columnNumber });
		if (position.fieldList === undefined) continue;
		if (target.dataType !== 'fieldset') throw new MarketoFailure(marketoErrors.invalidData(`fieldList is only valid for a field set; '${target.id}' is not one`));
		if (!Array.isArray(position.fieldList)) throw new MarketoFailure(marketoErrors.invalidData('fieldList must be a JSON list'));
		applyPositions(position.fieldList, list);
		for (const inner of position.fieldList as Array<{ fieldName: string }>) {
			for (const set of list.filter((candidate) => candidate.dataType === 'fieldset')) set.fields = (set.fields ?? []).filter((id) => id !== inner.fieldName);
			target.fields = [...(target.fields ?? []), inner.fieldName];
		}
	}
}

/**
 * A field set or rich text block: made from one required body field, numbered among its kind,
 * put on a row of its own below the others; answers the new field (LpFormFieldResponse).
 */
const appendRoute = (path: string, fieldName: string, dataType: string, make: (value: string, number: number) => FormField): Route => ({
	method: 'POST',
	path: `${ASSET_API}/form/{id}${path}`,
	handle: ({ pathParams, body }, context) => {
		const value = field(formBody(body), fieldName, true) as string;
		let added: FormField | undefined;
		editDraft(FORM_KIND, pathParams.id, context, (fields) => {
			const list = fieldsOf(fields);
			const number = list.filter((candidate) => candidate.dataType === dataType).length + 1;
			added = { ...make(value, number), dataType, rowNumber: list.length, columnNumber: 0 };
			list.push(added);
		});
		return { result: [added] };
	},
});

/** Form fields beyond add/update/remove: what forms can hold, field sets, rich text, visibility, order, and what uses a form. */
export const assetFormLayoutRoutes: Route[] = [
	{ method: 'GET', path: `${ASSET_API}/form/fields.json`, handle: ({ params }) => page(FORM_LEAD_FIELDS, params) },
	{ method: 'GET', path: `${ASSET_API}/form/programMemberFields.json`, handle: ({ params }) => page(FORM_MEMBER_FIELDS, params) },
	{
		method: 'GET',
		path: `${ASSET_API}/form/{id}/usedBy.json`,
		handle: ({ pathParams, params }, context) => {
			const { asset } = existing(FORM_KIND, pathParams.id, context);
			const pages = assetsOf(context)
				.all('landingPage')
				.flatMap((candidate) => [candidate.approved, candidate.draft].filter((version): version is Fields => version !== undefined).map((version) => ({ candidate, version })))
				.filter(({ version }) => ((version.sections as Array<{ type: string; value: unknown }>) ?? []).some((section) => section.type === 'Form' && Number(section.value) === asset.id))
				.map(({ candidate, version }) => ({ id: candidate.id, name: version.name, type: 'LandingPage', status: version === candidate.approved ? 'approved' : 'draft', updatedAt: candidate.updatedAt }));
			return page(pages, params);
		},
	},
	appendRoute('/fieldSet.json', 'label', 'fieldset', (label, number) => ({ id: `fieldset_${number}`, label, fields: [] })),
	{
		method: 'POST',
		path: `${ASSET_API}/form/{id}/fieldSet/{fieldSetId}/field/{fieldId}/delete.json`,
		handle: ({ pathParams }, context) => {
			const { asset } = editDraft(FORM_KIND, pathParams.id, context, (fields) => {
				const list = fieldsOf(fields);
				const set = fieldIn(list, pathParams.fieldSetId);
				if (set.dataType !== 'fieldset') throw new MarketoFailure({ code: '702', message: `Field set '${pathParams.fieldSetId}' not found on the form` });
				if (!(set.fields ?? []).includes(pathParams.fieldId)) throw new MarketoFailure({ code: '702', message: `Field '${pathParams.fieldId}' is not in field set '${set.id}'` });
				const member = fieldIn(list, pathParams.fieldId);
				set.fields = (set.fields ?? []).filter((id) => id !== member.id);
				list.splice(list.indexOf(member), 1);
			});
			return { result: [{ id: asset.id }] };
		},
	},
	appendRoute('/richText.json', 'text', 'htmltext', (text, number) => ({ id: `HtmlText_${number}`, text })),
	{
		method: 'POST',
		path: `${ASSET_API}/form/{formId}/field/{fieldId}/visibility.json`,
		handle: ({ pathParams, body }, context) => {
			const requested = jsonField(formBody(body), 'visibilityRule', true);
			let rule: { ruleType: string; rules: unknown[] } | undefined;
			editDraft(FORM_KIND, pathParams.formId, context, (fields) => {
				const list = fieldsOf(fields);
				const target = fieldIn(list, pathParams.fieldId);
				rule = checkedVisibility(requested, list);
				if (rule.rules.some((candidate) => (candidate as { subjectField: string }).subjectField === target.id)) throw businessRule(`Field '${target.id}' cannot be shown or hidden by its own value`);
				target.visibilityRules = rule;
			});
			return { result: [{ formFieldId: pathParams.fieldId, ...rule }] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/form/{id}/reArrange.json`,
		handle: ({ pathParams, body }, context) => {
			const positions = jsonField(formBody(body), 'positions', true);
			const { asset } = editDraft(FORM_KIND, pathParams.id, context, (fields) => {
				// All positions or none: they are applied to a copy, which replaces the fields once every one is valid.
				const list = structuredClone(fieldsOf(fields));
				applyPositions(positions, list);
				list.sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0) || (a.columnNumber ?? 0) - (b.columnNumber ?? 0));
				fields.fields = list;
			});
			return { result: [{ id: asset.id }] };
		},
	},
];
