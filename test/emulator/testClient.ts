import { request } from 'undici';
import { MarketoEmulator } from './MarketoEmulator';
import type { EmulatorOptions, MarketoError } from './types';

/** The envelope every JSON answer of the REST API carries. */
export interface MarketoBody {
	requestId: string;
	success: boolean;
	errors: MarketoError[];
	warnings: unknown[];
	result?: Array<Record<string, unknown>>;
	moreResult?: boolean;
	nextPageToken?: string;
	[other: string]: unknown;
}

export interface Answer {
	status: number;
	contentType: string;
	text: string;
	body: MarketoBody;
}

export interface CallOptions {
	/** Bearer token; omit for none. */
	token?: string;
	json?: unknown;
	form?: Record<string, string>;
	headers?: Record<string, string>;
	rawBody?: string;
}

/** Emulators started through here are stopped after each test file. */
const running: MarketoEmulator[] = [];
afterAll(async () => {
	await Promise.all(running.splice(0).map((emulator) => emulator.stop()));
});

export async function startEmulator(options?: EmulatorOptions): Promise<MarketoEmulator> {
	const emulator = new MarketoEmulator(options);
	await emulator.start();
	running.push(emulator);
	return emulator;
}

export async function send(emulator: MarketoEmulator, method: string, pathAndQuery: string, options: CallOptions = {}): Promise<Answer> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
	let body: string | undefined = options.rawBody;
	if (options.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.json);
	}
	if (options.form !== undefined) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	}
	const response = await request(`${emulator.baseUrl}${pathAndQuery}`, { method: method as 'GET', headers, body });
	const text = await response.body.text();
	const contentType = String(response.headers['content-type'] ?? '');
	return { status: response.statusCode, contentType, text, body: contentType.startsWith('application/json') ? JSON.parse(text) : {} };
}

export async function identity(emulator: MarketoEmulator, query?: Record<string, string>, method = 'GET'): Promise<Answer> {
	const params = new URLSearchParams(
		query ?? { grant_type: 'client_credentials', client_id: emulator.options.clientId, client_secret: emulator.options.clientSecret },
	);
	return send(emulator, method, `/identity/oauth/token?${params}`);
}

export async function tokenFor(emulator: MarketoEmulator): Promise<string> {
	const answer = await identity(emulator);
	if (answer.status !== 200) throw new Error(`identity answered ${answer.status}: ${answer.text}`);
	return String(answer.body.access_token);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The first response-level error code, or 'success'. */
export function outcome(answer: Answer): string {
	if (!answer.contentType.startsWith('application/json')) return `HTTP ${answer.status}`;
	return answer.body.success ? 'success' : (answer.body.errors?.[0]?.code ?? `HTTP ${answer.status}`);
}
