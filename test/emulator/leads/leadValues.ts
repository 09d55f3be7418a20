import type { LeadValue } from '../types';
import type { LeadField } from './leadFields';

// Deliberately simple: one "@", something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The value as stored for the field, or a problem (worded for a 1003 reason). */
export function coerceLeadValue(field: LeadField, value: unknown): { value: LeadValue } | { problem: string } {
	if (value === null) return { value: null };
	if (typeof value === 'object' || value === undefined) {
		return { problem: `Value for field '${field.name}' must be a string, number, boolean or null` };
	}
	switch (field.dataType) {
		case 'integer': {
			const text = String(value).trim();
			return /^-?\d+$/.test(text) ? { value: Number(text) } : { problem: `Invalid value '${String(value)}' for integer field '${field.name}'` };
		}
		case 'boolean':
			if (typeof value === 'boolean') return { value };
			if (value === 'true' || value === 'false') return { value: value === 'true' };
			return { problem: `Invalid value '${String(value)}' for boolean field '${field.name}'` };
		case 'email':
			if (value === '') return { value: null };
			return typeof value === 'string' && EMAIL.test(value) ? { value } : { problem: 'Invalid email address' };
		default:
			return { value: String(value) };
	}
}

/** How Marketo compares lookup and filter values: case-insensitively; an empty value matches nothing. */
export function leadValueKey(value: LeadValue | undefined): string | undefined {
	return value === null || value === undefined ? undefined : String(value).toLowerCase();
}

/** Marketo's timestamp form: ISO 8601 in UTC, whole seconds. */
export function marketoTimestamp(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
