import type { IDataObject } from 'n8n-workflow';

import { marketoApiRequestRaw, type MarketoContext, type MarketoRequest } from '../../transport';
import { nextPageTokenOf, type Requester } from '../../transport/paging';

/**
 * The activity feeds (activities, lead changes, deleted leads) start from a paging token that
 * stands for a datetime. Items that share a start share its token.
 */
export class PagingTokens {
	private readonly bySince = new Map<string, Promise<string>>();

	constructor(private readonly ctx: MarketoContext) {}

	for(sinceDatetime: string): Promise<string> {
		let token = this.bySince.get(sinceDatetime);
		if (!token) {
			token = this.fetch(sinceDatetime);
			this.bySince.set(sinceDatetime, token);
		}
		return token;
	}

	private async fetch(sinceDatetime: string): Promise<string> {
		const response = await marketoApiRequestRaw(this.ctx, {
			method: 'GET',
			path: '/rest/v1/activities/pagingtoken.json',
			qs: { sinceDatetime },
		});
		if (!response.nextPageToken) throw new Error('Marketo answered Get Paging Token without a token');
		return response.nextPageToken;
	}
}

/** One page of an activity feed, with the token that continues after it. */
export interface FeedPage {
	activities: IDataObject[];
	nextPageToken: string;
	moreResult: boolean;
}

/**
 * Pages of an activity feed from `startToken`. Unlike lead lists, every page carries a
 * `nextPageToken` (the last one's is where a later poll would start): `moreResult` alone says
 * whether to go on, and a page may be empty while more follow. Tokens travel in the query only;
 * the transport turns a GET whose URI passes 8 KB into POST `_method=GET`. `batchSize`, asked
 * before each page, lets a reader stop exactly at a budget.
 */
export async function* feedPages(
	send: Requester,
	request: MarketoRequest,
	startToken: string,
	batchSize?: () => number,
): AsyncGenerator<FeedPage> {
	let nextPageToken = startToken;
	const sent = new Set<string>();
	for (;;) {
		const size = batchSize?.();
		sent.add(nextPageToken);
		const response = await send<IDataObject>({ ...request, qs: { ...request.qs, nextPageToken, ...(size === undefined ? {} : { batchSize: size }) } });
		// Feeds always say `moreResult`; without it, as with a repeated token, the walk ends here.
		const more = response.moreResult === true && nextPageTokenOf(response, sent) !== undefined;
		nextPageToken = response.nextPageToken ?? nextPageToken;
		yield { activities: response.result ?? [], nextPageToken, moreResult: more };
		if (!more) return;
	}
}
