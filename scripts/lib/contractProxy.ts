import { writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { mergedSpecForProxy } from './officialSpec';
import { acceptsConnections, freePort, Service, waitUntil } from './processes';
import type { Toolchain } from './toolchain';

const PRISM_ERROR = 'https://stoplight.io/prism/errors#';

/**
 * Prism in proxy mode with --errors, in front of the emulator: a request that departs from
 * Adobe's official files (unknown path, missing or mistyped parameter, wrong body) is answered
 * 422 or 404 by Prism and never reaches the emulator; everything else is forwarded unchanged.
 * A small recorder in front of Prism notes each refusal as it is answered (Prism's own log is
 * written later, so a check right after a run could miss it).
 */
export interface Refusal {
	/** When Prism's answer came back (ms since the epoch). */
	at: number;
	text: string;
}

export class ContractProxy {
	private readonly refused: Refusal[] = [];

	private constructor(
		private readonly prism: Service,
		private readonly prismPort: number,
		private server?: Server,
	) {}

	static async start(toolchain: Toolchain, upstream: string, workDir: string): Promise<ContractProxy> {
		const specFile = join(workDir, 'marketo-official-merged.json');
		writeFileSync(specFile, JSON.stringify(mergedSpecForProxy()));
		const prismPort = await freePort();
		// Warnings and errors only: at info level Prism logs every forwarded URL, client secret included.
		const args = [toolchain.prismCli, 'proxy', specFile, upstream, '--errors', '--host', '127.0.0.1', '--port', String(prismPort), '-v', 'warn'];
		const prism = Service.start('contract proxy', toolchain.node24, args, { logFile: join(workDir, 'contract-proxy.log') });
		await waitUntil('contract proxy', () => acceptsConnections(prismPort), { timeoutMs: 3 * 60_000, alive: () => prism.running }).catch((error: Error) => {
			throw new Error(`${error.message}\n${prism.log()}`);
		});
		const proxy = new ContractProxy(prism, prismPort);
		await proxy.listen();
		return proxy;
	}

	get url(): string {
		return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
	}

	get restEndpoint(): string {
		return `${this.url}/rest`;
	}

	/** Requests Prism refused, and requests it forwarded but logged as departing from the files. */
	violations(): string[] {
		const flagged = this.prism
			.log()
			.split('\n')
			.filter((line) => line.includes('Violation: request'));
		return [...this.refused.map((refusal) => refusal.text), ...flagged];
	}

	refusals(): readonly Refusal[] {
		return this.refused;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
		server?.closeAllConnections();
		await this.prism.stop(5_000);
	}

	private async listen(): Promise<void> {
		const server = createServer((req, res) => {
			const forwarded = httpRequest(
				{ host: '127.0.0.1', port: this.prismPort, method: req.method, path: req.url, headers: req.headers },
				(answer) =>
					void readAll(answer).then((body) => {
						if (isPrismError(answer, body)) {
							// The path only: a query string may hold the client secret.
							const text = `${req.method} ${(req.url ?? '').split('?')[0]} -> ${answer.statusCode} ${body.toString('utf8')}`;
							this.refused.push({ at: Date.now(), text });
						}
						res.writeHead(answer.statusCode ?? 502, answer.headers);
						res.end(body);
					}),
			);
			forwarded.once('error', (error) => {
				res.writeHead(502, { 'content-type': 'text/plain' });
				res.end(`contract proxy: ${error.message}`);
			});
			req.pipe(forwarded);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
		this.server = server;
	}
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.once('end', () => resolve(Buffer.concat(chunks)));
		stream.once('error', reject);
	});
}

function isPrismError(answer: IncomingMessage, body: Buffer): boolean {
	if (!String(answer.headers['content-type'] ?? '').includes('problem+json')) return false;
	try {
		return String((JSON.parse(body.toString('utf8')) as { type?: unknown }).type).startsWith(PRISM_ERROR);
	} catch {
		return false;
	}
}
