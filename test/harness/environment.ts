/**
 * Process-wide set-up that n8n-core expects the n8n CLI to have done before any workflow runs:
 * DI bindings for the logger and the instance settings, the LoggerProxy, and a proxy
 * configuration that leaves loopback traffic alone. Done once per process (jest worker), and
 * never writes outside a private temp directory.
 */
import { Logger } from '@n8n/backend-common';
import { InstanceSettingsConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import { InstanceSettings } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import type { Logger as WorkflowLogger, LogMetadata } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Level = 'error' | 'warn' | 'info' | 'debug';

export interface HarnessLogEntry {
	level: Level;
	message: string;
	metadata?: LogMetadata;
}

/**
 * Stands in for `@n8n/backend-common`'s winston Logger. Silent unless `N8N_HARNESS_LOG` is set
 * (to `debug`, `info`, `warn` or `error`), so failing tests can be re-run with engine logs.
 * The last entries are kept in memory for inspection.
 */
export class HarnessLogger implements WorkflowLogger {
	readonly entries: HarnessLogEntry[] = [];

	private readonly printLevels: Level[];

	constructor() {
		const order: Level[] = ['error', 'warn', 'info', 'debug'];
		const wanted = (process.env.N8N_HARNESS_LOG ?? '').toLowerCase() as Level;
		const index = order.indexOf(wanted);
		this.printLevels = index === -1 ? [] : order.slice(0, index + 1);
	}

	error(message: string, metadata?: LogMetadata) {
		this.log('error', message, metadata);
	}

	warn(message: string, metadata?: LogMetadata) {
		this.log('warn', message, metadata);
	}

	info(message: string, metadata?: LogMetadata) {
		this.log('info', message, metadata);
	}

	debug(message: string, metadata?: LogMetadata) {
		this.log('debug', message, metadata);
	}

	scoped() {
		return this;
	}

	private log(level: Level, message: string, metadata?: LogMetadata) {
		this.entries.push({ level, message, metadata });
		if (this.entries.length > 500) this.entries.splice(0, this.entries.length - 500);
		if (this.printLevels.includes(level)) {
			console.log(`[n8n ${level}] ${message}`, metadata ?? '');
		}
	}
}

export interface HarnessEnvironment {
	tempDir: string;
	logger: HarnessLogger;
	instanceSettings: InstanceSettings;
}

let environment: HarnessEnvironment | undefined;

function removeTempDir(dir: string) {
	try {
		rmSync(dir, { recursive: true, force: true });
	} catch {
		// best effort
	}
}

// Under jest every test file gets its own module registry (so its own DI container and its
// own environment); remove that file's temp dir when the file is done. The 'exit' handler
// below is only a fallback, since jest workers do not reliably run it.
declare const afterAll: ((fn: () => void) => void) | undefined;
if (typeof afterAll === 'function') {
	try {
		afterAll(() => {
			if (environment) removeTempDir(environment.tempDir);
		});
	} catch {
		// imported from inside a running test: hooks cannot be added there; 'exit' still applies
	}
}

/** Hosts that must never be sent through an HTTP(S) proxy picked up from the environment. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

/**
 * n8n-core (2.11.1) picks a proxy per request with `proxy-from-env`, which reads
 * `npm_config_<proto>_proxy`, `<proto>_proxy`, `npm_config_proxy` and `all_proxy`, and bypasses
 * it for hosts listed in `npm_config_no_proxy` or else `no_proxy` (lower case first, then upper
 * case; the first non-empty one wins). If any proxy is configured, append the loopback hosts to
 * whichever no-proxy variable is the effective one, so requests to test servers on 127.0.0.1
 * are not sent to the proxy. With no proxy configured nothing is changed.
 */
export function bypassProxyForLoopback(env: NodeJS.ProcessEnv = process.env): void {
	const read = (key: string) => env[key.toLowerCase()] || env[key.toUpperCase()] || '';
	const proxyVars = [
		'npm_config_http_proxy',
		'npm_config_https_proxy',
		'http_proxy',
		'https_proxy',
		'npm_config_proxy',
		'all_proxy',
	];
	if (!proxyVars.some((key) => read(key) !== '')) return;

	const noProxyKey = read('npm_config_no_proxy') !== '' ? 'npm_config_no_proxy' : 'no_proxy';
	const current = read(noProxyKey);
	if (current.trim() === '*') return;
	const listed = current
		.split(/[,\s]/)
		.map((entry) => entry.trim().toLowerCase())
		.filter(Boolean);
	const missing = LOOPBACK_HOSTS.filter((host) => !listed.includes(host));
	if (missing.length === 0) return;
	const value = [...listed, ...missing].join(',');
	// proxy-from-env reads the lower-case name first, so setting it is enough; keep the
	// upper-case one in step for other libraries.
	env[noProxyKey.toLowerCase()] = value;
	env[noProxyKey.toUpperCase()] = value;
}

/**
 * Idempotent: the first call sets the environment up, later calls return it. The proxy
 * bypass is re-checked on every call, since tests may set proxy variables later.
 */
export function ensureEnvironment(): HarnessEnvironment {
	bypassProxyForLoopback();
	if (environment) return environment;

	const tempDir = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
	process.once('exit', () => removeTempDir(tempDir));

	const logger = new HarnessLogger();
	Container.set(Logger, logger as unknown as Logger);
	LoggerProxy.init(logger);

	// What the CLI reads from N8N_USER_FOLDER / N8N_ENCRYPTION_KEY, pointed at the temp dir.
	const n8nFolder = path.join(tempDir, '.n8n');
	const instanceSettingsConfig: InstanceSettingsConfig = {
		enforceSettingsFilePermissions: false,
		encryptionKey: 'n8n-harness-encryption-key',
		userHome: tempDir,
		n8nFolder,
	};
	Container.set(InstanceSettingsConfig, instanceSettingsConfig);
	// The constructor writes `<n8nFolder>/config` (the encryption key) – inside tempDir.
	const instanceSettings = new InstanceSettings(
		instanceSettingsConfig,
		logger as unknown as Logger,
	);
	Container.set(InstanceSettings, instanceSettings);

	// Every ExecuteContext resolves this singleton, whose constructor starts a 60 s cleanup
	// interval that the CLI stops at shutdown. Create it now and unref the interval so it
	// cannot keep a test process alive.
	const sshClientsManager = Container.get(SSHClientsManager);
	(sshClientsManager as unknown as { cleanupTimer?: NodeJS.Timeout }).cleanupTimer?.unref();

	environment = { tempDir, logger, instanceSettings };
	return environment;
}
