/**
 * One n8n process of the fleet, as a queue-mode worker is: it runs several executions at once,
 * in process (n8n-core's WorkflowExecute through the test harness), each "Lead → Create or
 * Update" of a batch of leads, one after the other until the parent says stop. Its Marketo node
 * module state (throttle, token) is its own, as in a real worker.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';

import { MarketoApi } from '../../credentials/MarketoApi.credentials';
import { Marketo } from '../../nodes/Marketo/Marketo.node';
import { CredentialStore, runWorkflow, START_NODE_TYPE } from '../harness';
import { ensureEnvironment } from '../harness/environment';

export interface WorkerPlan {
	name: string;
	/** The credential's data as saved in n8n (endpoint, client id and secret, limits). */
	credential: ICredentialDataDecryptedObject;
	/** Executions running at the same time in this process (n8n's worker concurrency). */
	executionsAtOnce: number;
	leadsPerExecution: number;
}

export interface WorkerReport {
	name: string;
	executions: number;
	items: number;
	failedItems: number;
	/** The first few failure messages. */
	failures: string[];
}

export type ToWorker = { type: 'go'; plan: WorkerPlan } | { type: 'stop' };
export type FromWorker = { type: 'ready' } | { type: 'done'; report: WorkerReport };

const CREDENTIAL = { id: 'queue-cred', name: 'Marketo (emulator)' };

function upsertWorkflow(): { nodes: INode[]; connections: IDataObject } {
	return {
		nodes: [
			{ id: 'start', name: 'Start', type: START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'marketo',
				name: 'Marketo',
				type: 'n8n-nodes-marketo.marketo',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'lead', operation: 'upsert', action: 'createOrUpdate', fieldsToSend: 'autoMapInputData' },
				credentials: { marketoApi: CREDENTIAL },
			},
		],
		connections: { Start: { main: [[{ node: 'Marketo', type: 'main', index: 0 }]] } },
	};
}

function leads(prefix: string, count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({ email: `${prefix}-${i}@example.com`, firstName: `First${i}` }));
}

async function runUntilStopped(plan: WorkerPlan, stopped: () => boolean): Promise<WorkerReport> {
	const report: WorkerReport = { name: plan.name, executions: 0, items: 0, failedItems: 0, failures: [] };
	const store = new CredentialStore([{ ...CREDENTIAL, type: 'marketoApi', data: plan.credential }]);
	const workflow = upsertWorkflow();
	const fail = (count: number, message: string) => {
		report.failedItems += count;
		if (report.failures.length < 5) report.failures.push(message);
	};
	const lane = async (laneIndex: number) => {
		const items = leads(`${plan.name}-lane${laneIndex}`, plan.leadsPerExecution);
		while (!stopped()) {
			const result = await runWorkflow({
				nodeTypes: { 'n8n-nodes-marketo.marketo': new Marketo() },
				credentialTypes: [new MarketoApi()],
				credentials: store,
				workflow: workflow as Parameters<typeof runWorkflow>[0]['workflow'],
				startItems: items,
			});
			report.executions++;
			report.items += items.length;
			if (result.error) {
				fail(items.length, result.error.message);
				continue;
			}
			const output = result.output('Marketo');
			const failed = output.filter((item) => item.json.error !== undefined);
			if (failed.length > 0) fail(failed.length, String(failed[0].json.error));
			if (output.length !== items.length) fail(items.length - output.length, `${output.length} items out for ${items.length} in`);
		}
	};
	await Promise.all(Array.from({ length: plan.executionsAtOnce }, async (_, i) => await lane(i)));
	return report;
}

function main(): void {
	ensureEnvironment();
	let stopping = false;
	const send = (message: FromWorker) => process.send?.(message);
	process.on('message', (message: ToWorker) => {
		if (message.type === 'stop') stopping = true;
		if (message.type === 'go') {
			void runUntilStopped(message.plan, () => stopping).then((report) => send({ type: 'done', report }));
		}
	});
	send({ type: 'ready' });
}

if (require.main === module) main();
