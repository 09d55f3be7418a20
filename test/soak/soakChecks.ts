import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Lead, RecordedCall } from '../emulator';

/** One soak round as it ended: what went in, what came out, and what Marketo holds and received. */
export interface SoakRound {
	action: 'createOrUpdate' | 'createOnly';
	executions: Array<{ items: IDataObject[]; output: INodeExecutionData[] | undefined }>;
	leads: Lead[];
	calls: RecordedCall[];
}

export interface Check {
	name: string;
	/** Empty when the check passed; else up to a few examples and a count. */
	problems: string[];
}

/** Faults after which the client cannot know whether Marketo applied the request. */
const ANSWER_LOST = new Set(['httpStatus 502', 'drop beforeExecuting', 'drop afterExecuting']);
/** Faults that answer instead of Marketo: the request was never executed. */
const NOT_EXECUTED = /^(respondWithCode|httpStatus|drop beforeExecuting)/;

const emailOf = (item: IDataObject) => String(item.email).toLowerCase();
const errorOf = (item: INodeExecutionData) => item.json.error;

function check(name: string, problems: string[]): Check {
	const shown = problems.slice(0, 5);
	if (problems.length > shown.length) shown.push(`… ${problems.length} in all`);
	return { name, problems: shown };
}

/** Each input item's output items, by execution and item index. */
function outputsByItem(round: SoakRound): Array<{ item: IDataObject; outputs: INodeExecutionData[] }> {
	return round.executions.flatMap(({ items, output }) => {
		const byIndex = items.map(() => [] as INodeExecutionData[]);
		for (const out of output ?? []) {
			const paired = out.pairedItem as { item: number } | undefined;
			if (paired && byIndex[paired.item]) byIndex[paired.item].push(out);
		}
		return items.map((item, index) => ({ item, outputs: byIndex[index] }));
	});
}

function sentEmails(call: RecordedCall): string[] {
	const input = (call.body as { input?: IDataObject[] } | undefined)?.input ?? [];
	return input.map(emailOf);
}

/** Calls that reached Marketo's execution: past the gates, not answered by a fault in Marketo's place, not a 6xx. */
function executed(call: RecordedCall): boolean {
	return call.kind === 'api' && call.refusedFor === undefined && !NOT_EXECUTED.test(call.fault ?? '') && !call.errorCode?.startsWith('6');
}

export function noItemLost(round: SoakRound): Check {
	const problems = outputsByItem(round)
		.filter(({ outputs }) => outputs.length !== 1)
		.map(({ item, outputs }) => `${emailOf(item)}: ${outputs.length} output items`);
	return check('items lost: 0 (every input item has exactly one output item)', problems);
}

export function noItemWrittenTwice(round: SoakRound): Check {
	const leadsByEmail = new Map<string, number>();
	for (const lead of round.leads) leadsByEmail.set(String(lead.email).toLowerCase(), (leadsByEmail.get(String(lead.email).toLowerCase()) ?? 0) + 1);
	const problems = [...leadsByEmail].filter(([, count]) => count > 1).map(([email, count]) => `${email}: ${count} leads`);
	if (round.action === 'createOnly') {
		// A create is not repeatable: Marketo must have executed each record at most once.
		const executions = new Map<string, number>();
		for (const call of round.calls.filter((c) => c.path === '/rest/v1/leads.json' && executed(c))) {
			for (const email of sentEmails(call)) executions.set(email, (executions.get(email) ?? 0) + 1);
		}
		problems.push(...[...executions].filter(([, count]) => count > 1).map(([email, count]) => `${email}: created by ${count} executed calls`));
	}
	return check('items written twice: 0 (one lead per email; a create executed at most once)', problems);
}

export function successesAreInMarketo(round: SoakRound): Check {
	const leadByEmail = new Map(round.leads.map((lead) => [String(lead.email).toLowerCase(), lead]));
	const statuses = round.action === 'createOnly' ? ['created'] : ['created', 'updated'];
	const problems = outputsByItem(round)
		.flatMap(({ item, outputs }) => outputs.filter((out) => errorOf(out) === undefined).map((out) => ({ email: emailOf(item), json: out.json })))
		.filter(({ email, json }) => leadByEmail.get(email)?.id !== json.id || !statuses.includes(String(json.status)))
		.map(({ email, json }) => `${email}: output ${JSON.stringify(json)}, Marketo has id ${leadByEmail.get(email)?.id}`);
	return check('every succeeded item names the lead Marketo holds for it', problems);
}

