import { chicagoDay } from './chicagoDay';
import { type Envelope, failed, succeeded } from './envelope';
import { MarketoFailure, marketoErrors, wordingFor } from './errors';
import type { Exchange } from './exchange';
import { describeFault } from './faults';
import { ROUTES } from './routes';
import { findRoute, type FileAnswer } from './routes/route';
import { type Gate, type GateState, GATES, countsTowardLimits } from './rules';
import type { EmulatorState } from './state';

/** Applies the gates in order; true when one of them answered (refused) the call. */
export function refusedAtGates(exchange: Exchange, state: EmulatorState, scope: Gate['appliesTo'][]): boolean {
	const { call } = exchange;
	const view = gateState(state);
	for (const gate of GATES.filter((g) => scope.includes(g.appliesTo))) {
		const verdict = gate.check(call, view);
		if (verdict === undefined) continue;
		if ('flag' in verdict) {
			call.refusedFor = verdict.flag;
			continue;
		}
		if (verdict.refusedFor !== undefined) call.refusedFor = verdict.refusedFor;
		if ('httpStatus' in verdict) exchange.text(verdict.httpStatus, verdict.text);
		else answer(exchange, state, 200, failed(call.seq, verdict.error));
		return true;
	}
	return false;
}

export async function serveApiCall(exchange: Exchange, state: EmulatorState): Promise<void> {
	if (refusedAtGates(exchange, state, ['every call', 'api calls'])) return;
	const { call } = exchange;
	state.ledger.admit(call);
	try {
		const fault = state.faults.take(call);
		if (fault !== undefined) call.fault = describeFault(fault);
		await state.sleep(state.options.latencyMs);
		if (fault !== undefined && 'delayMs' in fault) await state.sleep(fault.delayMs);

		// A fault that answers in Marketo's place means the call was never executed nor counted.
		if (fault !== undefined && 'respondWithCode' in fault) {
			state.ledger.refund(call);
			answer(exchange, state, 200, failed(call.seq, { code: fault.respondWithCode, message: fault.message ?? wordingFor(fault.respondWithCode) }));
			return;
		}
		if (fault !== undefined && 'httpStatus' in fault) {
			state.ledger.refund(call);
			exchange.text(fault.httpStatus, fault.body ?? `HTTP ${fault.httpStatus} (injected)`);
			return;
		}
		if (fault !== undefined && 'drop' in fault && fault.drop === 'beforeExecuting') {
			state.ledger.refund(call);
			exchange.drop();
			return;
		}

		const executed = execute(exchange, state);
		if ('envelope' in executed && !countsTowardLimits(executed.envelope.errors[0]?.code)) state.ledger.refund(call);
		if (fault !== undefined && 'expireTokensAfter' in fault) state.tokens.expireAll(Date.now());
		if (fault !== undefined && 'drop' in fault) exchange.drop();
		else if ('file' in executed) exchange.file(200, executed.file.contentType, executed.file.text, executed.file.breakAfterBytes);
		else answer(exchange, state, executed.status, executed.envelope);
	} finally {
		state.ledger.finish(call);
	}
}

function execute(exchange: Exchange, state: EmulatorState): { status: number; envelope: Envelope } | FileAnswer {
	const { call } = exchange;
	const match = findRoute(ROUTES, call.effectiveMethod, call.path);
	if (match === undefined) return { status: 404, envelope: failed(call.seq, marketoErrors.resourceNotFound()) };
	try {
		if (match.route.jsonBody && call.effectiveMethod === 'POST' && call.bodyBytes > 0) {
			if (exchange.contentType !== 'application/json') throw new MarketoFailure(marketoErrors.invalidContentType());
			if (exchange.invalidJson) throw new MarketoFailure(marketoErrors.invalidJson());
		}
		const result = match.route.handle(
			{ pathParams: match.pathParams, params: exchange.params, body: call.body },
			{ leads: state.leads, ledger: state.ledger, now: Date.now() },
		);
		return 'file' in result ? result : { status: 200, envelope: succeeded(call.seq, result) };
	} catch (error) {
		if (error instanceof MarketoFailure) return { status: 200, envelope: failed(call.seq, error.error) };
		// An emulator bug must be loud, not look like a Marketo answer the client could handle.
		return { status: 500, envelope: failed(call.seq, marketoErrors.systemError(String(error))) };
	}
}

function answer(exchange: Exchange, state: EmulatorState, status: number, envelope: Envelope): void {
	exchange.call.errorCode = envelope.errors[0]?.code;
	state.ledger.noteError(exchange.call);
	exchange.json(status, envelope);
}

function gateState(state: EmulatorState): GateState {
	const { options, tokens, ledger } = state;
	return {
		options,
		tokenStatus: (token) => tokens.status(token, Date.now()),
		countedToday: (call) => ledger.countedOn(chicagoDay(call.startedAt)),
		countedInWindow: (call) => ledger.countedInWindow(call, options.rateWindowMs),
		inFlight: () => ledger.inFlight.size,
	};
}
