import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { exchangeClientCredentials, type MarketoCredentialFields } from '../nodes/Marketo/transport/tokenExchange';

// The same normalisation as transport/endpoints.ts, as an n8n expression (credential tests can't call our code).
const INSTANCE_BASE_EXPRESSION =
	'{{ $credentials.restEndpoint.trim().replace(/\\/+$/, "").replace(/\\/rest$/i, "").replace(/\\/+$/, "") }}';

export class MarketoApi implements ICredentialType {
	name = 'marketoApi';

	displayName = 'Marketo API';

	documentationUrl = 'https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication';

	icon = { light: 'file:marketo.svg', dark: 'file:marketo.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'REST API Endpoint',
			name: 'restEndpoint',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://123-ABC-456.mktorest.com/rest',
			description: 'As shown in Marketo Admin > Integration > Web Services > REST API. With or without "/rest".',
		},
		{
			displayName: 'Identity Endpoint',
			name: 'identityEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://123-ABC-456.mktorest.com/identity',
			description:
				'As shown in Admin > Integration > Web Services > REST API. Leave empty to derive it from the REST API endpoint.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'From Admin > Integration > LaunchPoint > your custom service > View Details',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From Admin > Integration > LaunchPoint > your custom service > View Details',
		},
		{
			displayName: 'n8n Processes Sharing This Instance',
			name: 'processesSharingInstance',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description:
				"How many n8n processes run workflows with this Marketo instance at the same time. In queue mode: the workers, plus the main process if it runs executions too. Each process takes an equal share of the calls per 20 seconds, the concurrent calls and the daily call budget, so together they stay within Marketo's limits.",
		},
		{
			displayName: 'Adjust API Limits',
			name: 'adjustLimits',
			type: 'boolean',
			default: false,
			description:
				"Whether to lower the limits this credential uses. Marketo's limits are shared by every integration on the instance: lower them when others need part of the budget.",
		},
		{
			displayName: 'Calls per 20 Seconds',
			name: 'callsPer20Seconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description: "Marketo allows 100 per instance. Marketo suggests about 50 when other integrations share the instance.",
			displayOptions: { show: { adjustLimits: [true] } },
		},
		{
			displayName: 'Concurrent Calls',
			name: 'concurrentCalls',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 10,
			description: 'Marketo allows 10 in flight per instance. Marketo suggests about 5 when other integrations share the instance.',
			displayOptions: { show: { adjustLimits: [true] } },
		},
		{
			displayName: 'Daily Call Budget',
			name: 'dailyCallBudget',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50000,
			description:
				"Calls per day on this instance. n8n counts its own calls and, every few minutes while busy, reads Marketo's count (which includes other integrations); it stops before either reaches this budget. The day resets at 00:00 US Central time. Marketo gives 50,000 by default; some subscriptions have 10,000 or more.",
			displayOptions: { show: { adjustLimits: [true] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Expires At',
			name: 'tokenExpiresAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: 0,
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const token = await exchangeClientCredentials(
			this.helpers.httpRequest,
			credentials as unknown as MarketoCredentialFields,
			{ now: () => Date.now(), sleep },
		);
		return { ...token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// Proves identity (preAuthentication runs first) and the REST endpoint, and needs "Read-Only Lead".
	test: ICredentialTestRequest = {
		request: {
			baseURL: `=${INSTANCE_BASE_EXPRESSION}`,
			url: '/rest/v1/leads/describe.json',
			method: 'GET',
		},
		// n8n's tester reads both rule kinds from one list; its type only allows one kind per list.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'The REST API endpoint is not a Marketo REST API (HTTP 404). Copy it from Admin > Integration > Web Services.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errors[0].code',
					value: '603',
					message:
						"Access denied (Marketo 603). Give the API user's role at least the \"Read-Only Lead\" permission (Admin > Users & Roles) and check the IP allowlist in Admin > Web Services.",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: 'Marketo refused the test call. Check the REST API endpoint and the API user.',
				},
			},
		] as unknown as ICredentialTestRequest['rules'],
	};
}
