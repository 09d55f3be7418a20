import { objectResource } from '../crmObject/objectResource';
import type { MarketoResource } from '../resources';
import { CUSTOM_OBJECT_KIND } from './customObjectKind';
import * as listTypes from './listTypes.operation';

/** Custom objects: the shared object operations on the chosen type, plus List Types. */
export const CUSTOM_OBJECT_RESOURCE: MarketoResource = objectResource(CUSTOM_OBJECT_KIND, {
	listTypes: {
		option: {
			name: 'List Types',
			value: 'listTypes',
			description: "List the instance's custom object types with their API names, dedupe fields and searchable fields",
			action: 'List custom object types',
		},
		operation: listTypes,
	},
});
