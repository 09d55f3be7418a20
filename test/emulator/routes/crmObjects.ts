import { crmObjectsOf } from '../crmObjects/crmObjects';
import { objectRoutes } from '../crmObjects/objectRoutes';
import { STANDARD_OBJECTS } from '../crmObjects/objectSchemas';
import type { Route } from './route';

/** Companies, opportunities, opportunity roles, named accounts and sales persons: the same four endpoints each. */
export const crmObjectRoutes: Route[] = STANDARD_OBJECTS.flatMap(({ segment, schema }) =>
	objectRoutes(`/rest/v1/${segment}`, (_request, context) => crmObjectsOf(context).standard(schema.apiName)),
);
