import type { INodeProperties } from 'n8n-workflow';

import type { ObjectKind } from '../crmObject/objectKinds';

/** Custom object type API names are letters, digits and "_" (Marketo's rule), which also keeps the path safe. */
export const CUSTOM_OBJECT_NAME = /^[A-Za-z0-9_]+$/;

export const customObjectNameProperty: INodeProperties = {
	displayName: 'Custom Object Type Name or ID',
	name: 'customObjectName',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCustomObjectTypes' },
	required: true,
	default: '',
	description:
		'The custom object type (its API name, e.g. car_c). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Custom objects share the standard objects' shape under /rest/v1/customobjects/{apiName}; their key comes from describe. */
export const CUSTOM_OBJECT_KIND: ObjectKind = {
	resource: 'customObject',
	displayName: 'Custom Object',
	pluralName: 'custom object records',
	basePath: (customObjectName) => `/rest/v1/customobjects/${customObjectName ?? ''}`,
	idField: 'marketoGUID',
	leadingProperties: [customObjectNameProperty],
	typePerItem: true,
};
