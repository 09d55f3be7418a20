import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ItemInputError } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';

/** Reads a value the item gave: a node parameter, or an entry of the collection the parameter sits in. */
export type ValueSource = (name: string) => unknown;

/**
 * One parameter of an asset call, described as data: the UI field(s) it shows, where its value
 * goes in the request and how the item's value is checked. Checks throw ItemInputError naming
 * the field, before anything is sent.
 */
export interface Param {
	in: 'path' | 'query' | 'body';
	/** Marketo's name for it (a `{key}` in the path for path parameters). */
	key: string;
	/** The field(s) shown: at top level when required, else inside the call's collection. */
	properties: INodeProperties[];
	/** The value to send; undefined leaves the parameter out. */
	value(source: ValueSource, itemIndex: number): unknown;
}

interface FieldOptions {
	/** Marketo's name when it differs from the n8n parameter name. */
	key?: string;
	in?: Param['in'];
	required?: boolean;
	placeholder?: string;
	default?: string | number | boolean;
}

/** JSON.parse as a value, so a parse failure is handled by ordinary control flow. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function property(name: string, displayName: string, description: string, type: INodeProperties['type'], options: FieldOptions): INodeProperties {
	const fallback = type === 'boolean' ? false : type === 'number' ? 0 : '';
	return {
		displayName,
		name,
		type,
		default: options.default ?? fallback,
		description,
		...(options.required ? { required: true } : {}),
		...(options.placeholder ? { placeholder: options.placeholder } : {}),
	};
}

/** Text; a required one must not be blank. */
export function text(name: string, displayName: string, description: string, options: FieldOptions = {}): Param {
	return {
		in: options.in ?? 'body',
		key: options.key ?? name,
		properties: [property(name, displayName, description, 'string', options)],
		value(source, itemIndex) {
			const value = source(name);
			if (isBlank(value)) {
				if (options.required) throw new ItemInputError(itemIndex, displayName, 'is empty; enter a value');
				return undefined;
			}
			if (typeof value === 'object') throw new ItemInputError(itemIndex, displayName, 'must be text, not an object or a list');
			return String(value);
		},
	};
}

/**
 * An update field Marketo lets you blank: added but left empty (or an expression giving ''), it
 * sends '' so Marketo clears the value, where other optional fields left empty are left out.
 */
export function clearable(param: Param): Param {
	const name = param.properties[0].name;
	return {
		...param,
		properties: param.properties.map((property) => ({ ...property, description: `${property.description ?? ''}; left empty, it clears the current value` })),
		value(source, itemIndex) {
			const raw = source(name);
			return typeof raw === 'string' && raw.trim() === '' ? '' : param.value(source, itemIndex);
		},
	};
}

/** Long text, such as HTML: shown as a multi-line box. */
export function longText(name: string, displayName: string, description: string, options: FieldOptions = {}): Param {
	const param = text(name, displayName, description, options);
	param.properties = [{ ...param.properties[0], typeOptions: { rows: 6 } }];
	return param;
}

export function boolean(name: string, displayName: string, description: string, options: FieldOptions = {}): Param {
	return {
		in: options.in ?? 'body',
		key: options.key ?? name,
		properties: [property(name, displayName, description, 'boolean', options)],
		value(source) {
			const value = source(name);
			return value === undefined ? undefined : value === true || value === 'true';
		},
	};
}

/** A whole number; an id-like one (`positive`) must be > 0. */
export function integer(name: string, displayName: string, description: string, options: FieldOptions & { positive?: boolean } = {}): Param {
	return {
		in: options.in ?? 'body',
		key: options.key ?? name,
		properties: [property(name, displayName, description, options.positive ? 'string' : 'number', options)],
		value(source, itemIndex) {
			const value = source(name);
			if (isBlank(value)) {
				if (options.required) throw new ItemInputError(itemIndex, displayName, 'is empty; enter a number');
				return undefined;
			}
			if (options.positive) return parseMarketoId(itemIndex, displayName, value);
			const number = Number(value);
			if (!Number.isInteger(number)) throw new ItemInputError(itemIndex, displayName, `"${String(value)}" is not a whole number`);
			return number;
		},
	};
}

