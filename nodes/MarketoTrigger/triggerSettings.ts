import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readFields } from '../Marketo/actions/lead/common';
import { splitValues } from '../Marketo/helpers/validation';
import { triggerEvent, type EventPlan, type EventSettings, type TriggerEvent } from './events';
import { DEFAULT_MAX_ACTIVITIES_PER_POLL, MAX_ACTIVITIES_PER_POLL } from './properties';

export interface TriggerSettings {
	event: TriggerEvent;
	plan: EventPlan;
	/** Lead fields to add to each activity; empty for none. */
	leadFields: string[];
	maxActivities: number;
}

function fieldError(ctx: IPollFunctions, field: string, problem: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Field "${field}" ${problem}`);
}

function marketoId(ctx: IPollFunctions, field: string, value: unknown): number {
	const id = Number(String(value ?? '').trim());
	if (!Number.isInteger(id) || id <= 0) throw fieldError(ctx, field, `has "${String(value)}", which is not a Marketo ID (a positive whole number)`);
	return id;
}

function settingsReader(ctx: IPollFunctions): EventSettings {
	return {
		activityTypeIds: () => {
			const values = splitValues(ctx.getNodeParameter('activityTypeIds', []));
			if (values.length === 0) throw fieldError(ctx, 'Activity Types', 'is empty; choose at least one activity type');
			return values.map((value) => marketoId(ctx, 'Activity Types', value));
		},
		fields: () => {
			const fields = [...new Set(readFields(ctx.getNodeParameter('fields', [])))].sort();
			if (fields.length === 0) throw fieldError(ctx, 'Fields to Watch', 'is empty; choose at least one lead field');
			return fields;
		},
		listId: () => {
			// extractValue applies the locator's URL pattern, so a pasted Marketo list URL gives its id.
			const value = ctx.getNodeParameter('listId', '', { extractValue: true });
			if (String(value ?? '').trim() === '') throw fieldError(ctx, 'Static List', 'is empty; choose the list to watch');
			return marketoId(ctx, 'Static List', value);
		},
	};
}

/** The node's settings, checked before anything is sent: a bad one stops activation with the field's name. */
export function readTriggerSettings(ctx: IPollFunctions): TriggerSettings {
	const value = String(ctx.getNodeParameter('event', ''));
	const event = triggerEvent(value);
	if (!event) throw fieldError(ctx, 'Event', `has "${value}", which this node does not offer`);
	const plan = event.plan(settingsReader(ctx));
	const leadFields = event.hasLead ? [...new Set(readFields(ctx.getNodeParameter('leadFields', [])))] : [];
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const maxActivities = Number(options.maxActivities ?? DEFAULT_MAX_ACTIVITIES_PER_POLL);
	if (!Number.isInteger(maxActivities) || maxActivities < 1 || maxActivities > MAX_ACTIVITIES_PER_POLL) {
		throw fieldError(ctx, 'Max Activities per Poll', `is ${String(options.maxActivities)}; enter a whole number from 1 to ${MAX_ACTIVITIES_PER_POLL}`);
	}
	return { event, plan, leadFields, maxActivities };
}
