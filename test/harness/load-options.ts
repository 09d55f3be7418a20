import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialType, INode, INodeParameters, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { CredentialStore } from './credential-store';
import { HarnessCredentialsHelper } from './credentials-helper';
import { ensureEnvironment } from './environment';
import { buildAdditionalData } from './run-workflow';
import { HarnessCredentialTypes, HarnessNodeTypes } from './types-registry';

export interface LoadOptionsRequest {
	nodeTypeName: string;
	nodeType: INodeType;
	credentialTypes: ICredentialType[];
	credentials: CredentialStore;
	/** The node as the editor holds it while the user opens a dropdown. */
	parameters: INodeParameters;
	nodeCredentials: INode['credentials'];
	method: string;
}

/** Calls a node's loadOptions method the way the editor's dropdown does (n8n-core's LoadOptionsContext). */
export async function loadOptions(request: LoadOptionsRequest): Promise<INodePropertyOptions[]> {
	ensureEnvironment();
	const node: INode = {
		id: 'load-options',
		name: 'Node',
		type: request.nodeTypeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: request.parameters,
		credentials: request.nodeCredentials,
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new HarnessNodeTypes({ [request.nodeTypeName]: request.nodeType }),
	});
	const helper = new HarnessCredentialsHelper(new HarnessCredentialTypes(request.credentialTypes), request.credentials);
	const additionalData = buildAdditionalData(helper, 'load-options', undefined, { executionOrder: 'v1' });
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const method = request.nodeType.methods?.loadOptions?.[request.method];
	if (!method) throw new Error(`The node has no loadOptions method "${request.method}"`);
	return await method.call(context);
}
