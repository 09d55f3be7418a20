import type { INodePropertyOptions } from 'n8n-workflow';

import { ItemInputError } from '../../../helpers/outcomes';
import { parseMarketoId } from '../../../helpers/validation';
import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { REDIRECT_RULE } from '../assetTypes';
import { text, type Param } from '../params';
import { assetIdParam } from '../sharedOperations';

/** One end of a redirect: Marketo's `{type, value}`, entered as a kind and a value. */
function redirectEnd(name: 'redirectFrom' | 'redirectTo', displayName: string, kinds: INodePropertyOptions[], required: boolean): Param {
	const typeName = `${name}Type`;
	const firstKind = kinds[0].value;
	return {
		in: 'body',
		key: name,
		properties: [
			{
				displayName: `${displayName} Type`,
				name: typeName,
				type: 'options',
				options: kinds,
				default: firstKind,
				description: `Whether ${displayName} is a landing page ID or a ${String(kinds[1].value) === 'path' ? 'path' : 'URL'}`,
			},
			{
				displayName,
				name,
				type: 'string',
				default: '',
				description: `The landing page ID, or the ${String(kinds[1].value)}`,
				...(required ? { required: true } : {}),
			},
		],
		value(source, itemIndex) {
			const value = String(source(name) ?? '').trim();
			if (!value) {
				if (required) throw new ItemInputError(itemIndex, displayName, 'is empty; enter a landing page ID or a path/URL');
				return undefined;
			}
			const type = String(source(typeName) ?? kinds[0].value);
			if (!kinds.some((kind) => kind.value === type)) throw new ItemInputError(itemIndex, `${displayName} Type`, `"${type}" is not one of ${kinds.map((kind) => kind.value).join(', ')}`);
			return { type, value: type === 'landingPageId' ? String(parseMarketoId(itemIndex, displayName, value)) : value };
		},
	};
}

const FROM_KINDS = [
	{ name: 'Landing Page ID', value: 'landingPageId' },
	{ name: 'Path', value: 'path' },
];
const TO_KINDS = [
	{ name: 'Landing Page ID', value: 'landingPageId' },
	{ name: 'URL', value: 'url' },
];
const hostname = (required: boolean) =>
	text('hostname', 'Hostname', 'Landing page domain or alias the rule applies to, e.g. "pages.example.com" (Get Landing Page Domains lists them)', { required });

export const REDIRECT_RULE_CALLS: AssetCall[] = [
	endpointCall({
		operation: 'getDomains',
		name: 'Get Landing Page Domains',
		description: 'List the landing page domains and domain aliases of the instance: the hostnames redirect rules can use',
		action: 'Get the landing page domains',
		method: 'GET',
		path: assetPath('landingPageDomains', '.json'),
		paged: true,
	}),
	endpointCall({
		operation: 'create',
		name: 'Create',
		description: 'Create a rule that redirects a landing page or path on a domain to another page or URL',
		action: 'Create a redirect rule',
		method: 'POST',
		path: assetPath(REDIRECT_RULE.collection, '.json'),
		params: [hostname(true), redirectEnd('redirectFrom', 'Redirect From', FROM_KINDS, true), redirectEnd('redirectTo', 'Redirect To', TO_KINDS, true)],
	}),
	endpointCall({
		operation: 'update',
		name: 'Update',
		description: 'Change the domain, source or target of a redirect rule',
		action: 'Update a redirect rule',
		method: 'POST',
		path: assetPath(REDIRECT_RULE.segment, '/{id}.json'),
		params: [assetIdParam(REDIRECT_RULE, 'to update')],
		optional: {
			name: 'updateFields',
			displayName: 'Update Fields',
			placeholder: 'Add Field',
			params: [hostname(false), redirectEnd('redirectFrom', 'Redirect From', FROM_KINDS, false), redirectEnd('redirectTo', 'Redirect To', TO_KINDS, false)],
		},
		idempotent: true,
	}),
];
