import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { upsertOnePerItem } from './naive';
import { credentialStore, leadItems, limitsOf, MARKETO_NODE, runMarketo, upsertFromItems, type MarketoInstance } from '../test/support/marketoRun';
import type { EmulatorReport } from './support/remoteEmulator';

/** Marketo's limit: 100 calls per 20 s per instance. */
const MARKETO_RATE_LIMIT = 100;
const WEBINAR_LIST = 1002; // a demo list of the emulator
const WELCOME_CAMPAIGN = 2001; // a demo campaign requestable through the API

export interface Scenario {
	name: string;
	/** Who sends the calls: this node, or a one-call-per-item loop (the baseline). */
	sender: 'node' | 'naive';
	items: number;
	/** Executions running at once; the items are split evenly between them. */
	executions: number;
	/** Marketo's records per call for the endpoint: the fewest calls are executions × ceil(items per execution / this). */
	recordsPerCall: number;
	/** Calls per 20 s, set both in the credential and in the emulator. */
	limit: number;
	/** Leads the emulator holds before the run (ids 1 to this). */
	seedLeads: number;
	/** Builds the items, then returns the timed work: it resolves to the number of items that failed or were lost. */
	prepare(instance: MarketoInstance): () => Promise<number>;
	/** What Marketo must hold afterwards; a sentence when it does not. */
	effect?(report: EmulatorReport): string | undefined;
}

const leadIds = (count: number) => Array.from({ length: count }, (_, i) => ({ id: i + 1 }));

type AnswerCheck = (input: IDataObject, output: IDataObject) => boolean;

/**
 * One execution of "start → Marketo" with Continue On Fail. Returns how many items failed: came
 * out as an error, not at all, or with an output that does not answer them.
 */
async function runNode(instance: MarketoInstance, limit: number, parameters: INodeParameters, items: IDataObject[], answers: AnswerCheck): Promise<number> {
	const store = credentialStore(instance, limit === MARKETO_RATE_LIMIT ? {} : limitsOf({ calls: limit }));
	const result = await runMarketo(parameters, { store, items, continueOnFail: true });
	if (result.error) return items.length;
	const answered = new Set<number>();
	for (const { json, pairedItem } of result.output(MARKETO_NODE)) {
		const index = (pairedItem as { item: number }).item;
		if (json.error === undefined && answers(items[index], json)) answered.add(index);
	}
	return items.length - answered.size;
}

function nodeScenario(
	name: string,
	options: Pick<Scenario, 'items' | 'recordsPerCall' | 'seedLeads' | 'effect'> & {
		executions?: number;
		limit?: number;
		parameters: INodeParameters;
		makeItems: (execution: number, count: number) => IDataObject[];
		answers?: AnswerCheck;
	},
): Scenario {
	const executions = options.executions ?? 1;
	const limit = options.limit ?? MARKETO_RATE_LIMIT;
	return {
		name,
		sender: 'node',
		items: options.items,
		executions,
		recordsPerCall: options.recordsPerCall,
		limit,
		seedLeads: options.seedLeads,
		effect: options.effect,
		prepare: (instance) => {
			const batches = Array.from({ length: executions }, (_, execution) => options.makeItems(execution, options.items / executions));
			return async () => {
				const failed = await Promise.all(batches.map(async (items) => await runNode(instance, limit, options.parameters, items, options.answers ?? (() => true))));
				return failed.reduce((sum, count) => sum + count, 0);
			};
		},
	};
}

function naiveScenario(name: string, items: number, intervalMs: number): Scenario {
	return {
		name,
		sender: 'naive',
		items,
		executions: 1,
		recordsPerCall: 1,
		limit: MARKETO_RATE_LIMIT,
		seedLeads: 0,
		prepare: (instance) => {
			const leads = leadItems(items);
			return async () => items - (await upsertOnePerItem(instance, leads, intervalMs)).applied;
		},
	};
}

