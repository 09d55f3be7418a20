/**
 * Runs a real n8n workflow in process with n8n-core's WorkflowExecute, the way the n8n CLI
 * does for a manual execution (`WorkflowExecute.run({ workflow, startNode })`), with a
 * CredentialsHelper backed by a CredentialStore.
 */
import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { UnexpectedError, Workflow, createRunExecutionData } from 'n8n-workflow';

import type { CredentialStore } from './credential-store';
import { HarnessCredentialsHelper } from './credentials-helper';
import { ensureEnvironment } from './environment';
import {
	HarnessCredentialTypes,
	HarnessNodeTypes,
	START_NODE_TYPE,
	createStartNodeType,
} from './types-registry';

export interface RunWorkflowOptions {
	/** Our node type(s), keyed by the type name used in the workflow JSON, e.g. 'n8n-nodes-marketo.marketo'. */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	/** Our credential type(s). */
	credentialTypes: ICredentialType[];
	/** The "database" of credentials; may be shared by concurrent runs. */
	credentials: CredentialStore;
	/** A normal n8n workflow JSON; it must contain one node of type START_NODE_TYPE. Not mutated. */
	workflow: { nodes: INode[]; connections: IConnections; settings?: IWorkflowSettings };
	/** Items the start node emits (default: its `items` parameter, else one empty item). */
	startItems?: IDataObject[];
	/** Execution mode (default 'manual', what the editor's "Execute workflow" uses). */
	mode?: WorkflowExecuteMode;
}

export interface WorkflowRunResult {
	runData: IRunData;
	/** The execution-level error (`resultData.error`), if the run failed. */
	error?: ExecutionError;
	/** The full IRun n8n-core returned (status, finished, lastNodeExecuted, ...). */
	run: IRun;
	/** Node names in the order they finished (from the `nodeExecuteAfter` hook). */
	executionOrder: string[];
	/**
	 * Items on one output of that node's last run. Throws if the node never ran, so a test
	 * cannot mistake "did not run" for "returned nothing".
	 */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error recorded on that node's last run, if any. */
	nodeError(nodeName: string): ExecutionError | undefined;
}

/** Workflow settings n8n gives a new workflow. */
const DEFAULT_SETTINGS: IWorkflowSettings = { executionOrder: 'v1' };

let executionCounter = 0;

/** n8n's base URLs for a default local instance (what the CLI's `getBase` derives). */
const BASE_URL = 'http://localhost:5678/';

function notAvailable(what: string): never {
	throw new UnexpectedError(`${what} is not available in the test harness`);
}

function buildResult(run: IRun, executionOrder: string[]): WorkflowRunResult {
	const { runData } = run.data.resultData;
	const lastTask = (nodeName: string) => runData[nodeName]?.at(-1);

	return {
		runData,
		error: run.data.resultData.error,
		run,
		executionOrder,
		output(nodeName, outputIndex = 0) {
			const task = lastTask(nodeName);
			if (task === undefined) {
				const reason = run.data.resultData.error
					? ` (execution failed: ${run.data.resultData.error.message})`
					: '';
				throw new Error(
					`Node "${nodeName}" did not run${reason}; nodes that ran: ${Object.keys(runData).join(', ') || 'none'}`,
				);
			}
			return task.data?.main?.[outputIndex] ?? [];
		},
		nodeError(nodeName) {
			return lastTask(nodeName)?.error;
		},
	};
}

/** What the CLI's `WorkflowExecuteAdditionalData.getBase` gives a run, minus what needs a database. */
export function buildAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	executionId: string,
	hooks: ExecutionLifecycleHooks | undefined,
	settings: IWorkflowSettings,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		...(hooks ? { hooks } : {}),
		restApiUrl: `${BASE_URL}rest`,
		instanceBaseUrl: BASE_URL,
		formWaitingBaseUrl: `${BASE_URL}form-waiting`,
		webhookBaseUrl: `${BASE_URL}webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}webhook-test`,
		variables: {},
		workflowSettings: settings,
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		setExecutionStatus: () => {},
		logAiEvent: () => {},
		executeWorkflow: async () => notAvailable('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => notAvailable('The task runner (Code node)'),
	};
}

export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunResult> {
	ensureEnvironment();

	const mode = options.mode ?? 'manual';
	const executionId = String(++executionCounter);

	if (START_NODE_TYPE in options.nodeTypes) {
		throw new UnexpectedError(`"${START_NODE_TYPE}" is the harness's own node type`);
	}
	const nodeTypes = new HarnessNodeTypes({
		...options.nodeTypes,
		[START_NODE_TYPE]: createStartNodeType(options.startItems),
	});
	const credentialsHelper = new HarnessCredentialsHelper(
		new HarnessCredentialTypes(options.credentialTypes),
		options.credentials,
	);

	// n8n-core writes into the nodes (parameter defaults) and the run data; keep the caller's
	// workflow untouched so it can be reused across (concurrent) runs.
	const { nodes, connections } = structuredClone({
		nodes: options.workflow.nodes,
		connections: options.workflow.connections,
	});
	const settings: IWorkflowSettings = { ...DEFAULT_SETTINGS, ...options.workflow.settings };

	const startNodes = nodes.filter((node) => node.type === START_NODE_TYPE && !node.disabled);
	if (startNodes.length !== 1) {
		throw new UnexpectedError(
			`The workflow must contain exactly one enabled "${START_NODE_TYPE}" node (found ${startNodes.length})`,
		);
	}

	const workflowId = `harness-workflow-${executionId}`;
	const workflow = new Workflow({
		id: workflowId,
		name: 'Harness workflow',
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings,
	});
	const startNode = workflow.getNode(startNodes[0].name)!;

	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});

	const additionalData = buildAdditionalData(credentialsHelper, executionId, hooks, settings);

	const workflowExecute = new WorkflowExecute(additionalData, mode);
	let run: IRun;
	try {
		run = await workflowExecute.run({ workflow, startNode });
	} catch (error) {
		// What the CLI's WorkflowRunner.processError records when the engine throws before or
		// outside node execution (e.g. WorkflowHasIssuesError for missing required parameters).
		const e = error as Error;
		run = {
			data: createRunExecutionData({
				resultData: {
					error: { ...e, message: e.message, stack: e.stack } as unknown as ExecutionError,
					runData: {},
				},
			}),
			finished: false,
			mode,
			startedAt: new Date(),
			stoppedAt: new Date(),
			status: 'error',
			storedAt: 'db',
		};
	}

	return buildResult(run, executionOrder);
}
