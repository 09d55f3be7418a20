import { NodeHelpers, type INode, type INodeTypeDescription } from 'n8n-workflow';

import { findOfficialOperation, officialOperations } from '../../scripts/lib/officialSpec';
import type { WorkflowJson } from '../../scripts/lib/n8n';
import { N8nServer } from '../../scripts/lib/n8nServer';
import { freePort } from '../../scripts/lib/processes';
import type { RecordedCall } from '../emulator';
import { ASSET_SEARCHES, COVERED_IN_PROCESS, DROPDOWN_CONTEXTS, LIST_SEARCH_CONTEXTS, SAMPLES } from './support/operationSamples';
import { E2eSession, explain, type WorkflowRun } from './support/session';
import { MARKETO_NODE_TYPE, singleMarketoNodeWorkflow } from './support/workflows';

// n8n adds this to every node whose credential can authenticate a generic request; it hands over to the HTTP Request node.
const N8N_CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

interface Property {
	name: string;
	displayOptions?: { show?: { resource?: string[] } };
	options?: Array<{ value?: string } & Partial<Property>>;
	values?: Property[];
	typeOptions?: { loadOptionsMethod?: string };
	modes?: Array<{ typeOptions?: { searchListMethod?: string } }>;
}

const official = officialOperations();

/** Every request the emulator received that no official file defines, or that tunnels GET through POST. */
function unofficial(calls: RecordedCall[]): string[] {
	return calls
		.filter((call) => call.method !== call.effectiveMethod || !findOfficialOperation(call.method, call.path, official))
		.map((call) => `${call.method} ${call.path}${call.method !== call.effectiveMethod ? ` (as ${call.effectiveMethod})` : ''}`);
}

describe('every operation the node offers in n8n 2.41 sends only requests defined in the official OpenAPI files', () => {
	let session: E2eSession;
	let properties: Property[];
	let run: WorkflowRun;
	let issues: Record<string, string[]>;

	beforeAll(async () => {
		session = await E2eSession.start({ seedLeads: 20 });
		const marketo = (await session.n8n.nodeTypes()).find((type) => type.name === MARKETO_NODE_TYPE);
		if (!marketo) throw new Error(`n8n did not load ${MARKETO_NODE_TYPE}`);
		properties = marketo.properties as Property[];
		issues = Object.fromEntries(Object.keys(SAMPLES).map((key) => [key, parameterIssues(marketo as unknown as INodeTypeDescription, key)]));
		// One execution for all samples (one n8n start instead of one per operation); each node's calls are told apart by when it ran.
		// n8n refuses to start a workflow in which any node misses a required parameter, so such samples stay out.
		await session.importWorkflows([everySampleWorkflow(Object.keys(SAMPLES).filter((key) => issues[key].length === 0))]);
		run = await session.execute(EVERY_SAMPLE_ID);
		if (!run.result) throw new Error(`the samples workflow did not run: ${explain(run)}`);
	});

	afterAll(async () => {
		await session?.stop();
	});

	it('the node n8n loaded offers exactly the operations sampled here', () => {
		const offered = properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.displayOptions?.show?.resource ?? []).filter((resource) => !COVERED_IN_PROCESS.has(String(resource))).flatMap((resource) =>
					(property.options ?? []).map((option) => option.value).filter((value) => value !== N8N_CUSTOM_API_CALL).map((value) => `${resource}:${value}`),
				),
			);
		expect(offered.sort()).toEqual(Object.keys(SAMPLES).sort());
	});

	// The contract is about what n8n sends; whether the emulator can serve the endpoint yet is the workflow tests' business.
	/** Whether `at` falls in the time the sample's node ran. */
	function duringNode(key: string): (at: number) => boolean {
		const nodeRun = run.result?.data.resultData.runData[key]?.[0];
		if (!nodeRun) throw new Error(`${key} did not run: ${explain(run)}`);
		return (at) => at >= nodeRun.startTime && at <= nodeRun.startTime + nodeRun.executionTime;
	}

	it.each(Object.keys(SAMPLES))('%s', (key) => {
		expect(issues[key]).toEqual([]);
		const during = duringNode(key);
		const nodeRun = run.result?.data.resultData.runData[key]?.[0];

		expect(session.proxy.refusals().filter((refusal) => during(refusal.at)).map((refusal) => refusal.text)).toEqual([]);
		const calls = run.calls.filter((call) => during(call.startedAt));
		expect(unofficial(calls)).toEqual([]);
		if (!calls.some((call) => call.kind === 'api')) throw new Error(`${key} sent no API call; it failed with: ${nodeRun?.error?.message ?? 'no error'}`);
	});

	it('every call came from one of the samples, and Prism flagged nothing it forwarded', () => {
		const windows = Object.keys(SAMPLES).filter((key) => issues[key].length === 0).map(duringNode);
		expect(run.calls.filter((call) => !windows.some((during) => during(call.startedAt))).map((call) => `${call.method} ${call.path}`)).toEqual([]);
		expect(unofficial(run.calls)).toEqual([]);
		expect(session.proxy.violations().filter((violation) => violation.includes('Violation: request'))).toEqual([]);
	});

	describe('in the editor of a running n8n', () => {
		let server: N8nServer;

		beforeAll(async () => {
			server = await N8nServer.start(session.n8n, { port: await freePort(), logFile: `${session.workDir}/n8n-server.log` });
			await server.login();
		});

		afterAll(async () => {
			await server?.stop();
		});

		it('every dropdown the node loads from Marketo has a context here', () => {
			expect([...new Set(loadOptionsMethods(properties))].sort()).toEqual(Object.keys(DROPDOWN_CONTEXTS).sort());
		});

		it.each(Object.keys(DROPDOWN_CONTEXTS))('the %s dropdown loads, with official requests only', async (methodName) => {
			const callsBefore = session.emulator.calls.length;
			const violationsBefore = session.proxy.violations().length;
			const { data } = await server.post<{ data: Array<{ name: string; value: string }> }>('/rest/dynamic-node-parameters/options', {
				path: 'parameters.dropdown',
				methodName,
				nodeTypeAndVersion: { name: MARKETO_NODE_TYPE, version: 1 },
				currentNodeParameters: DROPDOWN_CONTEXTS[methodName],
				credentials: { marketoApi: { id: session.credential().id, name: session.credential().name } },
			});

			expect(data.length).toBeGreaterThan(0);
			// Dropdowns are cached for a day, so only the first one to need the describe call makes it.
			expect(unofficial(session.emulator.calls.slice(callsBefore))).toEqual([]);
			expect(session.proxy.violations().slice(violationsBefore)).toEqual([]);
		});

		it('every resource-locator search of the node has a context here', () => {
			expect([...new Set(searchListMethods(properties))].filter((name) => !ASSET_SEARCHES.has(name)).sort()).toEqual(Object.keys(LIST_SEARCH_CONTEXTS).sort());
		});

		it.each(Object.keys(LIST_SEARCH_CONTEXTS))('the %s search answers, with official requests only', async (methodName) => {
			const callsBefore = session.emulator.calls.length;
			const violationsBefore = session.proxy.violations().length;
			const { data } = await server.post<{ data: { results: unknown[] } }>('/rest/dynamic-node-parameters/resource-locator-results', {
				path: 'parameters.locator',
				methodName,
				nodeTypeAndVersion: { name: MARKETO_NODE_TYPE, version: 1 },
				currentNodeParameters: LIST_SEARCH_CONTEXTS[methodName],
				credentials: { marketoApi: { id: session.credential().id, name: session.credential().name } },
			});

			expect(Array.isArray(data.results)).toBe(true);
			expect(unofficial(session.emulator.calls.slice(callsBefore))).toEqual([]);
			expect(session.proxy.violations().slice(violationsBefore)).toEqual([]);
		});

		it("the credential's Test succeeds through the contract proxy", async () => {
			const callsBefore = session.emulator.calls.length;
			const violationsBefore = session.proxy.violations().length;
			const { data } = await server.post<{ data: { status: string; message: string } }>('/rest/credentials/test', { credentials: session.credential() });

			expect(data).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(unofficial(session.emulator.calls.slice(callsBefore))).toEqual([]);
			expect(session.proxy.violations().slice(violationsBefore)).toEqual([]);
		});
	});
});

