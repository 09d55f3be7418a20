import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MarketoApi } from '../../credentials/MarketoApi.credentials';
import { MarketoTrigger } from '../../nodes/MarketoTrigger/MarketoTrigger.node';
import { activitiesOf, type Activity, type NewActivity } from '../emulator/activities/ActivityStore';
import { marketoTimestamp } from '../emulator/leads/leadValues';
import { loadOptions, PollingWorkflow, type CredentialStore } from '../harness';
import { CREDENTIAL_ID, credentialStore, startEmulator } from './marketoWorkflow';

export const TRIGGER_TYPE = 'n8n-nodes-marketo.marketoTrigger';

/** The trigger node with these parameters and the emulator's credential. */
const triggerNode = (store: CredentialStore, parameters: INodeParameters) => ({
	nodeTypeName: TRIGGER_TYPE,
	nodeType: new MarketoTrigger(),
	credentialTypes: [new MarketoApi()],
	credentials: store,
	parameters,
	nodeCredentials: { marketoApi: { id: CREDENTIAL_ID, name: 'Marketo (emulator)' } },
});

/** A workflow whose start is a Marketo Trigger with these parameters; `staticData` is what n8n's database holds for it. */
export function triggerWorkflow(parameters: INodeParameters, store: CredentialStore, staticData?: IDataObject): PollingWorkflow {
	return new PollingWorkflow({ ...triggerNode(store, parameters), nodeName: 'Marketo Trigger', staticData });
}

/** An emulator with `leads` leads whose activity log holds only what the test records (and what happens through the API). */
export async function triggerInstance(leads = 5) {
	const emulator = await startEmulator({ seedLeads: leads });
	const activities = activitiesOf(emulator);
	activities.clear();
	const log = (activity: Partial<NewActivity> & Pick<NewActivity, 'activityTypeId'>): Activity =>
		activities.record({ leadId: 1, activityDate: marketoTimestamp(Date.now()), ...activity });
	return { emulator, activities, store: credentialStore(emulator), log };
}

/** Ids of the activities a poll delivered; [] when it delivered nothing. */
export const idsOf = (items: IDataObject[] | null) => (items ?? []).map((item) => item.id);

/** Opens one of the trigger's dropdowns, as the editor does. */
export async function triggerDropdown(method: string, store: CredentialStore, parameters: INodeParameters = {}) {
	return await loadOptions({ ...triggerNode(store, parameters), method });
}
