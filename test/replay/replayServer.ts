import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { readParameters } from '../emulator/exchange';
import { realResponse } from './realResponses';
import type { ScriptedAnswer } from './replayTypes';

/** A request as the replay server received it. */
export interface ReplayCall {
	method: string;
	path: string;
	/** A repeated key with its first value, the one Marketo reads. */
	query: Record<string, string>;
	body: string;
	/** The bearer token, if the call carried one. */
	bearer?: string;
	/** The answer it got: a real response's id, "supporting", "identity" or "unscripted". */
	answeredWith: string;
}

interface Served {
	label: string;
	method: string;
	path: RegExp;
	status: number;
	contentType: string;
	text: string;
	used: boolean;
}

const IDENTITY_PATH = '/identity/oauth/token';

function pathPattern(path: string): RegExp {
	const parts = path.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${parts.join('[^/]+')}$`);
}

function compile(answer: ScriptedAnswer): Served {
	const source = typeof answer === 'string' ? realResponse(answer) : undefined;
	const route = source ? `${source.route.method} ${source.route.path}` : (answer as Exclude<ScriptedAnswer, string>).route;
	const spec = source ?? (answer as Exclude<ScriptedAnswer, string>);
	const [method, path] = route.split(' ');
	const isText = spec.bodyText !== undefined;
	return {
		label: source ? source.id : 'supporting',
		method,
		path: pathPattern(path),
		status: spec.status ?? 200,
		contentType: isText ? (spec.contentType ?? 'text/plain') : 'application/json',
		text: isText ? (spec.bodyText as string) : JSON.stringify(spec.body),
		used: false,
	};
}

/**
 * Marketo for one replay: a tiny HTTP server on 127.0.0.1 that answers each call with the next
 * scripted answer for its route, and identity with a token. It knows no Marketo rules: what the
 * node makes of a real answer is the point, so everything else is scripted or recorded.
 */
export class ReplayServer {
	readonly calls: ReplayCall[] = [];
	/** The tokens identity handed out, in order. */
	readonly tokens: string[] = [];
	private readonly answers: Served[];
	private readonly identity: Served[];
	private issued = 0;
	private server?: Server;
	baseUrl = '';

	constructor(answers: ScriptedAnswer[], identity: ScriptedAnswer[] = []) {
		this.answers = answers.map(compile);
		this.identity = identity.map(compile);
	}

	async start(): Promise<void> {
		const server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		this.server = server;
		this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		await new Promise<void>((resolve) => {
			server?.close(() => resolve());
			server?.closeAllConnections();
		});
	}

	restCalls(): ReplayCall[] {
		return this.calls.filter((call) => call.answeredWith !== 'identity');
	}

	tokenRequests(): number {
		return this.calls.length - this.restCalls().length;
	}

	/** Scripted answers no call asked for: the replay did not reach them. */
	unused(): string[] {
		return [...this.answers, ...this.identity].filter((answer) => !answer.used).map((answer) => answer.label);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', this.baseUrl);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const authorization = req.headers.authorization;
		// As Marketo's servlets read a query: a repeated key counts with its first value only.
		const query = readParameters(url.searchParams).values;
		const method = query._method ?? req.method ?? '';
		const call: ReplayCall = {
			method,
			path: url.pathname,
			query,
			body: Buffer.concat(chunks).toString('utf8'),
			...(authorization?.startsWith('Bearer ') ? { bearer: authorization.slice(7) } : {}),
			answeredWith: 'unscripted',
		};
		this.calls.push(call);
		if (url.pathname === IDENTITY_PATH) {
			call.answeredWith = 'identity';
			this.answerIdentity(res);
			return;
		}
		const served = this.answers.find((answer) => !answer.used && answer.method === method && answer.path.test(url.pathname));
		if (!served) {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ success: false, errors: [{ code: '610', message: `Replay: nothing scripted for ${method} ${url.pathname}` }] }));
			return;
		}
		served.used = true;
		call.answeredWith = served.label;
		res.writeHead(served.status, { 'content-type': served.contentType });
		res.end(served.text);
	}

	private answerIdentity(res: ServerResponse): void {
		const scripted = this.identity.find((answer) => !answer.used);
		let text: string;
		if (scripted) {
			scripted.used = true;
			text = scripted.text;
		} else {
			text = JSON.stringify({ access_token: `replay-token-${++this.issued}`, token_type: 'bearer', expires_in: 3600, scope: 'replay@example.com' });
		}
		this.tokens.push(String((JSON.parse(text) as { access_token?: unknown }).access_token));
		res.writeHead(scripted?.status ?? 200, { 'content-type': 'application/json' });
		res.end(text);
	}
}
