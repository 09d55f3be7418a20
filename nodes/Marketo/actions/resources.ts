import type { INodeProperties } from 'n8n-workflow';

import * as lead from './lead/Lead.resource';
import type { MarketoOperation } from './operation';
import * as usage from './usage/Usage.resource';

export interface MarketoResource {
	/** Shown in the Resource selector. */
	name: string;
	value: string;
	/** The operation selector and every operation's fields. */
	description: INodeProperties[];
	operations: Record<string, MarketoOperation>;
}

/** Every resource of the Marketo node, in selector order. Adding a resource = adding a line here. */
export const RESOURCES: MarketoResource[] = [
	{ name: 'Lead', value: 'lead', description: lead.description, operations: lead.leadOperations },
	{ name: 'Usage', value: 'usage', description: usage.description, operations: usage.usageOperations },
];
