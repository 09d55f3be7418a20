import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refusedAtGates, serveApiCall } from './apiCall';
import { CallLedger } from './callLedger';
import { callOnArrival, Exchange } from './exchange';
import { FaultQueue } from './faults';
import { serveIdentity } from './identity';
import { LeadStore } from './leads/LeadStore';
import { seedLeads } from './leads/seedLeads';
import { bodyLimitFor, isViolation, resolveOptions } from './rules';
import type { EmulatorState } from './state';
import { TokenStore } from './tokens';
import type { EmulatorOptions, Fault, RecordedCall } from './types';

/** A strict, in-memory Marketo instance on 127.0.0.1 and an ephemeral port. */
export class MarketoEmulator {
	readonly options: Required<EmulatorOptions>;
	readonly calls: RecordedCall[] = [];
	readonly leads = new LeadStore();
	private readonly tokens: TokenStore;
	private readonly ledger = new CallLedger();
	private readonly faults = new FaultQueue();
	private readonly state: EmulatorState;
	private readonly timers = new Set<NodeJS.Timeout>();
	private server?: Server;
	private url?: string;
	private seq = 0;
	private apiSeq = 0;

	constructor(options: EmulatorOptions = {}) {
		this.options = resolveOptions(options);
		this.tokens = new TokenStore(this.options.tokenLifetimeSeconds);
		seedLeads(this.leads, this.options.seedLeads);
		this.state = {
			options: this.options,
			tokens: this.tokens,
			ledger: this.ledger,
			faults: this.faults,
			leads: this.leads,
			sleep: (ms) => this.sleep(ms),
		};
	}

	get baseUrl(): string {
		if (this.url === undefined) throw new Error('MarketoEmulator: call start() before using its URLs');
		return this.url;
	}

	get restEndpoint(): string {
		return `${this.baseUrl}/rest`;
	}

	get identityEndpoint(): string {
		return `${this.baseUrl}/identity`;
	}

	async start(): Promise<void> {
		if (this.server !== undefined) throw new Error('MarketoEmulator: already started');
		// Node's own header limit (16 KB) would answer 431 before the emulator could answer 414.
		const server = createServer({ maxHeaderSize: 1 << 20 }, (req, res) => void this.handle(req, res));
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => resolve());
		});
		this.server = server;
		this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (server === undefined) return;
		this.server = undefined;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		await new Promise<void>((resolve, reject) => {
			server.close((error) => (error ? reject(error) : resolve()));
			server.closeAllConnections();
		});
	}

	apiCalls(): RecordedCall[] {
		return this.calls.filter((call) => call.kind === 'api');
	}

	violations(): RecordedCall[] {
		return this.calls.filter(isViolation);
	}

	inject(fault: Fault): void {
		this.faults.add(fault);
	}

	expireAllTokens(): void {
		this.tokens.expireAll(Date.now());
	}

	revokeAllTokens(): void {
		this.tokens.revokeAll();
	}

	/** Clears calls, rate window, daily counter, error statistics and faults; keeps leads and tokens. */
	resetCounters(): void {
		this.calls.length = 0;
		this.seq = 0;
		this.apiSeq = 0;
		this.ledger.reset();
		this.faults.clear();
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const call = callOnArrival(req, ++this.seq);
		if (call.kind === 'api') call.apiSeq = ++this.apiSeq;
		this.calls.push(call);
		const exchange = new Exchange(call, req, res);
		try {
			await exchange.readBody(bodyLimitFor(call.path, this.options));
			if (call.kind === 'api') await serveApiCall(exchange, this.state);
			else if (!refusedAtGates(exchange, this.state, ['every call'])) serveIdentity(exchange, this.options, this.tokens);
		} catch (error) {
			// Typically the client went away mid-request; answer if anyone is still listening.
			if (!res.headersSent && !res.destroyed) exchange.text(500, `MarketoEmulator error: ${String(error)}`);
		}
	}

	private sleep(ms: number): Promise<void> {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}
}
