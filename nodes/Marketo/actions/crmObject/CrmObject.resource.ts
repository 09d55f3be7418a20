import type { MarketoResource } from '../resources';
import { objectResource } from './objectResource';
import { STANDARD_OBJECT_KINDS } from './objectKinds';

/** Company, Named Account, Opportunity, Opportunity Role and Sales Person: one resource per row of the table. */
export const CRM_OBJECT_RESOURCES: MarketoResource[] = STANDARD_OBJECT_KINDS.map((kind) => objectResource(kind));
