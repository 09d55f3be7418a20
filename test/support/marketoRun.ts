import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { MarketoApi } from '../../credentials/MarketoApi.credentials';
import { Marketo } from '../../nodes/Marketo/Marketo.node';
import { CredentialStore, runWorkflow, START_NODE_TYPE, type WorkflowRunResult } from '../harness';

/** Runs "start → Marketo" workflows in process; free of Jest, so bench and soak use it too (test/workflows/marketoWorkflow.ts adds the Jest set-up). */

export const MARKETO_NODE = 'Marketo';
export const CREDENTIAL_ID = 'cred-1';
const CREDENTIAL_NAME = 'Marketo (emulator)';

/** Where a Marketo instance (an emulator here, or in another process) answers. */
export interface MarketoInstance {
	restEndpoint: string;
	identityEndpoint: string;
	clientId: string;
	clientSecret: string;
}

/** The credential as a user saves it, with optional API limits (`limitsOf`). */
export function credentialStore(instance: MarketoInstance, data: IDataObject = {}): CredentialStore {
	return new CredentialStore([
		{
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			type: 'marketoApi',
			data: {
				restEndpoint: `${instance.restEndpoint}/`,
				identityEndpoint: '',
				clientId: instance.clientId,
				clientSecret: instance.clientSecret,
				accessToken: '',
				tokenExpiresAt: 0,
				...data,
			},
		},
	]);
}

export function limitsOf(options: { calls?: number; inFlight?: number; budget?: number }): IDataObject {
	return {
		adjustLimits: true,
		callsPer20Seconds: options.calls ?? 100,
		concurrentCalls: options.inFlight ?? 10,
		dailyCallBudget: options.budget ?? 50_000,
	};
}

export interface RunOptions {
	store: CredentialStore;
	items?: IDataObject[];
	continueOnFail?: boolean;
}

/** Runs "start → Marketo" with the given Marketo parameters, as a real n8n workflow. */
export async function runMarketo(
	parameters: INodeParameters,
	{ store, items, continueOnFail }: RunOptions,
): Promise<WorkflowRunResult> {
	const nodes: INode[] = [
		{ id: 'start', name: 'Start', type: START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'marketo',
			name: MARKETO_NODE,
			type: 'n8n-nodes-marketo.marketo',
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: { marketoApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
			...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	return await runWorkflow({
		nodeTypes: { 'n8n-nodes-marketo.marketo': new Marketo() },
		credentialTypes: [new MarketoApi()],
		credentials: store,
		workflow: { nodes, connections: { Start: { main: [[{ node: MARKETO_NODE, type: 'main', index: 0 }]] } } },
		startItems: items ?? [{}],
	});
}

export const leadItems = (count: number, prefix = 'lead') =>
	Array.from({ length: count }, (_, i) => ({ email: `${prefix}${i}@example.com`, firstName: `First${i}`, lastName: `Last${i}` }));

export const upsertFromItems = (action = 'createOrUpdate'): INodeParameters => ({
	resource: 'lead',
	operation: 'upsert',
	action,
	fieldsToSend: 'autoMapInputData',
});