const leadsWritten = (count: number) => (report: EmulatorReport) =>
	report.leads === count && report.distinctEmails === count ? undefined : `Marketo holds ${report.leads} leads (${report.distinctEmails} emails), not ${count}`;

const listHolds = (count: number) => (report: EmulatorReport) =>
	report.listMembers[WEBINAR_LIST] === count ? undefined : `the list holds ${report.listMembers[WEBINAR_LIST]} leads, not ${count}`;

const addToList: INodeParameters = {
	resource: 'staticList',
	operation: 'addLeads',
	listId: { __rl: true, mode: 'id', value: String(WEBINAR_LIST) },
	leadId: '={{ $json.id }}',
};

/** The scenarios of issue 7, in the order of the table; `scale` shrinks them for the warm-up. */
export function scenarios(scale = 1): Scenario[] {
	const n = (count: number) => Math.max(1, Math.round(count * scale));
	return [
		nodeScenario(`upsert ${n(10_000).toLocaleString('en-US')} leads`, {
			items: n(10_000),
			recordsPerCall: 300,
			seedLeads: 0,
			parameters: upsertFromItems(),
			makeItems: (_, count) => leadItems(count),
			effect: leadsWritten(n(10_000)),
		}),
		nodeScenario(`get ${n(3_000).toLocaleString('en-US')} leads by id`, {
			items: n(3_000),
			recordsPerCall: 300,
			seedLeads: n(3_000),
			parameters: { resource: 'lead', operation: 'get', leadId: '={{ $json.id }}' },
			makeItems: (_, count) => leadIds(count),
			answers: (input, output) => output.id === input.id,
		}),
		nodeScenario(`add ${n(3_000).toLocaleString('en-US')} leads to a list`, {
			items: n(3_000),
			recordsPerCall: 300,
			seedLeads: n(3_000),
			parameters: addToList,
			makeItems: (_, count) => leadIds(count),
			effect: listHolds(n(3_000)),
		}),
		nodeScenario(`request a campaign for ${n(1_000).toLocaleString('en-US')} leads`, {
			items: n(1_000),
			recordsPerCall: 100,
			seedLeads: n(1_000),
			parameters: {
				resource: 'campaign',
				operation: 'request',
				campaignId: { __rl: true, mode: 'id', value: String(WELCOME_CAMPAIGN) },
				leadId: '={{ $json.id }}',
			},
			makeItems: (_, count) => leadIds(count),
			effect: (report) =>
				report.campaignRequests[WELCOME_CAMPAIGN] === n(1_000) ? undefined : `${report.campaignRequests[WELCOME_CAMPAIGN]} leads requested, not ${n(1_000)}`,
		}),
		nodeScenario(`20 executions at once, each upserting ${n(500)} leads`, {
			items: 20 * n(500),
			executions: 20,
			recordsPerCall: 300,
			seedLeads: 0,
			parameters: upsertFromItems(),
			makeItems: (execution, count) => leadItems(count, `run${execution}-`),
			effect: leadsWritten(20 * n(500)),
		}),
		nodeScenario(`throttle-bound: upsert ${n(9_000).toLocaleString('en-US')} leads, limit lowered to 10 calls / 20 s`, {
			items: n(9_000),
			limit: 10,
			recordsPerCall: 300,
			seedLeads: 0,
			parameters: upsertFromItems(),
			makeItems: (_, count) => leadItems(count),
			effect: leadsWritten(n(9_000)),
		}),
		nodeScenario(`throttle-bound: add ${n(36_000).toLocaleString('en-US')} leads to a list at Marketo's 100 calls / 20 s`, {
			items: n(36_000),
			recordsPerCall: 300,
			seedLeads: n(36_000),
			parameters: addToList,
			makeItems: (_, count) => leadIds(count),
			effect: listHolds(n(36_000)),
		}),
		naiveScenario(`baseline: HTTP Request, 1 call per lead, all at once: ${n(500)} leads`, n(500), 0),
		naiveScenario(`baseline: HTTP Request, 1 call per lead every 200 ms: ${n(300)} leads`, n(300), 200),
	];
}
