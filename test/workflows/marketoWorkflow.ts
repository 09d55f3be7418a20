import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MarketoApi } from '../../credentials/MarketoApi.credentials';
import { Marketo } from '../../nodes/Marketo/Marketo.node';
import { MarketoEmulator, type EmulatorOptions } from '../emulator';
import { loadOptions, type CredentialStore } from '../harness';
import { CREDENTIAL_ID, credentialStore as credentialStoreFor } from '../support/marketoRun';

export { CREDENTIAL_ID, leadItems, limitsOf, MARKETO_NODE, runMarketo, upsertFromItems, type RunOptions } from '../support/marketoRun';

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
	const { clientId, clientSecret } = emulator.options;
	return credentialStoreFor({ restEndpoint: emulator.restEndpoint, identityEndpoint: emulator.identityEndpoint, clientId, clientSecret }, data);
}

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
