import type { IDataObject } from 'n8n-workflow';

import { ItemInputError } from './outcomes';

export type Scalar = string | number | boolean | null;

// Deliberately loose: Marketo accepts addresses a strict RFC check would refuse.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isScalar(value: unknown): value is Scalar {
	return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Lead Database records take text, numbers, booleans or null per field. */
export function assertScalarFields(itemIndex: number, record: IDataObject): Record<string, Scalar> {
	for (const [field, value] of Object.entries(record)) {
		if (!isScalar(value)) {
			const kind = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
			throw new ItemInputError(
				itemIndex,
				field,
				`is ${kind}; Marketo fields take text, a number, true/false or null. Flatten it or pick a single value (e.g. with an expression).`,
			);
		}
		if (typeof value === 'number' && !Number.isFinite(value)) {
			throw new ItemInputError(itemIndex, field, `is ${value}, which Marketo cannot store`);
		}
	}
	return record as Record<string, Scalar>;
}

export function assertEmailShape(itemIndex: number, field: string, value: unknown): void {
	if (typeof value === 'string' && value !== '' && !EMAIL.test(value.trim())) {
		throw new ItemInputError(itemIndex, field, `"${value}" is not a valid email address`);
	}
}

export function requirePresent(itemIndex: number, field: string, value: unknown, why: string): void {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		throw new ItemInputError(itemIndex, field, `is empty; ${why}`);
	}
}

/** Marketo ids are positive integers; item JSON often carries them as strings. */
export function parseMarketoId(itemIndex: number, field: string, value: unknown): number {
	const id = typeof value === 'string' ? Number(value.trim()) : value;
	if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) {
		throw new ItemInputError(
			itemIndex,
			field,
			value === '' || value === undefined || value === null
				? 'is empty; enter the Marketo id (a positive whole number)'
				: `"${String(value)}" is not a Marketo id (a positive whole number)`,
		);
	}
	return id;
}

/** Splits "a, b,c" into values; a list from an expression is taken as is. */
export function splitValues(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}
