/**
 * A CredentialsHelper that behaves like the n8n CLI's (packages/cli/src/credentials-helper.ts,
 * as shipped in n8n 2.41) for everything a community node package touches, backed by a
 * CredentialStore instead of the database. Not ported: dynamic (per-user) credentials, external
 * secrets, credential overwrites, AI-gateway credentials, OAuth pinned/DCR fields, and the
 * credential-owned domain allowlist on preAuthentication requests (n8n-core 2.11.1's
 * httpRequest has no `allowedDomains` option to enforce it with).
 */
import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
	isExpression,
} from 'n8n-workflow';

import type { CredentialStore, StoredCredential } from './credential-store';
import { ensureEnvironment } from './environment';
import type { HarnessCredentialTypes } from './types-registry';
import { HarnessNodeTypes } from './types-registry';

/** The CLI's CredentialMissingIdError / CredentialNotFoundError, same messages. */
export class CredentialNotFoundError extends UserError {
	constructor(credentialId: string, credentialType: string) {
		super(`Credential with ID "${credentialId}" does not exist for type "${credentialType}".`);
	}
}

export class CredentialMissingIdError extends UnexpectedError {
	constructor(credentialName: string, credentialType: string) {
		super('Found credential with no ID.', {
			extra: { credentialName },
			tags: { credentialType },
		});
	}
}

// Resolving expressions in credential data outside a node's context (no
// expressionResolveValues) uses a one-node throw-away workflow, as the CLI does.
const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};
const mockNodeType: INodeType = {
	description: {
		displayName: 'Mock',
		name: 'mock',
		group: [],
		version: 1,
		description: '',
		defaults: {},
		inputs: [],
		outputs: [],
		properties: [],
	},
};

/**
 * What the CLI passes as `this` to a credential type's preAuthentication: only
 * `helpers.httpRequest`, nothing else of the execution context.
 */
