import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { RESOURCES } from './actions/resources';
import { router } from './actions/router';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class Marketo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Marketo',
		name: 'marketo',
		icon: { light: 'file:marketo.svg', dark: 'file:marketo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Read and write Marketo Engage: leads, activities, lists, campaigns, programs, CRM and custom objects, assets and API usage. Batches items (300 records per call) and stays within Marketo's rate, concurrency and daily limits.",
		defaults: { name: 'Marketo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'marketoApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES.map(({ name, value }) => ({ name, value })),
				default: 'lead',
			},
			...RESOURCES.flatMap((resource) => resource.description),
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
