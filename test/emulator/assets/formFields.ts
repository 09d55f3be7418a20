import { LEAD_FIELDS } from '../leads/leadFields';
import { MEMBER_FIELDS } from '../programs/memberFields';

/** Forms name lead fields by their SOAP names: `firstName` is `FirstName` on a form. */
const formFieldId = (name: string) => `${name[0].toUpperCase()}${name.slice(1)}`;

/** The lead fields forms can hold (FieldsMetaDataResponse): every writable one. */
export const FORM_LEAD_FIELDS = LEAD_FIELDS.filter((leadField) => !leadField.readOnly).map((leadField) => ({
	id: formFieldId(leadField.name),
	dataType: leadField.dataType,
	...(leadField.length ? { maxLength: leadField.length } : {}),
	isRequired: false,
	isSensitive: false,
}));

/** Program member fields forms can hold: the custom ones (Admin → Field Management). */
export const FORM_MEMBER_FIELDS = MEMBER_FIELDS.filter((memberField) => memberField.custom).map((memberField) => ({
	id: memberField.name,
	dataType: memberField.dataType,
	isRequired: false,
	isSensitive: false,
}));

/** Whether a form can hold a field of this ID (Add Field refuses others). */
export const isFormFieldId = (id: string) => [...FORM_LEAD_FIELDS, ...FORM_MEMBER_FIELDS].some((candidate) => candidate.id === id);

