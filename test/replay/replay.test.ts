import { realResponses } from './realResponses';
import type { ReplayCall } from './replayServer';
import type { Expected, ExpectedCall, Replay } from './replayTypes';
import { NOT_READ, REPLAYS } from './replays';
import { runReplay } from './runReplay';

/** The table's plain data as Jest matchers: a RegExp matches a string. */
function matcherOf(value: Expected): unknown {
	if (value instanceof RegExp) return expect.stringMatching(value);
	if (Array.isArray(value)) return value.map(matcherOf);
	if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, matcherOf(inner)]));
	return value;
}

const routeOf = (expected: ExpectedCall) => (typeof expected === 'string' ? expected : expected.call);

function expectCall(call: ReplayCall, expected: ExpectedCall): void {
	if (typeof expected === 'string') return;
	if (expected.query) expect(call.query).toMatchObject(matcherOf(expected.query) as object);
	if (expected.body !== undefined) expect(JSON.parse(call.body)).toMatchObject(matcherOf(expected.body) as object);
	if (expected.bearer !== undefined) expect(call.bearer).toBe(expected.bearer);
}

const servedIds = (replay: Replay) => [...replay.answers, ...(replay.identity ?? [])].filter((answer): answer is string => typeof answer === 'string');

describe('The replay table', () => {
	const inFolder = [...realResponses().keys()];
	const replayed = new Set(REPLAYS.flatMap((replay) => replay.replays));
	const notRead = new Set(NOT_READ.map((entry) => entry.id));

	it('gives every real response in the folder a replay, or a reason the node does not read it', () => {
		expect(inFolder.filter((id) => !replayed.has(id) && !notRead.has(id))).toEqual([]);
	});

	it('names only responses that are in the folder, and none both replayed and unread', () => {
		const named = [...replayed, ...notRead, ...REPLAYS.flatMap(servedIds)];
		expect(named.filter((id) => !inFolder.includes(id))).toEqual([]);
		expect([...notRead].filter((id) => replayed.has(id))).toEqual([]);
	});

	it('serves each response a replay claims, and checks what the node made of it', () => {
		for (const replay of REPLAYS) {
			expect({ title: replay.title, unserved: replay.replays.filter((id) => !servedIds(replay).includes(id)) }).toEqual({ title: replay.title, unserved: [] });
			const { items, including, error, files } = replay.expect;
			const checksOutput = [items, including, error, files].some((check) => check !== undefined);
			expect({ title: replay.title, checksOutput }).toEqual({ title: replay.title, checksOutput: true });
		}
	});

	it('has unique titles, so a failure names its replay', () => {
		const titles = REPLAYS.map((replay) => replay.title);
		expect(titles.filter((title, index) => titles.indexOf(title) !== index)).toEqual([]);
	});
});

describe('Real Marketo answers, replayed through the node', () => {
	it.each(REPLAYS.map((replay) => [replay.title, replay] as const))('%s', async (_title, replay) => {
		const { items, files, error, server } = await runReplay(replay);
		const want = replay.expect;

		if (want.error) expect(error).toMatch(want.error);
		else expect(error).toBeUndefined();
		if (want.items) expect(items).toMatchObject(want.items.map(matcherOf) as object[]);
		if (want.itemCount !== undefined) expect(items).toHaveLength(want.itemCount);
		for (const wanted of want.including ?? []) expect(items).toContainEqual(expect.objectContaining(matcherOf(wanted) as object));
		if (want.files) expect(files).toEqual(want.files);

		const calls = server.restCalls();
		if (want.calls) {
			expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(want.calls.map(routeOf));
			want.calls.forEach((expected, index) => expectCall(calls[index], expected));
		}
		if (want.tokenRequests !== undefined) expect(server.tokenRequests()).toBe(want.tokenRequests);

		// Whatever the replay: every answer was asked for, nothing unscripted, every call with a token identity gave.
		expect(calls.filter((call) => call.answeredWith === 'unscripted').map((call) => `${call.method} ${call.path}`)).toEqual([]);
		expect(server.unused()).toEqual([]);
		expect(calls.filter((call) => !server.tokens.includes(call.bearer ?? '')).map((call) => call.path)).toEqual([]);
	});
});
