/**
 * Starts n8n processes (test/queue/worker.ts in child processes), lets them run against one
 * emulator for a number of Marketo windows, and reads what Marketo saw, window by window.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { MarketoEmulator, RecordedCall } from '../emulator';
import type { FromWorker, ToWorker, WorkerPlan, WorkerReport } from './worker';

export const MARKETO_WINDOW_MS = 20_000;

export interface FleetOptions {
	emulator: MarketoEmulator;
	processes: number;
	/** What each process's credential says, besides the endpoint and the secret. */
	credential: ICredentialDataDecryptedObject;
	executionsAtOnce: number;
	leadsPerExecution: number;
	/** Whole Marketo windows to keep every process busy for, from the first call Marketo receives. */
	windows: number;
}

export interface WindowCount {
	/** Window number from 1; 'after' for calls sent once the processes were told to stop. */
	window: number | 'after';
	accepted: number;
	refusedForRate: number;
	refusedForConcurrency: number;
}

export interface FleetRun {
	windows: WindowCount[];
	/** Calls Marketo accepted in the measured windows over what it allows in them. */
	ceilingShare: number;
	violations: number;
	reports: WorkerReport[];
	wallSeconds: number;
}

function startProcess(name: string): ChildProcess {
	return fork(path.join(__dirname, 'worker.ts'), [], {
		execArgv: ['--require', path.join(__dirname, 'transpileOnRequire.js'), '--enable-source-maps'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		serialization: 'advanced',
	}).on('error', (error) => console.error(`n8n process ${name}: ${error.message}`));
}

function nextMessage<T extends FromWorker['type']>(child: ChildProcess, type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no "${type}" from an n8n process within ${timeoutMs} ms`)), timeoutMs);
		const onExit = (code: number | null) => {
			clearTimeout(timer);
			reject(new Error(`an n8n process exited (${code}) before "${type}"`));
		};
		child.once('exit', onExit);
		child.on('message', function listener(message: FromWorker) {
			if (message.type !== type) return;
			clearTimeout(timer);
			child.off('message', listener);
			child.off('exit', onExit);
			resolve(message as Extract<FromWorker, { type: T }>);
		});
	});
}

async function firstApiCall(emulator: MarketoEmulator, timeoutMs: number): Promise<RecordedCall> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const first = emulator.apiCalls()[0];
		if (first) return first;
		if (Date.now() > deadline) throw new Error('no API call reached the emulator');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

const isAccepted = (call: RecordedCall) => call.refusedFor === undefined && !call.errorCode?.startsWith('6');

export function countByWindow(calls: RecordedCall[], start: number, windows: number): WindowCount[] {
	const counts: WindowCount[] = [
		...Array.from({ length: windows }, (_, i): WindowCount => ({ window: i + 1, accepted: 0, refusedForRate: 0, refusedForConcurrency: 0 })),
		{ window: 'after', accepted: 0, refusedForRate: 0, refusedForConcurrency: 0 },
	];
	for (const call of calls) {
		const index = Math.min(windows, Math.floor((call.startedAt - start) / MARKETO_WINDOW_MS));
		const count = counts[index];
		if (isAccepted(call)) count.accepted++;
		if (call.refusedFor === 'rate') count.refusedForRate++;
		if (call.refusedFor === 'concurrency') count.refusedForConcurrency++;
	}
	return counts;
}

export async function runFleet(options: FleetOptions): Promise<FleetRun> {
	const { emulator } = options;
	const names = Array.from({ length: options.processes }, (_, i) => `n8n-${i + 1}`);
	const children = names.map(startProcess);
	try {
		// Loading n8n takes each process a few seconds: start them together once all are ready.
		await Promise.all(children.map(async (child) => await nextMessage(child, 'ready', 60_000)));
		const done = children.map(async (child) => await nextMessage(child, 'done', (options.windows + 3) * MARKETO_WINDOW_MS));
		const wallStart = Date.now();
		children.forEach((child, i) => {
			const plan: WorkerPlan = {
				name: names[i],
				credential: {
					restEndpoint: emulator.restEndpoint,
					identityEndpoint: '',
					clientId: emulator.options.clientId,
					clientSecret: emulator.options.clientSecret,
					accessToken: '',
					tokenExpiresAt: 0,
					...options.credential,
				},
				executionsAtOnce: options.executionsAtOnce,
				leadsPerExecution: options.leadsPerExecution,
			};
			child.send({ type: 'go', plan } satisfies ToWorker);
		});
		const start = (await firstApiCall(emulator, 30_000)).startedAt;
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + options.windows * MARKETO_WINDOW_MS - Date.now())));
		children.forEach((child) => child.send({ type: 'stop' } satisfies ToWorker));
		const reports = (await Promise.all(done)).map((message) => message.report);

		const windows = countByWindow(emulator.apiCalls(), start, options.windows);
		const measured = windows.slice(0, options.windows).reduce((sum, count) => sum + count.accepted, 0);
		return {
			windows,
			ceilingShare: measured / (options.windows * emulator.options.rateLimit),
			violations: emulator.violations().length,
			reports,
			wallSeconds: (Date.now() - wallStart) / 1000,
		};
	} finally {
		for (const child of children) if (child.exitCode === null) child.kill();
	}
}

export function describeRun(title: string, run: FleetRun): string {
	const rows = run.windows.map(
		(w) => `  ${String(w.window === 'after' ? 'after stop' : `window ${w.window}`).padEnd(11)} accepted ${String(w.accepted).padStart(3)}   606 ${String(w.refusedForRate).padStart(3)}   615 ${String(w.refusedForConcurrency).padStart(3)}`,
	);
	const items = run.reports.reduce((sum, r) => sum + r.items, 0);
	const failed = run.reports.reduce((sum, r) => sum + r.failedItems, 0);
	return [
		title,
		...rows,
		`  ceilingShare ${run.ceilingShare.toFixed(3)}   violations ${run.violations}   items ${items}   failed ${failed}   wall ${run.wallSeconds.toFixed(1)} s`,
	].join('\n');
}
