import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../helpers/outcomes';
import { parseMarketoId } from '../../helpers/validation';

// Marketo's docs: in a program's UI address (https://app-ab12.marketo.com/#PG1001A1) the id sits
// between the first and the second set of letters. Event and email programs use other letters.
const PROGRAM_URL = /#[A-Za-z]+(\d+)[A-Za-z]/;

export const PROGRAM_DISPLAY_NAME = 'Program';

/**
 * The Program field: From list (searched by name), By URL (the program's Marketo address), By ID.
 * Any operation that acts on a program uses it, under the parameter name `programId`.
 */
export function programLocator(description: string): INodeProperties {
	return {
		displayName: PROGRAM_DISPLAY_NAME,
		name: 'programId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPrograms', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://app-ab12.marketo.com/#PG1001A1',
				validation: [
					{ type: 'regex', properties: { regex: `.*${PROGRAM_URL.source}.*`, errorMessage: 'Not a Marketo program URL (…/#PG1001A1)' } },
				],
				extractValue: { type: 'regex', regex: PROGRAM_URL.source },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: '1001',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Not a program ID (a whole number)' } }],
			},
		],
	};
}

/** The program id of the item's locator (or a plain id from an expression); a bad one is named before any call. */
export function readProgramId(ctx: IExecuteFunctions, itemIndex: number, parameter = 'programId'): number {
	const raw = ctx.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string | number;
	const { mode, value } = typeof raw === 'object' && raw !== null ? raw : { mode: 'id', value: raw };
	if (mode === 'url') {
		const match = PROGRAM_URL.exec(String(value ?? ''));
		if (!match) {
			throw new ItemInputError(itemIndex, PROGRAM_DISPLAY_NAME, `"${String(value)}" is not a Marketo program URL (…/#PG1001A1)`);
		}
		return Number(match[1]);
	}
	return parseMarketoId(itemIndex, PROGRAM_DISPLAY_NAME, value);
}

/** A progression status of the chosen program's channel, from a dropdown (parameter `statusName`). */
export const programStatusProperty: INodeProperties = {
	displayName: 'Status Name or ID',
	name: 'statusName',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getProgramStatuses', loadOptionsDependsOn: ['programId.value'] },
	required: true,
	default: '',
	description:
		'A progression status of the program\'s channel, e.g. Registered or Attended. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
