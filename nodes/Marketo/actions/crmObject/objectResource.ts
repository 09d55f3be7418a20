import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import type { MarketoResource } from '../resources';
import { deleteOperation } from './delete.operation';
import { describeOperation } from './describe.operation';
import { getManyOperation } from './getMany.operation';
import type { ObjectKind } from './objectKinds';
import { upsertOperation } from './upsert.operation';

interface ExtraOperation {
	option: INodePropertyOptions;
	operation: MarketoOperation;
}

const withCaveat = (kind: ObjectKind, text: string) => (kind.caveat ? `${text} (${kind.caveat})` : text);

function sharedOptions(kind: ObjectKind): INodePropertyOptions[] {
	const { displayName, pluralName, idField } = kind;
	const one = displayName.toLowerCase();
	return [
		{
			name: 'Create or Update',
			value: 'upsert',
			description: withCaveat(kind, `Create ${pluralName} or update existing ones matched by their dedupe fields or ${idField}, 300 per call`),
			action: `Create or update a ${one}`,
		},
		{
			name: 'Delete',
			value: 'delete',
			description: withCaveat(kind, `Delete ${pluralName} by their dedupe fields or ${idField}, 300 per call`),
			action: `Delete a ${one}`,
		},
		{
			name: 'Describe',
			value: 'describe',
			description: `Get the ${one} fields, the searchable fields and the dedupe key`,
			action: `Describe the ${one} object`,
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: `Get ${pluralName} whose searchable field matches the given values`,
			action: `Get many ${pluralName}`,
		},
	];
}

/**
 * The resource of one object kind: the four shared operations (Create or Update, Delete, Describe,
 * Get Many) built from the kind's row in the table, plus any operation only this kind has.
 */
export function objectResource(kind: ObjectKind, extra: Record<string, ExtraOperation> = {}): MarketoResource {
	const operations: Record<string, MarketoOperation> = {
		upsert: upsertOperation(kind),
		delete: deleteOperation(kind),
		describe: describeOperation(kind),
		getMany: getManyOperation(kind),
		...Object.fromEntries(Object.entries(extra).map(([value, { operation }]) => [value, operation])),
	};
	const options = [...sharedOptions(kind), ...Object.values(extra).map(({ option }) => option)].sort((a, b) => a.name.localeCompare(b.name));
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [kind.resource] } },
		options,
		default: 'getMany',
	};
	return {
		name: kind.displayName,
		value: kind.resource,
		description: [selector, ...Object.values(operations).flatMap((operation) => operation.description)],
		operations,
	};
}
