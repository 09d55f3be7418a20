import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { marketoCachedGet } from '../transport';
import { currentParameter } from './programs';

interface ActivityType {
	id?: number;
	name?: string;
	description?: string;
}

interface CustomActivityType extends ActivityType {
	status?: string;
	attributes?: Array<{ name?: string; apiName?: string; dataType?: string }>;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Only approved custom types take activities; "approved with draft" has an approved version. */
const TAKES_ACTIVITIES = new Set(['approved', 'approved with draft']);

function typeOptions(types: ActivityType[]): INodePropertyOptions[] {
	return types
		.filter((type) => type.id !== undefined && type.name)
		.map((type) => ({ name: `${type.name} (${type.id})`, value: type.id as number, description: type.description }))
		.sort(byName);
}

async function customTypes(ctx: ILoadOptionsFunctions): Promise<CustomActivityType[]> {
	const response = await marketoCachedGet<CustomActivityType>(ctx, '/rest/v1/activities/external/types.json');
	return (response.result ?? []).filter((type) => TAKES_ACTIVITIES.has(String(type.status)));
}

/** Every activity type of the instance, custom ones included (Get Activity Types, cached a day). */
export async function getActivityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await marketoCachedGet<ActivityType>(this, '/rest/v1/activities/types.json');
	return typeOptions(response.result ?? []);
}

/** Approved custom activity types: the ones Add Custom Activity can record. */
export async function getCustomActivityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return typeOptions(await customTypes(this));
}

/** The secondary attributes of the chosen custom activity type. */
export async function getCustomActivityAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const typeId = Number(currentParameter(this, 'activityTypeId'));
	const type = (await customTypes(this)).find((candidate) => candidate.id === typeId);
	return (type?.attributes ?? [])
		.filter((attribute) => attribute.name)
		.map((attribute) => ({ name: attribute.name as string, value: attribute.name as string, description: attribute.dataType }))
		.sort(byName);
}
