import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { Readable } from 'node:stream';

/** Our environment for a child, less Jest's NODE_ENV=test (n8n and the n8n lint rules behave differently under it). */
export function inheritedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env = { ...process.env, ...extra };
	delete env.NODE_ENV;
	return env;
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Killed (with its children) after this long; every run is bounded. */
	timeoutMs: number;
}

export interface RunResult {
	command: string;
	exitCode: number | null;
	/** The signal it died of (a crash, the OOM killer, a user; never its time limit, which rejects): exitCode is null then. */
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/**
 * A command killed for running past its limit. It rejects instead of resolving with exit code
 * null, so a slow machine reads as "timed out after N s", never as a crash or a failed check.
 */
export class TimeoutError extends Error {
	constructor(what: string, limitMs: number, detail = '') {
		super(`${what} timed out after ${describeDuration(limitMs)}${detail}`);
		this.name = 'TimeoutError';
	}
}

export function describeDuration(ms: number): string {
	return ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}

/**
 * Every child gets a process group of its own, so a timeout or a stop also ends what it started
 * (n8n's task runner, npm's scripts). Such a group does not hear the terminal's Ctrl-C, so the
 * groups still running are killed when this process exits (see `exitOnSignals`).
 */
function spawnGroup(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): ChildProcessByStdio<null, Readable, Readable> {
	const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? inheritedEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	liveGroups.add(child);
	child.once('exit', () => liveGroups.delete(child));
	return child;
}

const liveGroups = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of liveGroups) killGroup(child, 'SIGKILL');
});

/** For command-line entry points: Ctrl-C or SIGTERM exits through 'exit', which ends the children. */
export function exitOnSignals(): void {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
}

/** Runs a command to its end, capturing its output; rejects with a TimeoutError if it outlives `timeoutMs`. */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawnGroup(command, args, options);
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child, 'SIGKILL');
		}, options.timeoutMs);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', (exitCode, signal) => {
			clearTimeout(timer);
			const result = {
				command: [command, ...args].join(' '),
				exitCode,
				signal,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
			};
			if (timedOut) reject(new TimeoutError(`\`${result.command}\``, options.timeoutMs, ` and was killed${outputTail(result)}`));
			else resolve(result);
		});
	});
}

/** Like run(), but a failure throws with the end of the command's output. */
export async function runChecked(command: string, args: string[], options: RunOptions): Promise<RunResult> {
	const result = await run(command, args, options);
	if (result.exitCode !== 0) throw new Error(`${result.command} ${howItEnded(result)}\n${tail(result.stdout + result.stderr, 40)}`);
	return result;
}

export function howItEnded(result: RunResult): string {
	return result.signal ? `was killed by ${result.signal}` : `exited with ${result.exitCode}`;
}

function outputTail(result: RunResult): string {
	const output = result.stdout + result.stderr;
	return output.trim() ? `; the end of its output:\n${tail(output, 40)}` : ' (it printed nothing)';
}

export function tail(text: string, lines: number): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** A long-running child (n8n, the contract proxy) whose output goes to a log file. */
export class Service {
	private readonly exited: Promise<number | null>;
	private exitCode: number | null | undefined;

	constructor(
		readonly name: string,
		readonly child: ChildProcess,
		readonly logFile: string,
	) {
		this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
		void this.exited.then((code) => (this.exitCode = code));
	}

	static start(name: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string }): Service {
		const log = createWriteStream(options.logFile, { flags: 'a' });
		const child = spawnGroup(command, args, options);
		child.stdout.pipe(log);
		child.stderr.pipe(log);
		return new Service(name, child, options.logFile);
	}

	get running(): boolean {
		return this.exitCode === undefined;
	}

	log(): string {
		return readFileSync(this.logFile, 'utf8');
	}

	whenExited(): Promise<number | null> {
		return this.exited;
	}

	/** SIGTERM to its process group, SIGKILL if it is still there after `graceMs`. */
	async stop(graceMs = 15_000): Promise<void> {
		if (!this.running) return;
		killGroup(this.child, 'SIGTERM');
		const timer = setTimeout(() => killGroup(this.child, 'SIGKILL'), graceMs);
		await this.exited;
		clearTimeout(timer);
	}
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Polls `check` until it answers true; gives up (TimeoutError) after `timeoutMs`, or at once if `alive()` turns false. */
export async function waitUntil(
	what: string,
	check: () => Promise<boolean>,
	options: { timeoutMs: number; intervalMs?: number; alive?: () => boolean },
): Promise<void> {
	const deadline = Date.now() + options.timeoutMs;
	while (Date.now() < deadline) {
		if (options.alive && !options.alive()) throw new Error(`${what}: the process exited`);
		if (await check().catch(() => false)) return;
		await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
	}
	throw new TimeoutError(`waiting for ${what}`, options.timeoutMs);
}

/** Whether something listens on 127.0.0.1:port (a TCP connect, no request: nothing gets logged). */
export function acceptsConnections(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		socket.setTimeout(2_000);
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}
