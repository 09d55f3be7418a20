import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../helpers/outcomes';

export interface MyToken {
	name: string;
	value: string;
}

const MY_TOKEN = /^\{\{my\.[^{}]+\}\}$/;

export const tokensProperty: INodeProperties = {
	displayName: 'My Tokens',
	name: 'tokens',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Token',
	default: {},
	description: "Values that replace the campaign's program My Tokens for this run only (e.g. a webinar title or a join link)",
	options: [
		{
			displayName: 'Token',
			name: 'token',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: '{{my.Webinar Title}}',
					description: 'The My Token as written in content, {{my.Token Name}}; "Token Name" or "my.Token Name" alone is accepted too',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

/** "{{my.X}}", "my.X" and "X" all name the My Token X; lead and system tokens cannot be overridden. */
function tokenName(itemIndex: number, raw: unknown): string {
	const text = String(raw ?? '').trim();
	if (!text) throw new ItemInputError(itemIndex, 'My Tokens', 'has a token without a name; write it as {{my.Token Name}}');
	const bare = text.replace(/^\{\{\s*/, '').replace(/\s*\}\}$/, '');
	const name = bare.startsWith('my.') ? `{{${bare}}}` : `{{my.${bare}}}`;
	if (/^[A-Za-z]+\./.test(bare) && !bare.startsWith('my.')) {
		throw new ItemInputError(itemIndex, 'My Tokens', `"${text}" is not a My Token; only {{my.…}} tokens can be given values for a run`);
	}
	if (!MY_TOKEN.test(name)) throw new ItemInputError(itemIndex, 'My Tokens', `"${text}" is not a My Token name; write it as {{my.Token Name}}`);
	return name;
}

/** The item's My Tokens in Marketo's `{name: "{{my.X}}", value}` form, checked before any call. */
export function readTokens(ctx: IExecuteFunctions, itemIndex: number): MyToken[] {
	const entries = ((ctx.getNodeParameter('tokens', itemIndex, {}) as IDataObject).token ?? []) as IDataObject[];
	const tokens = entries.map((entry) => ({ name: tokenName(itemIndex, entry.name), value: String(entry.value ?? '') }));
	const names = tokens.map((token) => token.name);
	const repeated = names.find((name, index) => names.indexOf(name) !== index);
	if (repeated) throw new ItemInputError(itemIndex, 'My Tokens', `${repeated} is given twice`);
	return tokens;
}
