import type { INodeProperties } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import type { MarketoResource } from '../resources';
import { toOperation, type AssetCall } from './assetCall';

/** A resource of the node built from its calls: the operation selector (sorted by name) and every call's fields. */
export function assetResource(resource: { resource: string; displayName: string }, calls: AssetCall[]): MarketoResource {
	const operations: Record<string, MarketoOperation> = {};
	for (const call of calls) {
		if (operations[call.operation]) throw new Error(`${resource.resource}: operation "${call.operation}" is defined twice`);
		operations[call.operation] = toOperation(resource.resource, call);
	}
	const options = [...calls]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map(({ name, operation, description, action }) => ({ name, value: operation, description, action }));
	const defaultOperation = operations.get ? 'get' : options[0].value;
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.resource] } },
		options,
		default: defaultOperation,
	};
	return {
		name: resource.displayName,
		value: resource.resource,
		description: [selector, ...Object.values(operations).flatMap((operation) => operation.description)],
		operations,
	};
}
