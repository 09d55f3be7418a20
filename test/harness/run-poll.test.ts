import type { IDataObject, INodeExecutionData, INodeType, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CredentialStore, PollingWorkflow } from './index';

/** Counts its polls in static data; emits the count when the `emitEvery` divides it; fails when told. */
const counter: INodeType = {
	description: {
		displayName: 'Counter Trigger',
		name: 'counterTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Counts polls',
		defaults: { name: 'Counter' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Emit Every', name: 'emitEvery', type: 'number', default: 2 },
			{ displayName: 'Fail', name: 'fail', type: 'boolean', default: false },
		],
	},
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getNodeParameter('fail', false)) throw new Error('configured to fail');
		const mode = this.getMode();
		if (mode === 'manual') return [[{ json: { mode } }]];
		const data = this.getWorkflowStaticData('node');
		data.polls = Number(data.polls ?? 0) + 1;
		return Number(data.polls) % Number(this.getNodeParameter('emitEvery', 2)) === 0 ? [[{ json: { polls: data.polls, mode } }]] : null;
	},
};

const workflow = (parameters = {}, staticData?: IDataObject) =>
	new PollingWorkflow({
		nodeTypeName: 'test.counterTrigger',
		nodeType: counter,
		credentialTypes: [],
		credentials: new CredentialStore([]),
		parameters,
		nodeCredentials: {},
		nodeName: 'Counter',
		staticData,
	});

describe('PollingWorkflow: a polling trigger run as n8n runs it', () => {
	it('saves static data on activation and when a poll emits, not after a poll that emits nothing', async () => {
		const trigger = workflow();
		expect(await trigger.activate()).toMatchObject({ items: null, saved: true });
		expect(trigger.nodeStaticData()).toEqual({ polls: 1 });
		expect(await trigger.poll()).toMatchObject({ items: [{ polls: 2, mode: 'trigger' }], saved: true });
		expect(await trigger.poll()).toMatchObject({ items: null, saved: false });
		expect(trigger.nodeStaticData()).toEqual({ polls: 2 });
		// In memory the workflow goes on from 3 ...
		expect((await trigger.poll()).items).toEqual([{ polls: 4, mode: 'trigger' }]);
	});

	it('a restart loses what was not saved; a new workflow from the stored data goes on from it', async () => {
		const trigger = workflow();
		await trigger.activate();
		await trigger.poll();
		await trigger.poll();
		await trigger.restart();
		expect(trigger.nodeStaticData()).toEqual({ polls: 3 });
		expect((await workflow({}, trigger.stored).activate('init')).items).toEqual([{ polls: 4, mode: 'trigger' }]);
	});

	it('a manual poll runs in manual mode and saves nothing; a failing first poll fails the activation', async () => {
		const trigger = workflow();
		expect(await trigger.manual()).toMatchObject({ items: [{ mode: 'manual' }], saved: false });
		expect(trigger.stored).toEqual({});
		await expect(workflow({ fail: true }).activate()).rejects.toThrow('configured to fail');
	});
});