/** One of fixed values; the options are sorted by name, as n8n's UI expects. */
export function choice(
	name: string,
	displayName: string,
	description: string,
	choices: INodePropertyOptions[],
	options: FieldOptions = {},
): Param {
	const sorted = [...choices].sort((a, b) => a.name.localeCompare(b.name));
	const allowed = new Set(sorted.map((option) => String(option.value)));
	return {
		in: options.in ?? 'body',
		key: options.key ?? name,
		properties: [{ ...property(name, displayName, description, 'options', options), options: sorted, default: options.default ?? sorted[0].value }],
		value(source, itemIndex) {
			const value = source(name);
			if (isBlank(value)) return undefined;
			if (!allowed.has(String(value))) {
				throw new ItemInputError(itemIndex, displayName, `"${String(value)}" is not one of ${[...allowed].join(', ')}`);
			}
			return String(value);
		},
	};
}

/** A date and time, sent as ISO 8601. */
export function dateTime(name: string, displayName: string, description: string, options: FieldOptions = {}): Param {
	return {
		in: options.in ?? 'query',
		key: options.key ?? name,
		properties: [property(name, displayName, description, 'dateTime', options)],
		value(source, itemIndex) {
			const value = source(name);
			if (isBlank(value)) return undefined;
			const time = Date.parse(String(value));
			if (Number.isNaN(time)) throw new ItemInputError(itemIndex, displayName, `"${String(value)}" is not a date`);
			return new Date(time).toISOString();
		},
	};
}

/** JSON (an object or a list), checked to parse; `shape` checks what Marketo expects of it. */
export function json(
	name: string,
	displayName: string,
	description: string,
	options: FieldOptions & { shape?: 'list' | 'object' } = {},
): Param {
	return {
		in: options.in ?? 'body',
		key: options.key ?? name,
		properties: [{ ...property(name, displayName, description, 'json', options), default: options.shape === 'list' ? '[]' : '{}' }],
		value(source, itemIndex) {
			const raw = source(name);
			if (isBlank(raw)) {
				if (options.required) throw new ItemInputError(itemIndex, displayName, 'is empty; enter JSON');
				return undefined;
			}
			let value: unknown = raw;
			if (typeof raw === 'string') {
				const parsed = parseJson(raw);
				if (!parsed.ok) throw new ItemInputError(itemIndex, displayName, 'is not valid JSON');
				value = parsed.value;
			}
			if (options.shape === 'list' && !Array.isArray(value)) throw new ItemInputError(itemIndex, displayName, 'must be a JSON list ([…])');
			if (options.shape === 'object' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
				throw new ItemInputError(itemIndex, displayName, 'must be a JSON object ({…})');
			}
			if (options.shape === 'list' && (value as unknown[]).length === 0 && !options.required) return undefined;
			return value;
		},
	};
}

/** Marketo's two asset statuses, for reads that take `status`. */
export const statusOption = (description = 'Which version to read: the approved one or the draft') =>
	choice('status', 'Status', description, [
		{ name: 'Approved', value: 'approved' },
		{ name: 'Draft', value: 'draft' },
	], { in: 'query' });

/** Browse filters on the last update time, which several browse endpoints take. */
export const UPDATED_BETWEEN: Param[] = [
	dateTime('earliestUpdatedAt', 'Updated After', 'Return only assets updated at or after this time'),
	dateTime('latestUpdatedAt', 'Updated Before', 'Return only assets updated at or before this time'),
];

/** Name given to create or clone an asset. */
export const nameParam = (noun: string) => text('name', 'Name', `Name of the new ${noun}; Marketo requires it to be unique in its folder`, { required: true });

export const descriptionParam = (noun: string) => text('description', 'Description', `Description of the ${noun}`);
