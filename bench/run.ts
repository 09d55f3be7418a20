import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { ceilingShare, meanCallMs, waitingMs } from './measure';
import { scenarios, type Scenario } from './scenarios';
import { RemoteEmulator } from './support/remoteEmulator';
import { CpuProfile } from './support/cpuProfile';

/**
 * `npm run bench [-- --latency 150] [-- --only <text>]`: runs issue 7's scenarios against the
 * emulator (in its own process, with a fixed latency per API call), prints a table, writes
 * bench/results.json, and exits 1 when the node misses a target.
 */

const DEFAULT_LATENCY_MS = 150;
const RESULTS = path.join(__dirname, '..', '..', '..', 'bench', 'results.json');

interface Row {
	name: string;
	items: number;
	apiCalls: number;
	wallSeconds: number;
	ceilingShare: number;
	violations: number;
	sender: Scenario['sender'];
	limitPer20s: number;
	/** Items that came out as errors or not at all (node), or that Marketo never wrote (baseline). */
	itemsFailed: number;
	/** The node's own CPU time (nodes/Marketo, credentials) over the wall time: its overhead. */
	overheadShare?: number;
	/** CPU time in n8n and its libraries (expressions, engine, HTTP client) over the wall time. */
	n8nShare?: number;
	/** Share of the wall time with a call in flight or the throttle's window full. */
	waitShare: number;
	meanCallMs: number;
	/** The work needs more than one window's worth of calls, so the limit sets the pace. */
	throttleBound: boolean;
	/** Node only: the fewest calls Marketo's per-call limits allow, and the targets it missed. */
	apiCallTarget?: number;
	missedTargets?: string[];
}

function option(name: string): string | undefined {
	const at = process.argv.indexOf(`--${name}`);
	return at < 0 ? undefined : process.argv[at + 1];
}

async function measure(scenario: Scenario, latencyMs: number): Promise<Row> {
	const emulator = await RemoteEmulator.start({ latencyMs, rateLimit: scenario.limit, seedLeads: scenario.seedLeads });
	try {
		const work = scenario.prepare(emulator.instance);
		const profile = await CpuProfile.start();
		const from = epochNow();
		const itemsFailed = await work();
		const to = epochNow();
		const cpu = await profile.stop();
		const report = await emulator.report();
		const wallMs = to - from;
		const byNode = scenario.sender === 'node';
		const fewestCalls = scenario.executions * Math.ceil(scenario.items / scenario.executions / scenario.recordsPerCall);
		const row: Row = {
			name: scenario.name,
			items: scenario.items,
			apiCalls: report.calls.filter((call) => call.kind === 'api').length,
			wallSeconds: round(wallMs / 1000, 2),
			ceilingShare: round(ceilingShare(report.calls, scenario.limit), 3),
			violations: report.calls.filter((call) => call.refusedFor !== undefined).length,
			sender: scenario.sender,
			limitPer20s: scenario.limit,
			itemsFailed,
			waitShare: round(waitingMs(report.calls, scenario.limit, { from, to }) / wallMs, 3),
			...(byNode ? { n8nShare: round(cpu.n8n / wallMs, 3), overheadShare: round(cpu.node / wallMs, 3) } : {}),
			meanCallMs: Math.round(meanCallMs(report.calls)),
			throttleBound: fewestCalls > scenario.limit,
		};
		if (byNode) {
			row.apiCallTarget = fewestCalls;
			row.missedTargets = missedTargets(row, scenario.effect?.(report));
		}
		return row;
	} finally {
		await emulator.stop();
	}
}

/** Issue 7's targets for the node. */
function missedTargets(row: Row, effectProblem: string | undefined): string[] {
	const missed: string[] = [];
	if (row.apiCalls > (row.apiCallTarget ?? 0)) missed.push(`${row.apiCalls} API calls, more than ${row.apiCallTarget}`);
	if (row.violations > 0) missed.push(`${row.violations} violations`);
	if (row.itemsFailed > 0) missed.push(`${row.itemsFailed} items failed`);
	if (effectProblem) missed.push(effectProblem);
	if (row.throttleBound && row.ceilingShare < 0.95) missed.push(`throttle-bound, yet ceiling share ${row.ceilingShare} < 0.95`);
	if ((row.overheadShare ?? 1) >= 0.05) missed.push(`node CPU ${percent(row.overheadShare ?? 1)} of wall time, not < 5 %`);
	return missed;
}

/** Epoch milliseconds, like the emulator's timestamps, with sub-millisecond resolution. */
const epochNow = () => performance.timeOrigin + performance.now();
const round = (value: number, digits: number) => Number(value.toFixed(digits));
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function printTable(rows: Row[]): void {
	const header = ['scenario', 'items', 'API calls', 'wall s', 'ceiling share', 'violations', 'items failed', 'waiting', 'n8n CPU', 'node CPU', 'call ms'];
	const cells = rows.map((row) => [
		row.name,
		row.items.toLocaleString('en-US'),
		row.apiCalls.toLocaleString('en-US'),
		row.wallSeconds.toFixed(2),
		row.ceilingShare.toFixed(3),
		String(row.violations),
		String(row.itemsFailed),
		percent(row.waitShare),
		row.n8nShare === undefined ? '-' : percent(row.n8nShare),
		row.overheadShare === undefined ? '-' : percent(row.overheadShare),
		String(row.meanCallMs),
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
	const line = (values: string[]) => values.map((value, column) => (column === 0 ? value.padEnd(widths[0]) : value.padStart(widths[column]))).join('  ');
	console.log(line(header));
	console.log(widths.map((width) => '-'.repeat(width)).join('  '));
	for (const values of cells) console.log(line(values));
}

async function main(): Promise<void> {
	const latencyMs = Number(option('latency') ?? process.env.BENCH_LATENCY_MS ?? DEFAULT_LATENCY_MS);
	if (!(latencyMs >= 0)) throw new Error(`--latency / BENCH_LATENCY_MS must be a number of milliseconds, got ${latencyMs}`);
	const only = option('only');
	const chosen = scenarios().filter((scenario) => only === undefined || scenario.name.includes(only));

	// The first workflow run loads and compiles n8n's engine; that is not the node's cost.
	console.log(`Warming up, then ${chosen.length} scenarios against the emulator at ${latencyMs} ms per API call...`);
	for (const scenario of scenarios(0.1).filter((s) => s.sender === 'node' && s.limit === 100)) await measure(scenario, 0);

	const rows: Row[] = [];
	for (const scenario of chosen) {
		rows.push(await measure(scenario, latencyMs));
		console.log(`  ${scenario.name}: ${rows.at(-1)?.wallSeconds} s`);
	}
	console.log('');
	printTable(rows);

	const misses = rows.filter((row) => (row.missedTargets ?? []).length > 0);
	for (const row of misses) console.log(`MISSED  ${row.name}: ${row.missedTargets?.join('; ')}`);
	if (only === undefined) {
		writeFileSync(RESULTS, `${JSON.stringify({ latencyMs, nodeVersion: process.version, scenarios: rows }, null, '\t')}\n`);
		console.log(`\nWrote ${path.relative(process.cwd(), RESULTS)}`);
	}
	console.log(misses.length === 0 ? 'Bench: every node scenario met its targets' : `Bench: ${misses.length} node scenario(s) missed a target`);
	process.exitCode = misses.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