const EVERY_SAMPLE_ID = 'e2eEveryOperation';

function sampleNode(key: string, index: number) {
	const [resource, operation] = key.split(':');
	const { nodes: [, marketo] } = singleMarketoNodeWorkflow(`${EVERY_SAMPLE_ID}${index}`, { resource, operation, ...SAMPLES[key] });
	return { ...marketo, name: key, position: [220, index * 120], onError: 'continueRegularOutput' };
}

/** What n8n would say is wrong with the sample's parameters before running anything (a missing required one). */
function parameterIssues(description: INodeTypeDescription, key: string): string[] {
	const node = sampleNode(key, 0) as unknown as INode;
	const parameters = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
	const found = NodeHelpers.getNodeParametersIssues(description.properties, { ...node, parameters }, description);
	return Object.entries(found?.parameters ?? {}).flatMap(([name, messages]) => messages.map((message) => `${name}: ${message}`));
}

/** Manual Trigger → one Marketo node per sample, each on its own branch, each going on after an error. */
function everySampleWorkflow(keys: string[]): WorkflowJson {
	const nodes = keys.map(sampleNode);
	const trigger = { id: `${EVERY_SAMPLE_ID}-trigger`, name: 'Run now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		id: EVERY_SAMPLE_ID,
		name: 'e2e every operation',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [trigger, ...nodes],
		connections: { 'Run now': { main: [keys.map((key) => ({ node: key, type: 'main', index: 0 }))] } },
	};
}

function loadOptionsMethods(properties: Property[]): string[] {
	return properties.flatMap((property) => [
		...(property.typeOptions?.loadOptionsMethod ? [property.typeOptions.loadOptionsMethod] : []),
		...loadOptionsMethods((property.options ?? []).filter((option): option is Property => typeof option.name === 'string')),
		...loadOptionsMethods(property.values ?? []),
	]);
}

function searchListMethods(properties: Property[]): string[] {
	return properties.flatMap((property) => [
		...(property.modes ?? []).flatMap((mode) => (mode.typeOptions?.searchListMethod ? [mode.typeOptions.searchListMethod] : [])),
		...searchListMethods((property.options ?? []).filter((option): option is Property => typeof option.name === 'string')),
		...searchListMethods(property.values ?? []),
	]);
}
