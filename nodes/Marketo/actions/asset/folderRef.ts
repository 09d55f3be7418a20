import type { INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import { parseJson, type Param, type ValueSource } from './params';

/** Marketo's reference to a container: a folder, or a program (assets can live directly in a program). */
export interface FolderRef {
	id: number;
	type: 'Folder' | 'Program';
}

export const FOLDER_TYPES = ['Folder', 'Program'] as const;

function folderTypeOf(itemIndex: number, field: string, value: unknown): FolderRef['type'] {
	const type = FOLDER_TYPES.find((known) => known.toLowerCase() === String(value ?? '').trim().toLowerCase());
	if (!type) throw new ItemInputError(itemIndex, field, `"${String(value)}" is not a folder type; use Folder or Program`);
	return type;
}

function fromObject(itemIndex: number, field: string, value: Record<string, unknown>): FolderRef {
	// Marketo answers folders as {id, type} or {value, type}; both are accepted back.
	return { id: parseMarketoId(itemIndex, field, value.id ?? value.value), type: folderTypeOf(itemIndex, field, value.type) };
}

/**
 * A folder as the item gave it: `{"id": 12, "type": "Folder"}` (what Marketo answers and the
 * folder list gives), or a plain id whose type comes from the Folder Type selector.
 */
export function parseFolderRef(itemIndex: number, field: string, value: unknown, typeForPlainId: unknown): FolderRef {
	const raw = typeof value === 'object' && value !== null && 'mode' in value ? (value as INodeParameterResourceLocator).value : value;
	if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return fromObject(itemIndex, field, raw as Record<string, unknown>);
	const text = String(raw ?? '').trim();
	if (text.startsWith('{')) {
		const parsed = parseJson(text);
		if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
			throw new ItemInputError(itemIndex, field, `"${text}" is neither a folder ID nor {"id": …, "type": "Folder" | "Program"}`);
		}
		return fromObject(itemIndex, field, parsed.value as Record<string, unknown>);
	}
	return { id: parseMarketoId(itemIndex, field, text), type: folderTypeOf(itemIndex, `${field} Type`, typeForPlainId) };
}

interface FolderParamOptions {
	/** The n8n parameter name; its type selector is `<name>Type`. */
	name?: string;
	displayName?: string;
	/** Marketo's name: `folder`, or `parent` when creating a folder. */
	key?: string;
	in?: Param['in'];
	required?: boolean;
	description: string;
}

/** The folder locator (From List / ID) and its Folder Type selector, sent as Marketo's JSON `{id, type}`. */
export function folderParam(options: FolderParamOptions): Param {
	const name = options.name ?? 'folder';
	const displayName = options.displayName ?? 'Folder';
	const typeName = `${name}Type`;
	const locator: INodeProperties = {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: options.description,
		...(options.required ? { required: true } : {}),
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchFolders', searchable: true } },
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '1021 or {"id": 1021, "type": "Program"}',
			},
		],
	};
	const typeSelector: INodeProperties = {
		displayName: `${displayName} Type`,
		name: typeName,
		type: 'options',
		options: [
			{ name: 'Folder', value: 'Folder' },
			{ name: 'Program', value: 'Program' },
		],
		default: 'Folder',
		description: `Whether the ${displayName.toLowerCase()} ID entered is a folder or a program. Ignored when the value carries its own type (picked from the list, or JSON with ID and type).`,
	};
	return {
		in: options.in ?? 'body',
		key: options.key ?? 'folder',
		properties: [locator, typeSelector],
		value(source: ValueSource, itemIndex: number) {
			const value = source(name);
			const raw = typeof value === 'object' && value !== null && 'mode' in value ? (value as INodeParameterResourceLocator).value : value;
			if (raw === undefined || raw === null || String(raw).trim() === '') {
				if (options.required) throw new ItemInputError(itemIndex, displayName, 'is empty; pick a folder or program, or enter its ID');
				return undefined;
			}
			return parseFolderRef(itemIndex, displayName, value, source(typeName) ?? 'Folder');
		},
	};
}

/**
 * A folder locator spread over Marketo's two places for it: the id in the path, the type (Folder
 * or Program) in the query or the body, under Marketo's name for it (`type`, `folderType`).
 */
export function folderTarget(description: string, type: { in: Param['in']; key: string }): Param[] {
	const ref = folderParam({ required: true, description });
	return [
		{ in: 'path', key: 'id', properties: ref.properties, value: (source, itemIndex) => (ref.value(source, itemIndex) as FolderRef).id },
		{ in: type.in, key: type.key, properties: [], value: (source, itemIndex) => (ref.value(source, itemIndex) as FolderRef).type },
	];
}
