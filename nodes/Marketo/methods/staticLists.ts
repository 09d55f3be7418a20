import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { marketoApiRequest, type MarketoRequest } from '../transport';
import { LEAD_DATABASE_BATCH_LIMIT } from '../transport/batch';

interface NamedRecord {
	id: number;
	name: string;
	programName?: string;
}

// Marketo's `name` filter matches whole names only, so a search reads pages and matches here;
// a few pages per keystroke keeps a sparse match from showing an empty list.
const PAGES_PER_SEARCH = 5;

/** "From list" search for records queried by `GET <path>` (static lists, campaigns): by name, paged by Marketo's token. */
export async function searchByName(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter?: string,
	paginationToken?: string,
	qs: MarketoRequest['qs'] = {},
): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase() ?? '';
	const results: INodeListSearchItems[] = [];
	let token = paginationToken || undefined;
	for (let page = 0; page < PAGES_PER_SEARCH; page++) {
		const response = await marketoApiRequest<NamedRecord>(ctx, {
			method: 'GET',
			path,
			qs: { ...qs, batchSize: LEAD_DATABASE_BATCH_LIMIT, nextPageToken: token },
		});
		for (const record of response.result ?? []) {
			if (needle && !record.name.toLowerCase().includes(needle)) continue;
			results.push({ name: record.programName ? `${record.name} (${record.programName})` : record.name, value: String(record.id) });
		}
		token = (response.moreResult ?? Boolean(response.nextPageToken)) ? response.nextPageToken : undefined;
		if (!token || !needle || results.length >= 20) break;
	}
	return { results, paginationToken: token };
}

export async function searchStaticLists(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchByName(this, '/rest/v1/lists.json', filter, paginationToken);
}
