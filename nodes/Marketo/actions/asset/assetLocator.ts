import type { INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';
import type { Param } from './params';

export interface LocatorTarget {
	/** Lower case, for messages: "email template". */
	noun: string;
	/** "From List" search (methods/assets.ts); without one the locator takes an ID only. */
	searchListMethod?: string;
	/** Marketo UI addresses carry the id after this code (a regex): `https://app-ab12.marketo.com/#EM1021A1`. */
	urlCode?: string;
	/** An address to show as the placeholder, when the code is a pattern. */
	urlExample?: string;
}

interface RefOptions {
	in?: Param['in'];
	key?: string;
	required?: boolean;
}

const urlPattern = (code: string) => new RegExp(`[#/]${code}(\\d+)A\\d`);

/** Picks an asset: From List (searchable), By URL (the Marketo UI address, where it has one), or ID. */
export function assetLocatorProperty(target: LocatorTarget, name: string, displayName: string, description: string, required = true): INodeProperties {
	const code = target.urlCode ?? '';
	const locator: INodeProperties = {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: target.searchListMethod ? 'list' : 'id', value: '' },
		description,
		...(required ? { required: true } : {}),
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: target.searchListMethod ?? '', searchable: true } },
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: target.urlExample ?? `https://app-ab12.marketo.com/#${code}1021A1`,
				validation: [{ type: 'regex', properties: { regex: `.*[#/]${code}\\d+A\\d.*`, errorMessage: `Not a Marketo ${target.noun} URL` } }],
				extractValue: { type: 'regex', regex: urlPattern(code).source },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '1021',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `Not a ${target.noun} ID` } }],
			},
		],
	};
	// Without a search there is no list, and without a UI address code no URL mode.
	locator.modes = locator.modes?.filter((mode) => (mode.name === 'list' ? Boolean(target.searchListMethod) : mode.name === 'url' ? Boolean(target.urlCode) : true));
	return locator;
}

/** The id an item's locator points at; a URL or id that is not one is named before any call. */
export function readAssetId(target: LocatorTarget, displayName: string, itemIndex: number, raw: unknown): number {
	const { mode, value } =
		typeof raw === 'object' && raw !== null && 'mode' in raw ? (raw as INodeParameterResourceLocator) : { mode: 'id', value: raw };
	if (mode === 'url' && target.urlCode) {
		const match = urlPattern(target.urlCode).exec(String(value ?? ''));
		if (!match) {
			const example = target.urlExample ?? `…/#${target.urlCode}1021A1`;
			throw new ItemInputError(itemIndex, displayName, `"${String(value)}" is not a Marketo ${target.noun} URL (${example})`);
		}
		return Number(match[1]);
	}
	return parseMarketoId(itemIndex, displayName, value);
}

/** A parameter whose value is the id of an asset (the asset an operation acts on, a template to use, …). */
export function assetRef(target: LocatorTarget, name: string, displayName: string, description: string, options: RefOptions = {}): Param {
	const required = options.required ?? true;
	return {
		in: options.in ?? 'body',
		key: options.key ?? name,
		properties: [assetLocatorProperty(target, name, displayName, description, required)],
		value(source, itemIndex) {
			const raw = source(name);
			const value = typeof raw === 'object' && raw !== null && 'mode' in raw ? (raw as INodeParameterResourceLocator).value : raw;
			if (!required && (value === undefined || value === null || String(value).trim() === '')) return undefined;
			return readAssetId(target, displayName, itemIndex, raw);
		},
	};
}
