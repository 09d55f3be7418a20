import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { MarketoApi } from '../../credentials/MarketoApi.credentials';
import { Marketo } from '../../nodes/Marketo/Marketo.node';
import { MarketoEmulator, type EmulatorOptions } from '../emulator';
import { CredentialStore, loadOptions, runWorkflow, START_NODE_TYPE, type WorkflowRunResult } from '../harness';

export const MARKETO_NODE = 'Marketo';
export const CREDENTIAL_ID = 'cred-1';

const emulators: MarketoEmulator[] = [];
afterAll(async () => {
	await Promise.all(emulators.splice(0).map(async (emulator) => await emulator.stop()));
});

export async function startEmulator(options: EmulatorOptions = {}): Promise<MarketoEmulator> {
	const emulator = new MarketoEmulator(options);
	await emulator.start();
	emulators.push(emulator);
	return emulator;
}

/** The credential as a user would save it: the REST endpoint pasted with `/rest/` and no token yet. */
export function credentialStore(emulator: MarketoEmulator, data: IDataObject = {}): CredentialStore {
	return new CredentialStore([
		{
			id: CREDENTIAL_ID,
			name: 'Marketo (emulator)',
			type: 'marketoApi',
			data: {
				restEndpoint: `${emulator.restEndpoint}/`,
				identityEndpoint: '',
				clientId: emulator.options.clientId,
				clientSecret: emulator.options.clientSecret,
				accessToken: '',
				tokenExpiresAt: 0,
				...data,
			},
		},
	]);
}

/** Settings under which the node's throttle binds before the emulator's limits do. */
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
export async function runMarketo(parameters: INodeParameters, { store, items, continueOnFail }: RunOptions): Promise<WorkflowRunResult> {
	const nodes: INode[] = [
		{ id: 'start', name: 'Start', type: START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'marketo',
			name: MARKETO_NODE,
			type: 'n8n-nodes-marketo.marketo',
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: { marketoApi: { id: CREDENTIAL_ID, name: 'Marketo (emulator)' } },
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

export function callsTo(emulator: MarketoEmulator, method: string, path: string) {
	return emulator.apiCalls().filter((call) => call.effectiveMethod === method && call.path === path);
}

/** Opens one of the node's dropdowns, as the editor does. */
export async function dropdown(method: string, store: CredentialStore, parameters: INodeParameters = {}) {
	return await loadOptions({
		nodeTypeName: 'n8n-nodes-marketo.marketo',
		nodeType: new Marketo(),
		credentialTypes: [new MarketoApi()],
		credentials: store,
		parameters,
		nodeCredentials: { marketoApi: { id: CREDENTIAL_ID, name: 'Marketo (emulator)' } },
		method,
	});
}