/** Marketo's reason: its error code, or what happened to the answer (HTTP status, lost connection). */
export function failuresCarryMarketosReason(round: SoakRound): Check {
	const problems = outputsByItem(round)
		.flatMap(({ item, outputs }) => outputs.filter((out) => errorOf(out) !== undefined).map((out) => ({ email: emailOf(item), json: out.json })))
		.filter(({ json }) => {
			const message = String(json.error ?? '');
			const hasCode = typeof json.code === 'string' && /^\d{3,4}$/.test(json.code) && message.includes(json.code);
			const answerLost = /may or may not have applied it/.test(message) && /(HTTP \d{3}|connection|socket|ECONNRESET)/i.test(message);
			return !(hasCode || answerLost);
		})
		.map(({ email, json }) => `${email}: ${JSON.stringify(json)}`);
	return check("every failed item carries Marketo's reason (its code, or the lost answer)", problems);
}

/** Writes whose answer was lost (HTTP 502, dropped), with whether Marketo had executed them. */
function lostAnswerWrites(round: SoakRound): Map<string, { executed: boolean }> {
	const lost = new Map<string, { executed: boolean }>();
	for (const call of round.calls.filter((c) => c.path === '/rest/v1/leads.json' && ANSWER_LOST.has(c.fault ?? ''))) {
		for (const email of sentEmails(call)) lost.set(email, { executed: executed(call) });
	}
	return lost;
}

/**
 * What may fail, by design: nothing. A repeatable write retries every injected fault away; a
 * create whose answer was lost is looked up afterwards and reported or sent again. Only what no
 * lookup can settle would fail (a lead that existed before the call: none here, the round starts
 * on an empty instance).
 */
export function noItemFails(round: SoakRound): Check {
	const problems = outputsByItem(round)
		.filter(({ outputs }) => outputs.some((out) => errorOf(out) !== undefined))
		.map(({ item, outputs }) => `${emailOf(item)}: failed: ${String(outputs.find((out) => errorOf(out) !== undefined)?.json.error)}`);
	return check(
		round.action === 'createOnly' ? 'no item fails: each fault is retried away, each lost answer reconciled' : 'every item succeeds: each fault is retried away',
		problems,
	);
}

/**
 * Create Only: exactly the items of calls whose answer was lost carry `reconciled`, confirmed
 * ("found this record") when Marketo had executed the call, sent again when it had not. A
 * repeatable write needs no lookup: none of its items is reconciled.
 */
export function lostAnswersReconciled(round: SoakRound): Check {
	const lost = round.action === 'createOnly' ? lostAnswerWrites(round) : new Map<string, { executed: boolean }>();
	const problems = outputsByItem(round).flatMap(({ item, outputs }) => {
		const email = emailOf(item);
		const json = outputs[0]?.json ?? {};
		const how = lost.get(email);
		if (!how) return json.reconciled === undefined ? [] : [`${email}: reconciled, but its answer was not lost`];
		if (json.reconciled !== true) return [`${email}: its answer was lost, but it was not reconciled: ${JSON.stringify(json)}`];
		const confirmed = /found this record/.test(String(json.reconciliation));
		return confirmed === how.executed ? [] : [`${email}: ${confirmed ? 'confirmed' : 'sent again'}, but Marketo had ${how.executed ? '' : 'not '}executed the lost call`];
	});
	return check(
		round.action === 'createOnly'
			? 'lost answers reconciled: found in Marketo when it had executed the call, sent again when not'
			: 'no item needs reconciling: a repeatable write is repeated',
		problems,
	);
}

/** The figures the README quotes: items whose answer was lost, confirmed, sent again, still failed. */
export function reconcileFigures(round: SoakRound): { lost: number; confirmed: number; resent: number; failed: number } {
	const lost = lostAnswerWrites(round);
	const outcomes = outputsByItem(round).filter(({ item }) => lost.has(emailOf(item))).map(({ outputs }) => outputs[0]?.json ?? {});
	return {
		lost: lost.size,
		confirmed: outcomes.filter((json) => json.reconciled === true && /found this record/.test(String(json.reconciliation))).length,
		resent: outcomes.filter((json) => json.reconciled === true && /sent again/.test(String(json.reconciliation))).length,
		failed: outcomes.filter((json) => json.error !== undefined).length,
	};
}

export const SOAK_CHECKS = [noItemLost, noItemWrittenTwice, successesAreInMarketo, failuresCarryMarketosReason, noItemFails, lostAnswersReconciled];
