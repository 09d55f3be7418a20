import { EXAMPLE_CREDENTIAL } from '../../../scripts/lib/examples';
import type { WorkflowJson } from '../../../scripts/lib/n8n';

export const MARKETO_NODE_TYPE = 'n8n-nodes-marketo.marketo';

/** Manual Trigger → one Marketo node named "Marketo": the smallest workflow `n8n execute` runs. */
export function singleMarketoNodeWorkflow(
	id: string,
	parameters: Record<string, unknown>,
	credential: { id: string; name: string } = EXAMPLE_CREDENTIAL,
): WorkflowJson {
	return {
		id,
		name: `e2e ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-trigger`, name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-marketo`,
				name: 'Marketo',
				type: MARKETO_NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: { marketoApi: credential },
			},
		],
		connections: { 'Run now': { main: [[{ node: 'Marketo', type: 'main', index: 0 }]] } },
	};
}
