import type {
	ICredentialType,
	ICredentialTypes,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, UnexpectedError, jsonParse } from 'n8n-workflow';

/** Type name of the harness's built-in start node. */
export const START_NODE_TYPE = 'harness.start';

const startNodeDescription: INodeTypeDescription = {
	displayName: 'Harness Start',
	name: START_NODE_TYPE,
	group: ['input'],
	version: 1,
	description: 'Emits the items given to runWorkflow (startItems) or its `items` parameter',
	defaults: { name: 'Start' },
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	properties: [
		{
			displayName: 'Items',
			name: 'items',
			type: 'json',
			default: '',
			description:
				'Items to emit (JSON array of objects, or one object) when runWorkflow gets no startItems',
		},
	],
};

function toItems(value: unknown): IDataObject[] {
	if (value === undefined || value === null || value === '') return [{}];
	const parsed: unknown =
		typeof value === 'string' ? jsonParse(value, { errorMessage: 'Start node: `items` is not valid JSON' }) : value;
	const list = Array.isArray(parsed) ? parsed : [parsed];
	return list.map((entry, index) => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new UnexpectedError(`Start node: item ${index} is not an object`);
		}
		return entry as IDataObject;
	});
}

/**
 * The start node: a regular (execute) node with no inputs. `startItems` given to runWorkflow
 * win over the node's `items` parameter; with neither it emits one empty item, as the
 * Manual Trigger does.
 */
export function createStartNodeType(startItems: IDataObject[] | undefined): INodeType {
	return {
		description: startNodeDescription,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items =
				startItems !== undefined
					? structuredClone(startItems)
					: toItems(this.getNodeParameter('items', 0, ''));
			return [items.map((json) => ({ json }))];
		},
	};
}

/** n8n's NodeTypes for one execution: our node types plus the start node. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType>;

	constructor(types: Record<string, INodeType | IVersionedNodeType>) {
		this.types = types;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (type === undefined) {
			throw new UnexpectedError(`Unrecognized node type: ${nodeType}`, {
				extra: { known: Object.keys(this.types) },
			});
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(Object.keys(this.types).map((name) => [name, {}]));
	}
}

/** n8n's CredentialTypes for the given credential type classes. */
export class HarnessCredentialTypes implements ICredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		for (const type of types) this.types.set(type.name, type);
	}

	recognizes(credentialType: string): boolean {
		return this.types.has(credentialType);
	}

	getByName(credentialType: string): ICredentialType {
		const type = this.types.get(credentialType);
		if (type === undefined) {
			throw new UnexpectedError(`Unrecognized credential type: ${credentialType}`);
		}
		return type;
	}

	getSupportedNodes(type: string): string[] {
		return this.types.get(type)?.supportedNodes ?? [];
	}

	/** All ancestors via `extends`, transitively (types not registered here end the chain). */
	getParentTypes(typeName: string): string[] {
		const result: string[] = [];
		const visit = (name: string) => {
			for (const parent of this.types.get(name)?.extends ?? []) {
				if (result.includes(parent)) continue;
				result.push(parent);
				visit(parent);
			}
		};
		visit(typeName);
		return result;
	}
}
