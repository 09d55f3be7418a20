import { EXAMPLE_CREDENTIAL, loadExamples } from '../../scripts/lib/examples';
import { outputOf } from '../../scripts/lib/n8n';
import { chicagoDay } from '../emulator';
import { E2eSession, explain, type WorkflowRun } from './support/session';

const examples = loadExamples();
const MARKETO_NODE = 'n8n-nodes-marketo.marketo';

describe('examples/ in n8n 2.41, against the emulator through the official-spec contract proxy', () => {
	let session: E2eSession;

	beforeAll(async () => {
		session = await E2eSession.start({ seedLeads: 300 });
		await session.importWorkflows(examples.map(({ workflow }) => workflow));
	});

	afterAll(async () => {
		await session?.stop();
	});

	async function runSuccessfully(workflowId: string): Promise<WorkflowRun> {
		const run = await session.execute(workflowId);
		expect(run.violations).toEqual([]);
		if (run.exitCode !== 0 || run.result?.status !== 'success') throw new Error(`${workflowId} failed: ${explain(run)}`);
		return run;
	}

	it('every example is covered below and its Marketo nodes use the sandbox credential', () => {
		expect(examples.map(({ workflow }) => workflow.id).sort()).toEqual(['mktoLeadEnrich01', 'mktoUsageReport1']);
		for (const { workflow } of examples) {
			const marketoNodes = workflow.nodes.filter((node) => node.type === MARKETO_NODE);
			expect(marketoNodes.length).toBeGreaterThan(0);
			for (const node of marketoNodes) {
				expect(node).toMatchObject({ typeVersion: 1, credentials: { marketoApi: EXAMPLE_CREDENTIAL } });
			}
		}
	});

	it('lead enrichment: three sign-ups are looked up in one call, written in one call and added to a list in one call; the new one gets its company from its domain', async () => {
		const run = await runSuccessfully('mktoLeadEnrich01');

		expect(outputOf(run.result, 'Create or update leads')).toEqual([
			{ id: 1, status: 'updated' },
			{ id: 2, status: 'updated' },
			{ id: 301, status: 'created' },
		]);
		const api = run.calls.filter((call) => call.kind === 'api');
		expect(api.map((call) => `${call.method} ${call.path}`)).toEqual([
			'GET /rest/v1/leads.json',
			'POST /rest/v1/leads.json',
			'POST /rest/v1/lists/1002/leads.json',
		]);
		expect(api[0].query).toMatchObject({
			filterType: 'email',
			filterValues: 'olivia.martin@northwind.example,lucas.cohen@adatum.example,maya.lindqvist@bluewater-analytics.example',
		});
		expect(api[1].body).toEqual({
			action: 'createOrUpdate',
			lookupField: 'email',
			input: [
				{ email: 'olivia.martin@northwind.example', firstName: 'Olivia', lastName: 'Martin', company: 'Northwind Traders' },
				{ email: 'lucas.cohen@adatum.example', firstName: 'Lucas', lastName: 'Cohen', company: 'Adatum Software' },
				{ email: 'maya.lindqvist@bluewater-analytics.example', firstName: 'Maya', lastName: 'Lindqvist', company: 'Bluewater Analytics' },
			],
		});
		expect(session.emulator.leads.get(301)).toMatchObject({ email: 'maya.lindqvist@bluewater-analytics.example', company: 'Bluewater Analytics' });
		expect(outputOf(run.result, 'Add to "Webinar 2026 Invitees"')).toEqual([
			{ listId: 1002, leadId: 1, status: 'added' },
			{ listId: 1002, leadId: 2, status: 'added' },
			{ listId: 1002, leadId: 301, status: 'added' },
		]);
	});

	it('scheduled usage report: daily and 7-day usage and errors, one summary item per day', async () => {
		const run = await runSuccessfully('mktoUsageReport1');

		expect(Object.keys(run.result?.data.resultData.runData ?? {})).toEqual([
			'Run now',
			'Usage today',
			'Usage, last 7 days',
			'Errors today',
			'Errors, last 7 days',
			'One summary per day',
		]);
		const api = run.calls.filter((call) => call.kind === 'api');
		expect(api.map((call) => `${call.method} ${call.path}`)).toEqual([
			'GET /rest/v1/stats/usage.json',
			'GET /rest/v1/stats/usage/last7days.json',
			'GET /rest/v1/stats/errors.json',
			'GET /rest/v1/stats/errors/last7days.json',
		]);
		const summaries = outputOf(run.result, 'One summary per day');
		const dates = summaries.map((summary) => String(summary.date));
		expect(dates).toEqual([...new Set(dates)].sort());
		const today = summaries.find((summary) => summary.date === chicagoDay(Date.now()));
		// Today's count is what Marketo reported when "Usage today" ran: every call so far, that one included.
		const callsToday = session.emulator.apiCalls().length - 3;
		expect(today).toMatchObject({
			totalCalls: callsToday,
			callsByUser: { 'marketo-api@123-ABC-456.mktorest.com': callsToday },
			quotaUsedPercent: Math.round((callsToday / 50_000) * 1000) / 10,
		});
		expect(summaries.every((summary) => typeof summary.totalErrors === 'number' && typeof summary.errors === 'object')).toBe(true);
	});
});
