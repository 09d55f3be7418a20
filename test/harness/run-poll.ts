/**
 * Runs a polling trigger the way n8n runs it, with n8n-core's own PollContext:
 * - activation (ActiveWorkflows.activatePolling) builds one Workflow from the stored workflow,
 *   static data included, and one PollContext, runs a first poll at once (an error fails the
 *   activation), and ActiveWorkflowManager.add then saves the static data;
 * - every later poll reuses that Workflow and PollContext (mode 'trigger'); n8n saves the static
 *   data to its database only when a poll emits items (the `__emit` of its poll functions);
 * - "Fetch Test Event" in the editor runs `poll()` in mode 'manual' on a Workflow of its own and
 *   saves nothing;
 * - a restart (or crash) loses whatever was not saved, and activates again from the database.
 */
import { PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, WorkflowActivateMode, WorkflowExecuteMode } from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials-helper';
import { ensureEnvironment } from './environment';
import type { LoadOptionsRequest } from './load-options';
import { buildAdditionalData } from './run-workflow';
import { HarnessCredentialTypes, HarnessNodeTypes } from './types-registry';

/** The node as loadOptions takes it (without a method), its name, and the stored static data. */
export interface PollingWorkflowOptions extends Omit<LoadOptionsRequest, 'method'> {
	nodeName?: string;
	/** The static data the database holds for the workflow (default: none, a new workflow). */
	staticData?: IDataObject;
}

export interface PollOutcome {
	/** The items of the poll's first output; null when the poll had nothing to emit. */
	items: IDataObject[] | null;
	/** Whether n8n would have saved the workflow's static data after this poll. */
	saved: boolean;
	/** What the node logged as warnings during the poll. */
	warnings: string[];
}

interface Activation {
	workflow: Workflow;
	context: PollContext;
}

const DATA_CHANGED = '__dataChanged';

/** Static data as n8n's database holds it: plain JSON, without the ObservableObject's change flag. */
function storable(value: unknown): IDataObject {
	return JSON.parse(JSON.stringify(value, (key, entry: unknown) => (key === DATA_CHANGED ? undefined : entry))) as IDataObject;
}

export class PollingWorkflow {
	/** What n8n's database holds for the workflow's static data. */
	stored: IDataObject;
	private active?: Activation;
	private readonly nodeName: string;

	constructor(private readonly options: PollingWorkflowOptions) {
		this.stored = structuredClone(options.staticData ?? {});
		this.nodeName = options.nodeName ?? 'Trigger';
	}

	/** The workflow's static data for this node, as stored. */
	nodeStaticData(): IDataObject | undefined {
		return this.stored[`node:${this.nodeName}`] as IDataObject | undefined;
	}

	/** Activates the workflow: a first poll at once; its error fails the activation. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<PollOutcome> {
		if (this.active) throw new UnexpectedError('The workflow is already active');
		const workflow = this.buildWorkflow(true);
		const context = this.buildContext(workflow, 'trigger', activation);
		const outcome = await this.run(context);
		this.active = { workflow, context };
		this.save(workflow);
		return { ...outcome, saved: true };
	}

	/** One scheduled poll of the active workflow. */
	async poll(): Promise<PollOutcome> {
		if (!this.active) throw new UnexpectedError('Activate the workflow before polling');
		const outcome = await this.run(this.active.context);
		if (outcome.items !== null) this.save(this.active.workflow);
		return { ...outcome, saved: outcome.items !== null };
	}

	/** n8n stops without saving anything more (a crash, a restart) and activates the workflow again on start-up. */
	async restart(): Promise<PollOutcome> {
		this.active = undefined;
		return await this.activate('init');
	}

	/** "Fetch Test Event" in the editor: a manual poll on a workflow of its own; nothing is saved. */
	async manual(): Promise<PollOutcome> {
		const workflow = this.buildWorkflow(false);
		return await this.run(this.buildContext(workflow, 'manual', 'manual'));
	}

	private buildWorkflow(active: boolean): Workflow {
		const node: INode = {
			id: 'trigger',
			name: this.nodeName,
			type: this.options.nodeTypeName,
			typeVersion: 1,
			position: [0, 0],
			parameters: structuredClone(this.options.parameters),
			credentials: this.options.nodeCredentials,
		};
		return new Workflow({
			id: 'harness-polling-workflow',
			name: 'Harness polling workflow',
			nodes: [node],
			connections: {},
			active,
			nodeTypes: new HarnessNodeTypes({ [this.options.nodeTypeName]: this.options.nodeType }),
			staticData: structuredClone(this.stored),
			settings: { executionOrder: 'v1' },
		});
	}

	private buildContext(workflow: Workflow, mode: WorkflowExecuteMode, activation: WorkflowActivateMode): PollContext {
		ensureEnvironment();
		const helper = new HarnessCredentialsHelper(new HarnessCredentialTypes(this.options.credentialTypes), this.options.credentials);
		const additionalData = buildAdditionalData(helper, `poll-${mode}`, undefined, { executionOrder: 'v1' });
		return new PollContext(workflow, workflow.getNode(this.nodeName) as INode, additionalData, mode, activation);
	}

	private async run(context: PollContext): Promise<Omit<PollOutcome, 'saved'> & { saved: false }> {
		const { logger } = ensureEnvironment();
		// The logger keeps its latest entries only: find where this poll's begin by the last one before it.
		const before = logger.entries.at(-1);
		const poll = this.options.nodeType.poll;
		if (!poll) throw new UnexpectedError(`${this.options.nodeTypeName} has no poll()`);
		const data: INodeExecutionData[][] | null = await poll.call(context);
		const warnings = logger.entries
			.slice(before === undefined ? 0 : logger.entries.indexOf(before) + 1)
			.filter((entry) => entry.level === 'warn')
			.map((entry) => entry.message);
		return { items: data === null ? null : (data[0] ?? []).map((item) => item.json), saved: false, warnings };
	}

	private save(workflow: Workflow): void {
		const staticData = workflow.staticData as IDataObject;
		if (staticData[DATA_CHANGED] !== true) return;
		this.stored = storable(staticData);
		staticData[DATA_CHANGED] = false;
	}
}
