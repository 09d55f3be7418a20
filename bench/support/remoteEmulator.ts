import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { EmulatorOptions, RecordedCall } from '../../test/emulator';
import type { MarketoInstance } from '../../test/support/marketoRun';

/** What the bench needs of a recorded call (bodies stay in the emulator's process). */
export type CallSummary = Pick<
	RecordedCall,
	'kind' | 'path' | 'effectiveMethod' | 'startedAt' | 'endedAt' | 'httpStatus' | 'errorCode' | 'refusedFor'
>;

export interface EmulatorReport {
	calls: CallSummary[];
	leads: number;
	distinctEmails: number;
	/** Members per static list id. */
	listMembers: Record<number, number>;
	/** Leads requested per campaign id, over all calls. */
	campaignRequests: Record<number, number>;
}

export type ToEmulator = 'report' | 'stop';
export type FromEmulator = { ready: MarketoInstance } | { report: EmulatorReport };

/** A MarketoEmulator running in a child process; the bench's n8n runs in this one. */
export class RemoteEmulator {
	private constructor(
		private readonly child: ChildProcess,
		readonly instance: MarketoInstance,
	) {}

	static async start(options: EmulatorOptions): Promise<RemoteEmulator> {
		const child = fork(path.join(__dirname, 'emulatorProcess.js'), [JSON.stringify(options)], { stdio: 'inherit' });
		const instance = await new Promise<MarketoInstance>((resolve, reject) => {
			child.once('error', reject);
			child.once('exit', (code) => reject(new Error(`the emulator process exited (${code}) before it was ready`)));
			child.once('message', (message: FromEmulator) => {
				if ('ready' in message) resolve(message.ready);
			});
		});
		child.removeAllListeners('exit');
		return new RemoteEmulator(child, instance);
	}

	async report(): Promise<EmulatorReport> {
		return await new Promise<EmulatorReport>((resolve) => {
			this.child.once('message', (message: FromEmulator) => {
				if ('report' in message) resolve(message.report);
			});
			this.child.send('report' satisfies ToEmulator);
		});
	}

	async stop(): Promise<void> {
		if (this.child.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			this.child.once('exit', () => resolve());
			this.child.send('stop' satisfies ToEmulator);
		});
	}
}
