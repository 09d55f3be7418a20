import { EXAMPLE_CREDENTIAL } from '../../scripts/lib/examples';
import type { WorkflowJson } from '../../scripts/lib/n8n';
import { N8nServer } from '../../scripts/lib/n8nServer';
import { freePort, waitUntil } from '../../scripts/lib/processes';
import { decodeFeedToken } from '../emulator/activities/feedToken';
import { E2eSession } from './support/session';
import { MARKETO_NODE_TYPE } from './support/workflows';

const WORKFLOW_ID = 'e2eTriggerNewLead01';
// Polls run every minute; the limits leave room for a busy machine to miss one.
const MINUTE = 60_000;
const ACTIVATION_WAIT_MS = 3 * MINUTE;
const FIRST_POLL_WAIT_MS = 3 * MINUTE;
const NEW_LEAD_WAIT_MS = 4 * MINUTE;
const TRIGGER_TYPE = 'n8n-nodes-marketo.marketoTrigger';

/** Marketo Trigger (New Lead, every minute) → Marketo: Lead → Get of the lead the trigger delivered. */
function newLeadWorkflow(): WorkflowJson {
	const credentials = { marketoApi: EXAMPLE_CREDENTIAL };
	return {
		id: WORKFLOW_ID,
		name: 'e2e Marketo Trigger: new lead',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${WORKFLOW_ID}-trigger`,
				name: 'Marketo Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newLead' },
				credentials,
			},
			{
				id: `${WORKFLOW_ID}-get`,
				name: 'Get Lead',
				type: MARKETO_NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'lead', operation: 'get', leadId: '={{ $json.leadId }}' },
				credentials,
			},
		],
		connections: { 'Marketo Trigger': { main: [[{ node: 'Get Lead', type: 'main', index: 0 }]] } },
	};
}

/**
 * `n8n execute` starts a workflow only from a Manual Trigger, so it cannot run a polling trigger;
 * its manual mode ("Fetch Test Event") is covered in process (test/workflows/trigger.test.ts,
 * n8n-core's PollContext). Here a real n8n activates a published workflow on start-up and runs
 * its scheduled polls, every request passing the official-spec contract proxy.
 */
describe('the Marketo Trigger in a running n8n 2.41', () => {
	let session: E2eSession;
	let server: N8nServer | undefined;
	const calls = (path: string) => session.emulator.apiCalls().filter((call) => call.effectiveMethod === 'GET' && call.path === path);

	beforeAll(async () => {
		session = await E2eSession.start({ seedLeads: 5 });
		await session.importWorkflows([newLeadWorkflow()]);
		await session.n8n.cliChecked(['publish:workflow', `--id=${WORKFLOW_ID}`]);
		server = await N8nServer.start(session.n8n, { port: await freePort(), logFile: `${session.workDir}/n8n-trigger.log` });
	});

	afterAll(async () => {
		await server?.stop();
		await session?.stop();
	});

	it('n8n loads it as a polling trigger with the Marketo API credential', async () => {
		const trigger = (await session.n8n.nodeTypes()).find((type) => type.name === TRIGGER_TYPE) as { polling?: boolean; credentials?: unknown } | undefined;
		expect(trigger).toMatchObject({ polling: true, credentials: [{ name: 'marketoApi', required: true }] });
	});

	it('activation asks Marketo for a paging token for now and reads nothing; the scheduled polls go on from that token', async () => {
		await waitUntil('the activation poll', async () => calls('/rest/v1/activities/pagingtoken.json').length > 0, { timeoutMs: ACTIVATION_WAIT_MS });
		const [token] = calls('/rest/v1/activities/pagingtoken.json');
		const since = Date.parse(token.query.sinceDatetime);
		expect(Math.abs(since - Date.now())).toBeLessThan(120_000);

		await waitUntil('the first scheduled poll', async () => calls('/rest/v1/activities.json').length > 0, { timeoutMs: FIRST_POLL_WAIT_MS, intervalMs: 1_000 });
		const [first] = calls('/rest/v1/activities.json');
		expect(first.startedAt).toBeGreaterThan(token.startedAt);
		// The emulator's tokens encode their position: the first poll starts exactly where activation put it.
		expect(decodeFeedToken(first.query.nextPageToken)).toMatchObject({ at: Math.floor(since / 1000) * 1000, id: 0 });
		expect(calls('/rest/v1/activities/pagingtoken.json')).toHaveLength(1);
	}, ACTIVATION_WAIT_MS + FIRST_POLL_WAIT_MS + MINUTE);

	it('a scheduled poll delivers a lead created since, once, and the workflow runs with it', async () => {
		const lead = session.emulator.leads.insert({ email: 'trigger.e2e@example.com', firstName: 'Tria', lastName: 'Lee' });
		const lookups = () => calls('/rest/v1/leads.json').filter((call) => call.query.filterType === 'id' && call.query.filterValues === String(lead.id));

		// Polls run every minute: allow for one full minute and the execution, and more on a busy machine.
		await waitUntil('the workflow run for the new lead', async () => lookups().length > 0, { timeoutMs: NEW_LEAD_WAIT_MS, intervalMs: 1_000 });

		expect(calls('/rest/v1/activities.json').every((call) => call.query.activityTypeIds === '12')).toBe(true);
		expect(lookups()).toHaveLength(1);
		expect(session.proxy.refusals()).toEqual([]);
		expect(session.proxy.violations().filter((violation) => violation.includes('Violation: request'))).toEqual([]);
	}, NEW_LEAD_WAIT_MS + MINUTE);
});
