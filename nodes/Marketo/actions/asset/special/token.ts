import type { IDataObject } from 'n8n-workflow';

import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { folderTarget } from '../folderRef';
import { choice, longText, text, type Param } from '../params';

export const TOKEN_RESOURCE = { resource: 'token', displayName: 'My Token' };

const TOKEN_TYPES = ['date', 'number', 'rich text', 'score', 'sfdc campaign', 'text'].map((value) => ({
	name: value.replace(/\b\w/g, (letter) => letter.toUpperCase()).replace('Sfdc', 'SFDC'),
	value,
}));

const owner = (purpose: string) => folderTarget(`The folder or program ${purpose}`, { in: 'body', key: 'folderType' });

/** Token names are written in content as {{my.Name}}; Marketo's API wants the bare name. */
const plainName = text('name', 'Token Name', 'Name of the token, e.g. "Event Date" (used as {{my.Event Date}})', { required: true });
const tokenName: Param = {
	...plainName,
	value(source, itemIndex) {
		const name = plainName.value(source, itemIndex) as string;
		return name.replace(/^\{\{\s*my\./i, '').replace(/\}\}$/, '').trim();
	},
};
const tokenType = choice('type', 'Type', 'Type of the token', TOKEN_TYPES, { required: true, default: 'text' });

/** My Tokens of a folder or program: list, create or update (by name), delete. */
export const TOKEN_CALLS: AssetCall[] = [
	endpointCall({
		operation: 'getMany',
		name: 'Get Many',
		description: 'List the My Tokens of a folder or program, one item per token',
		action: 'Get many tokens',
		method: 'GET',
		path: assetPath('folder', '/{id}/tokens.json'),
		params: owner('whose tokens to list').map((param) => (param.key === 'folderType' ? { ...param, in: 'query' as const } : param)),
		shape: (records, values) =>
			records.flatMap((record) =>
				((record.tokens as IDataObject[] | undefined) ?? []).map((token) => ({ folderId: values.id as number, folderType: values.folderType as string, ...token })),
			),
	}),
	endpointCall({
		operation: 'upsert',
		name: 'Create or Update',
		description: 'Create a My Token on a folder or program, or update the one with the same name',
		action: 'Create or update a token',
		method: 'POST',
		path: assetPath('folder', '/{id}/tokens.json'),
		params: [...owner('to set the token on'), tokenName, tokenType, longText('value', 'Value', 'Value of the token (for a date: YYYY-MM-DD)', { required: true })],
		idempotent: true,
	}),
	endpointCall({
		operation: 'delete',
		name: 'Delete',
		description: 'Delete a My Token from a folder or program',
		action: 'Delete a token',
		method: 'POST',
		path: assetPath('folder', '/{id}/tokens/delete.json'),
		params: [...owner('to delete the token from'), tokenName, tokenType],
	}),
];
