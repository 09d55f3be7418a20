import { MarketoClient, type Transmitter, type WireResponse } from '../../nodes/Marketo/transport/client';
import { MarketoApiError } from '../../nodes/Marketo/transport/errors';
import type { WireRequest } from '../../nodes/Marketo/transport/request';
import { InstanceThrottle, MARKETO_DEFAULT_LIMITS } from '../../nodes/Marketo/transport/throttle';
import { TokenKeeper } from '../../nodes/Marketo/transport/tokenKeeper';
import { FakeClock } from '../support/fakeClock';

/** A body as n8n hands it over with `encoding: 'stream'`: bytes as they arrive. */
async function* bytes(...chunks: string[]): AsyncGenerator<Uint8Array> {
	for (const chunk of chunks) yield Buffer.from(chunk);
}

const csv = (text: string, status = 200): WireResponse => ({ status, headers: { 'content-type': 'text/csv' }, body: bytes(text) });
class FileTransmitter implements Transmitter {
	readonly sent: WireRequest[] = [];
	constructor(private readonly script: WireResponse[]) {}
	async send(wire: WireRequest, token: string) {
		this.sent.push(wire);
		const grant = token === '' ? { token: 't', expiresAt: Date.now() + 3_600_000 } : undefined;
		return { response: this.script.shift() as WireResponse, grant };
	}
}

function setup(script: WireResponse[]) {
	const clock = new FakeClock();
	const transmitter = new FileTransmitter(script);
	const throttle = new InstanceThrottle({ ...MARKETO_DEFAULT_LIMITS, maxInFlight: 1 }, clock);
	const client = new MarketoClient({ instanceBase: 'https://123-ABC-456.mktorest.com', throttle, tokens: new TokenKeeper(clock), transmitter, clock });
	return { clock, transmitter, throttle, client };
}

async function text(body: AsyncIterable<Uint8Array>): Promise<string> {
	let out = '';
	for await (const chunk of body) out += Buffer.from(chunk).toString();
	return out;
}

const fileRequest = { method: 'GET' as const, path: '/bulk/v1/leads/export/abc/file.json' };

function jsonError(code: string, message: string): WireResponse {
	const body = JSON.stringify({ requestId: 'e1', success: false, errors: [{ code, message }], warnings: [] });
	return { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: bytes(body.slice(0, 10), body.slice(10)) };
}

describe('MarketoClient.requestFile (bulk files, read as they arrive)', () => {
	it('asks for a stream and hands the CSV body over unread', async () => {
		const { clock, transmitter, client } = setup([csv('id,email\n1,a@x.io\n')]);
		const file = await clock.runUntilSettled(client.requestFile({ ...fileRequest, headers: { Range: 'bytes=0-' } }));
		expect(transmitter.sent[0]).toMatchObject({ method: 'GET', stream: true, headers: { Range: 'bytes=0-' } });
		expect(file.contentType).toBe('text/csv');
		expect(await text(file.body)).toBe('id,email\n1,a@x.io\n');
	});

	it('recognises a JSON error envelope answered in place of the file, and fails with its code', async () => {
		const { clock, client } = setup([jsonError('1003', 'Export job not in completed state')]);
		const failure = await clock.runUntilSettled(client.requestFile(fileRequest)).catch((error: MarketoApiError) => error);
		expect(failure).toBeInstanceOf(MarketoApiError);
		expect((failure as MarketoApiError).details.code).toBe('1003');
		expect((failure as MarketoApiError).message).toMatch(/not in completed state/);
	});

	it('repeats the download after a 6xx envelope (not executed), then streams the file', async () => {
		const { clock, transmitter, client } = setup([jsonError('606', 'Max rate limit exceeded'), csv('a\n1\n')]);
		const file = await clock.runUntilSettled(client.requestFile(fileRequest));
		expect(await text(file.body)).toBe('a\n1\n');
		expect(transmitter.sent).toHaveLength(2);
	});

	it('keeps the call in flight until the body is read, so the concurrency cap counts the download', async () => {
		const { clock, client } = setup([csv('a\n1\n'), csv('b\n2\n')]);
		const first = await clock.runUntilSettled(client.requestFile(fileRequest));
		let secondArrived = false;
		const second = client.requestFile(fileRequest).then((file) => ((secondArrived = true), file));
		await clock.advance(1_000);
		expect(secondArrived).toBe(false);
		await text(first.body);
		await clock.runUntilSettled(second);
		expect(secondArrived).toBe(true);
	});

	it('an HTTP error page in place of the file fails with its status', async () => {
		const { clock, client } = setup([{ status: 404, headers: { 'content-type': 'text/html' }, body: bytes('<h1>Not Found</h1>') }]);
		await expect(clock.runUntilSettled(client.requestFile(fileRequest))).rejects.toThrow(/HTTP 404: <h1>Not Found/);
	});

});