function preAuthenticationContext(helpers: IHttpRequestHelper): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions) =>
				await helpers.helpers.httpRequest(requestOptions),
		},
	};
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: HarnessCredentialTypes,
		private readonly store: CredentialStore,
	) {
		super();
		// getCredentials() encrypts with n8n-core's Cipher, which needs the InstanceSettings.
		ensureEnvironment();
	}

	getParentTypes(typeName: string): string[] {
		return this.credentialTypes.getParentTypes(typeName);
	}

	/** Adds the credential's authentication to a request (CLI: `authenticate`). */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const credentialType = this.credentialTypes.getByName(typeName);

		if (credentialType.authenticate) {
			if (typeof credentialType.authenticate === 'function') {
				return await credentialType.authenticate(credentials, requestOptions);
			}

			if (typeof credentialType.authenticate === 'object') {
				if (!workflow || !node) {
					throw new UnexpectedError(
						'Workflow and node are required for declarative credential authentication',
					);
				}
				const { authenticate } = credentialType;
				if (requestOptions.headers === undefined) requestOptions.headers = {};

				if (authenticate.type === 'generic') {
					const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
					for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
						for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
							const keyResolved = this.resolveValue(key, credentials, workflow, node);
							const valueResolved = this.resolveValue(value, credentials, workflow, node);
							if (!target[outerKey]) target[outerKey] = {};
							target[outerKey][keyResolved] = valueResolved;
						}
					}
				}
			}
		}

		return requestOptions;
	}

	/**
	 * CLI: `preAuthentication`. Runs the type's preAuthentication when its hidden `expirable`
	 * field is empty or the caller says the credentials expired, persists the output into the
	 * stored credential (the expirable field always; other fields only where the stored value is
	 * not an expression) and returns the in-memory credentials with the output merged in.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);

		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;

		// The CLI's credential test runs through a NoOp node with `temp: ''`.
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';

		if (typeof credentialType.preAuthentication === 'function') {
			if (
				credentials[expirableProperty.name] === '' ||
				credentialsExpired ||
				isTestingCredentials
			) {
				const output = await credentialType.preAuthentication.call(
					preAuthenticationContext(helpers),
					credentials,
				);

				// The CLI does exactly this: no expirable field in the output, nothing is stored
				// and the in-memory credentials are left as they are.
				if (output[expirableProperty.name] === undefined) return undefined;

				if (node.credentials) {
					const nodeCredentials = node.credentials[credentialType.name];
					const storedData = (
						await this.getCredentials(nodeCredentials, credentialType.name)
					).getData();

					const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
					for (const [key, value] of Object.entries(output)) {
						if (key === expirableProperty.name || !isExpression(storedData[key])) {
							dataToPersist[key] = value as ICredentialDataDecryptedObject[string];
						}
					}
					await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
					return Object.assign(credentials, output);
				}
			}
		}
		return undefined;
	}

	/** CLI: `runPreAuthentication` (used by the CLI's credential test path). */
	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(
			preAuthenticationContext(helpers),
			credentials,
		);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	/** The credential as n8n-core's Credentials object (data encrypted with the harness key). */
	async getCredentials(
		nodeCredential: INodeCredentialsDetails,
		type: string,
	): Promise<Credentials> {
		const entity = this.getCredentialsEntity(nodeCredential, type);
		const credentials = new Credentials({ id: entity.id, name: entity.name }, entity.type);
		credentials.setData(entity.data);
		return credentials;
	}

	/**
	 * CLI: `getDecrypted`. Re-reads the store every call; `raw` returns the stored data as is,
	 * otherwise defaults from the type's properties are applied (unknown and not-displayed
	 * fields dropped, as `NodeHelpers.getNodeParameters` does) and expressions are resolved.
	 */
	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const entity = this.getCredentialsEntity(nodeCredentials, type);
		const decryptedDataOriginal = entity.data;

		if (raw === true) return decryptedDataOriginal;

		return this.applyDefaultsAndOverwrites(
			additionalData,
			decryptedDataOriginal,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	private applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		const credentialsProperties = this.getCredentialsProperties(type);
		const storedData = { ...decryptedDataOriginal };

		let decryptedData = NodeHelpers.getNodeParameters(
			credentialsProperties,
			storedData as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}
		for (const key of ['allowedHttpRequestDomains', 'allowedDomains']) {
			if (decryptedData[key] === undefined && decryptedDataOriginal[key] !== undefined) {
				decryptedData[key] = decryptedDataOriginal[key];
			}
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, {
			secretsEnabled: false,
		});

		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: new HarnessNodeTypes({ mock: mockNodeType }),
			});
			decryptedData = workflow.expression.getComplexParameterValue(
				mockNode,
				decryptedData as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decryptedData,
			) as ICredentialDataDecryptedObject;
		}

		return decryptedData;
	}

	/** CLI: `updateCredentials` – replaces the stored data with `data`. */
	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const entity = this.getCredentialsEntity(nodeCredentials, type);
		this.store.write(entity.id, data);
	}

	/** CLI: `updateCredentialsOauthTokenData` – merges `oauthTokenData` into the stored data. */
	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const entity = this.getCredentialsEntity(nodeCredentials, type);
		this.store.write(entity.id, { ...entity.data, oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialTypeData = this.credentialTypes.getByName(type);

		if (credentialTypeData.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialTypeData.properties,
					{
						displayName: 'oauthTokenData',
						name: 'oauthTokenData',
						type: 'json',
						required: false,
						default: {},
					},
				];
			}
			return credentialTypeData.properties;
		}

		const combineProperties: INodeProperties[] = [];
		for (const credentialsTypeName of credentialTypeData.extends) {
			NodeHelpers.mergeNodeProperties(
				combineProperties,
				this.getCredentialsProperties(credentialsTypeName),
			);
		}
		NodeHelpers.mergeNodeProperties(combineProperties, credentialTypeData.properties);
		return combineProperties;
	}

	/** CLI: `getCredentialsEntity` – looked up by id and type, like the repository query. */
	private getCredentialsEntity(
		nodeCredential: INodeCredentialsDetails | undefined,
		type: string,
	): StoredCredential {
		if (!nodeCredential?.id) {
			throw new CredentialMissingIdError(nodeCredential?.name ?? '', type);
		}
		const entity = this.store.find(nodeCredential.id);
		if (entity === undefined || entity.type !== type) {
			throw new CredentialNotFoundError(nodeCredential.id, type);
		}
		return entity;
	}

	private resolveValue(
		parameterValue: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue as string;
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		if (!returnValue) return '';
		return returnValue.toString();
	}
}
