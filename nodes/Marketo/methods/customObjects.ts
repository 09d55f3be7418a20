import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { marketoCachedGet } from '../transport';

interface CustomObjectType {
	name?: string;
	apiName?: string;
	displayName?: string;
}

/** The instance's custom object types (GET /rest/v1/customobjects.json, cached a day). */
export async function getCustomObjectTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await marketoCachedGet<CustomObjectType>(this, '/rest/v1/customobjects.json');
	return (response.result ?? [])
		.flatMap((type) => {
			const apiName = type.apiName ?? type.name;
			if (!apiName) return [];
			return [{ name: type.displayName && type.displayName !== apiName ? `${type.displayName} (${apiName})` : apiName, value: apiName }];
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
