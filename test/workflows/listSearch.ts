import type { ILoadOptionsFunctions, INodeListSearchResult, INodeType } from 'n8n-workflow';

import { MarketoApi } from '../../credentials/MarketoApi.credentials';
import { Marketo } from '../../nodes/Marketo/Marketo.node';
import { loadOptions, type CredentialStore } from '../harness';
import { CREDENTIAL_ID } from './marketoWorkflow';

/**
 * Runs one of the node's resource-locator searches ("From list") in n8n-core's LoadOptionsContext,
 * the context the editor gives it, by handing it to the harness as a dropdown method.
 */
export async function searchList(method: string, store: CredentialStore, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const marketo = new Marketo();
	const search = marketo.methods.listSearch[method as keyof typeof marketo.methods.listSearch];
	if (!search) throw new Error(`The node has no listSearch method "${method}"`);
	const probe = {
		description: marketo.description,
		methods: { loadOptions: { probe: async function (this: ILoadOptionsFunctions) { return await search.call(this, filter, paginationToken); } } },
	} as unknown as INodeType;
	const answer = await loadOptions({
		nodeTypeName: 'n8n-nodes-marketo.marketo',
		nodeType: probe,
		credentialTypes: [new MarketoApi()],
		credentials: store,
		parameters: {},
		nodeCredentials: { marketoApi: { id: CREDENTIAL_ID, name: 'Marketo (emulator)' } },
		method: 'probe',
	});
	return answer as unknown as INodeListSearchResult;
}
