import type { IDataObject } from 'n8n-workflow';

import { feedPages } from '../../nodes/Marketo/actions/activity/feedPages';
import type { MarketoResponse } from '../../nodes/Marketo/transport/client';
import { nextPageTokenOf, pagesByToken, type Requester } from '../../nodes/Marketo/transport/paging';

type Page = Partial<MarketoResponse<number>>;

/** Answers the scripted pages in order (then refuses), and notes the token each call sent. */
function scripted(pages: Page[]) {
	const sent: unknown[] = [];
	const send = (async (request: { qs?: Record<string, unknown> }) => {
		sent.push(request.qs?.nextPageToken);
		const page = pages.shift();
		if (!page) throw new Error('asked for a page past the end of the script');
		return { success: true, ...page };
	}) as unknown as Requester;
	return { send, sent };
}

async function walk(pages: Page[], startToken?: string) {
	const { send, sent } = scripted(pages);
	const records: number[] = [];
	for await (const page of pagesByToken<number>(send, { method: 'GET', path: '/rest/v1/lists/1/leads.json', qs: { nextPageToken: startToken } })) records.push(...page);
	return { records, sent };
}

describe('paging by position token: moreResult is Marketo’s word, and a token is never followed twice', () => {
	it('stops on moreResult false even when the page carries a token (as real activity pages do)', async () => {
		expect(await walk([{ result: [1], moreResult: false, nextPageToken: 'B' }], 'A')).toEqual({ records: [1], sent: ['A'] });
	});

	it('follows a token that comes without moreResult (lead lists), and stops on a page without one', async () => {
		expect(await walk([{ result: [1, 2], nextPageToken: 'B' }, { result: [3] }])).toEqual({ records: [1, 2, 3], sent: [undefined, 'B'] });
	});

	it('goes on past an empty page that says moreResult with a new token (activity feeds skip quiet stretches so)', async () => {
		const pages = [
			{ result: [], moreResult: true, nextPageToken: 'B' },
			{ result: [7], moreResult: false, nextPageToken: 'C' },
		];
		expect(await walk(pages, 'A')).toEqual({ records: [7], sent: ['A', 'B'] });
	});

	it('stops when a page says moreResult but hands back a token already sent: no endless loop', async () => {
		const pages = [
			{ result: [1], moreResult: true, nextPageToken: 'B' },
			{ result: [], moreResult: true, nextPageToken: 'B' },
		];
		expect(await walk(pages, 'A')).toEqual({ records: [1], sent: ['A', 'B'] });
		expect(await walk([{ result: [1], moreResult: true, nextPageToken: 'A' }], 'A')).toEqual({ records: [1], sent: ['A'] });
	});

	it('stops when moreResult is true but no token comes with it', async () => {
		expect(await walk([{ result: [], moreResult: true }])).toEqual({ records: [], sent: [undefined] });
	});

	it('nextPageTokenOf states the rule on its own', () => {
		expect(nextPageTokenOf({ moreResult: false, nextPageToken: 'B' }, new Set())).toBeUndefined();
		expect(nextPageTokenOf({ nextPageToken: 'B' }, new Set())).toBe('B');
		expect(nextPageTokenOf({ moreResult: true, nextPageToken: 'B' }, new Set(['B']))).toBeUndefined();
		expect(nextPageTokenOf({ moreResult: true }, new Set())).toBeUndefined();
	});
});

describe('activity feed pages', () => {
	async function feed(pages: Page[]) {
		const { send, sent } = scripted(pages);
		const read: Array<{ activities: IDataObject[]; nextPageToken: string; moreResult: boolean }> = [];
		for await (const page of feedPages(send, { method: 'GET', path: '/rest/v1/activities.json' }, 'START')) read.push(page);
		return { read, sent };
	}

	it('keep the last token for a later poll, and stop on a repeated one instead of asking forever', async () => {
		const { read, sent } = await feed([
			{ result: [], moreResult: true, nextPageToken: 'B' },
			{ result: [], moreResult: true, nextPageToken: 'B' },
		]);
		expect(sent).toEqual(['START', 'B']);
		expect(read.map((page) => [page.nextPageToken, page.moreResult])).toEqual([
			['B', true],
			['B', false],
		]);
	});

	it('end on moreResult false, keeping the token that page gave', async () => {
		const { read } = await feed([{ result: [], moreResult: false, nextPageToken: 'B' }]);
		expect(read.map((page) => [page.nextPageToken, page.moreResult])).toEqual([['B', false]]);
	});
});
