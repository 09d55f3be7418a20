import { crmObjectsOf } from '../crmObjects/crmObjects';
import { describeObject } from '../crmObjects/objectRequests';
import { objectRoutes } from '../crmObjects/objectRoutes';
import { MarketoFailure, marketoErrors } from '../errors';
import type { Route } from './route';

export const customObjectRoutes: Route[] = [
	{
		// ResponseOfObjectMetaData: every type of the instance, or those named in `names`.
		method: 'GET',
		path: '/rest/v1/customobjects.json',
		handle: ({ params }, context) => {
			const names = params.names ? params.names.split(',').map((name) => name.trim()) : undefined;
			const types = crmObjectsOf(context)
				.customTypes()
				.filter((schema) => names === undefined || names.includes(schema.apiName));
			return { result: types.map(describeObject) };
		},
	},
	...objectRoutes('/rest/v1/customobjects/{customObjectName}', ({ pathParams }, context) => {
		const store = crmObjectsOf(context).custom(pathParams.customObjectName);
		if (store === undefined) {
			throw new MarketoFailure(marketoErrors.invalidData(`Custom object type '${pathParams.customObjectName}' not found`));
		}
		return store;
	}),
];
