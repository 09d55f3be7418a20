import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { getActivityTypes } from '../Marketo/methods/activities';
import { getLeadFields } from '../Marketo/methods/leadFields';
import { searchStaticLists } from '../Marketo/methods/staticLists';
import { toNodeApiError } from '../Marketo/transport';
import { settle } from '../Marketo/transport/settle';
import { LOOKBACK_DAYS, newActivities, recentActivities } from './pollFeed';
import { triggerProperties } from './properties';
import { readTriggerSettings } from './triggerSettings';

export class MarketoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Marketo Trigger',
		name: 'marketoTrigger',
		icon: { light: 'file:marketo.svg', dark: 'file:marketo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			"Starts the workflow when leads are created, changed, deleted or added to or removed from a list, or when activities of chosen types happen in Marketo Engage. Polls Marketo's activity feed; nothing is missed or delivered twice.",
		defaults: { name: 'Marketo Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'marketoApi', required: true }],
		properties: triggerProperties,
	};

	methods = { loadOptions: { getActivityTypes, getLeadFields }, listSearch: { searchStaticLists } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readTriggerSettings(this);
		const manual = this.getMode() === 'manual';
		const outcome = await settle(manual ? recentActivities(this, settings) : newActivities(this, settings));
		if (!outcome.ok) {
			const error = outcome.error;
			throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : toNodeApiError(this, error);
		}
		if (outcome.value.length > 0) return [this.helpers.returnJsonArray(outcome.value)];
		if (!manual) return null;
		throw new NodeOperationError(this.getNode(), `No "${settings.event.name}" activity in Marketo in the last ${LOOKBACK_DAYS} days`, {
			description: 'Make one happen in Marketo and fetch again. Once the workflow is active, the trigger delivers what happens from then on.',
		});
	}
}
