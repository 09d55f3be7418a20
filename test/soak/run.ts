import type { INodeExecutionData } from 'n8n-workflow';

import { credentialStore, leadItems, MARKETO_NODE, runMarketo, upsertFromItems } from '../support/marketoRun';
import { MarketoEmulator } from '../emulator';
import { dealFaults, seededRandom, type FaultCard } from '../emulator/faultPlan';
import { reconcileFigures, SOAK_CHECKS, type Check, type SoakRound } from './soakChecks';

/**
 * `npm run soak [-- --seed 7]`: 10,000 items through Lead → Create or Update, and 10,000 through
 * its Create Only variant, while the emulator answers calls with every fault Marketo is known
 * for, dealt at random (seeded, so a run can be replayed). Prints what happened and the checks,
 * ends with "Soak: N passed, N failed", and exits 1 when a check fails.
 */

/**
 * Every fault twice per round, except the token's end of life: a token lives an hour, so a round
 * of a minute or two meets it once (the emulator expires the token; the next calls meet real 602s).
 */
const FAULTS: readonly FaultCard[] = [
	{ name: '602 token expired', effect: { expireTokensAfter: true }, copies: 1 },
	...(['604', '606', '608', '611', '615', '713'] as const).map((code) => ({ name: code, effect: { respondWithCode: code }, copies: 2 })),
	{ name: 'HTTP 502', effect: { httpStatus: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }, copies: 2 },
	{ name: 'slow answer (4 s)', effect: { delayMs: 4_000 }, copies: 2 },
	{ name: 'connection dropped before executing', effect: { drop: 'beforeExecuting' }, copies: 2 },
	{ name: 'connection dropped after executing', effect: { drop: 'afterExecuting' }, copies: 2 },
];
const CLEAN_CALLS = 16;

interface RoundPlan {
	action: SoakRound['action'];
	executions: number;
	itemsPerExecution: number;
}

/** One execution of 10,000 items, and 20 at once sharing the token and the throttle. */
const ROUNDS: RoundPlan[] = [
	{ action: 'createOrUpdate', executions: 1, itemsPerExecution: 10_000 },
	{ action: 'createOnly', executions: 20, itemsPerExecution: 500 },
];

function option(name: string): string | undefined {
	const at = process.argv.indexOf(`--${name}`);
	return at < 0 ? undefined : process.argv[at + 1];
}

async function soakRound(plan: RoundPlan, seed: number): Promise<{ round: SoakRound; dealt: Array<string | undefined>; seconds: number }> {
	const emulator = new MarketoEmulator({ latencyMs: 20 });
	await emulator.start();
	try {
		const dealt = dealFaults(emulator, { cards: FAULTS, cleanCalls: CLEAN_CALLS, random: seededRandom(seed) });
		const { clientId, clientSecret } = emulator.options;
		const store = credentialStore({ restEndpoint: emulator.restEndpoint, identityEndpoint: emulator.identityEndpoint, clientId, clientSecret });
		const inputs = Array.from({ length: plan.executions }, (_, execution) => leadItems(plan.itemsPerExecution, `soak${execution}-`));
		const started = Date.now();
		const outputs = await Promise.all(
			inputs.map(async (items) => {
				const result = await runMarketo(upsertFromItems(plan.action), { store, items, continueOnFail: true });
				return result.error ? undefined : result.output(MARKETO_NODE);
			}),
		);
		const seconds = (Date.now() - started) / 1000;
		const executions = inputs.map((items, index) => ({ items, output: outputs[index] }));
		return { round: { action: plan.action, executions, leads: emulator.leads.all(), calls: [...emulator.calls] }, dealt, seconds };
	} finally {
		await emulator.stop();
	}
}

function countBy<T>(values: T[], keyOf: (value: T) => string): string {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(keyOf(value), (counts.get(keyOf(value)) ?? 0) + 1);
	return [...counts].map(([key, count]) => `${count} × ${key}`).join(', ') || 'none';
}

/** The kind of failure, without the parts that differ per item. */
function reasonOf(item: INodeExecutionData): string {
	const message = String(item.json.error);
	if (/may or may not have applied it/.test(message)) return `answer lost (${/HTTP \d{3}/.exec(message)?.[0] ?? 'connection dropped'}), not sent again`;
	return item.json.code ? `Marketo ${String(item.json.code)}` : message;
}

function describe(plan: RoundPlan, { round, dealt, seconds }: Awaited<ReturnType<typeof soakRound>>): void {
	const apiCalls = round.calls.filter((call) => call.kind === 'api');
	const out = round.executions.flatMap((execution) => execution.output ?? []);
	const failed = out.filter((item) => item.json.error !== undefined);
	const faultsMet = apiCalls.filter((call) => call.fault !== undefined);
	const real602 = apiCalls.filter((call) => call.errorCode === '602' && call.fault === undefined).length;
	console.log(`\n${plan.action}: ${plan.executions} execution(s) × ${plan.itemsPerExecution.toLocaleString('en-US')} items, ${seconds.toFixed(1)} s`);
	console.log(`  calls: ${apiCalls.length} API, ${round.calls.length - apiCalls.length} identity; ${dealt.filter(Boolean).length} faults dealt, ${faultsMet.length} met, plus ${real602} real 602s after token expiry`);
	console.log(`  faults met: ${countBy(faultsMet, (call) => call.fault as string)}`);
	console.log(`  items: ${out.length - failed.length} succeeded, ${failed.length} failed: ${countBy(failed, reasonOf)}`);
	if (plan.action === 'createOnly') {
		const { lost, confirmed, resent, failed: unsettled } = reconcileFigures(round);
		console.log(`  answers lost: ${lost} items; afterwards ${confirmed} found in Marketo (created), ${resent} absent and sent again, ${unsettled} failed`);
	}
}

function print(check: Check): void {
	console.log(`  ${check.problems.length === 0 ? 'PASS' : 'FAIL'}  ${check.name}`);
	for (const problem of check.problems) console.log(`          ${problem}`);
}

async function main(): Promise<void> {
	const seed = Number(option('seed') ?? process.env.SOAK_SEED ?? 7);
	const dealt = FAULTS.reduce((sum, card) => sum + card.copies, 0);
	console.log(`Soak with seed ${seed}: ${FAULTS.length} kinds of fault, ${dealt} per round at random among ${CLEAN_CALLS} clean calls`);
	const checks: Check[] = [];
	for (const [index, plan] of ROUNDS.entries()) {
		const outcome = await soakRound(plan, seed + index);
		describe(plan, outcome);
		for (const check of SOAK_CHECKS.map((run) => run(outcome.round))) {
			print(check);
			checks.push(check);
		}
	}
	const failed = checks.filter((check) => check.problems.length > 0).length;
	console.log(`\nSoak: ${checks.length - failed} passed, ${failed} failed`);
	process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});

