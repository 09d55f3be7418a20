import type { INodeProperties } from 'n8n-workflow';

import type { MarketoOperation } from '../operation';
import * as apiCall from './apiCall.operation';

export const customApiCallOperations: Record<string, MarketoOperation> = { apiCall };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [
			{
				name: 'Make an API Call',
				value: 'apiCall',
				description:
					"Call any Marketo REST or bulk endpoint (a path under /rest/ or /bulk/) that this node has no operation for, with the node's credential, token renewal, rate limits and retries. Returns Marketo's JSON answer; file uploads and CSV downloads are not supported.",
				action: 'Make an API call',
			},
		],
		default: 'apiCall',
	},
	...apiCall.description,
];
