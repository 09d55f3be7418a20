import type { Route, RouteContext, RouteRequest } from '../routes/route';
import { deleteObjects, describeObject, queryObjects, syncObjects } from './objectRequests';
import type { ObjectStore } from './ObjectStore';

/** Finds the store a request is about (fixed for standard objects, from the path for custom objects). */
export type StoreOf = (request: RouteRequest, context: RouteContext) => ObjectStore;

/**
 * The four endpoints every Lead Database object type has, under `base` (e.g. /rest/v1/companies):
 * query by filter, sync, delete and describe. One shape for all types.
 */
export function objectRoutes(base: string, storeOf: StoreOf): Route[] {
	return [
		{
			method: 'GET',
			path: `${base}.json`,
			handle: (request, context) => queryObjects(request.params, storeOf(request, context)),
		},
		{
			method: 'POST',
			path: `${base}.json`,
			jsonBody: true,
			handle: (request, context) => ({ result: syncObjects(request.body, storeOf(request, context), context.now) }),
		},
		{
			method: 'POST',
			path: `${base}/delete.json`,
			jsonBody: true,
			handle: (request, context) => ({ result: deleteObjects(request.body, storeOf(request, context)) }),
		},
		{
			method: 'GET',
			path: `${base}/describe.json`,
			handle: (request, context) => ({ result: [describeObject(storeOf(request, context).schema)] }),
		},
	];
}
