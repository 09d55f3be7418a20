import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { marketoApiRequestRaw, toNodeApiError, type MarketoRequest } from '../transport';
import { MarketoApiError } from '../transport/errors';
import { ASSET_MAX_RETURN } from '../transport/paging';
import { settle } from '../transport/settle';

interface BrowsedAsset {
	id?: number;
	name?: string;
	status?: string;
	url?: string;
	path?: string;
}

// Browse endpoints have no name filter, so a search reads a few pages per keystroke and matches here.
const PAGES_PER_SEARCH = 5;
const ENOUGH_MATCHES = 20;

export interface BrowseSearch {
	/** Browse endpoint, e.g. `/rest/asset/v1/emails.json`. */
	path: string;
	/** False for endpoints without offset (segmentations): one answer holds all. */
	paged?: boolean;
	qs?: MarketoRequest['qs'];
	toItem(record: BrowsedAsset & Record<string, unknown>): INodeListSearchItems | undefined;
}

/** One page of a browse; Marketo's 702 "no data" is an empty page, not an error. */
async function browsePage(ctx: ILoadOptionsFunctions, request: MarketoRequest): Promise<Array<BrowsedAsset & Record<string, unknown>>> {
	const answer = await settle(marketoApiRequestRaw<BrowsedAsset & Record<string, unknown>>(ctx, request));
	if (answer.ok) return answer.value.result ?? [];
	if (answer.error instanceof MarketoApiError && answer.error.details.code === '702') return [];
	throw answer.error instanceof NodeApiError ? answer.error : toNodeApiError(ctx, answer.error);
}

/** "From list" search over an asset browse endpoint, by name, paged by offset (the token is the next offset). */
export async function searchBrowse(ctx: ILoadOptionsFunctions, search: BrowseSearch, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase() ?? '';
	const results: INodeListSearchItems[] = [];
	const seen = new Set<string>();
	let offset: number | undefined = Number(paginationToken) || 0;
	for (let page = 0; page < PAGES_PER_SEARCH && offset !== undefined; page++) {
		const paging = search.paged === false ? {} : { offset, maxReturn: ASSET_MAX_RETURN };
		const records = await browsePage(ctx, { method: 'GET', path: search.path, qs: { ...search.qs, ...paging } });
		for (const record of records) {
			const item = search.toItem(record);
			// Browses list an asset's approved version and its draft separately.
			if (!item || seen.has(String(item.value))) continue;
			if (needle && !item.name.toLowerCase().includes(needle)) continue;
			seen.add(String(item.value));
			results.push(item);
		}
		offset = search.paged !== false && records.length === ASSET_MAX_RETURN ? offset + ASSET_MAX_RETURN : undefined;
		if (!needle || results.length >= ENOUGH_MATCHES) break;
	}
	return { results, ...(offset !== undefined ? { paginationToken: String(offset) } : {}) };
}

const byId = (record: BrowsedAsset): INodeListSearchItems | undefined =>
	record.id === undefined ? undefined : { name: record.name ?? String(record.id), value: String(record.id), ...(record.url ? { url: record.url } : {}) };

// Programs are searched by methods/programs.ts (searchPrograms), shared with Program Member.
const assetSearch = (collection: string, paged = true) =>
	async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await searchBrowse(this, { path: `/rest/asset/v1/${collection}.json`, paged, toItem: byId }, filter, paginationToken);
	};

export const searchEmails = assetSearch('emails');
export const searchEmailTemplates = assetSearch('emailTemplates');
export const searchFiles = assetSearch('files');
export const searchForms = assetSearch('forms');
export const searchLandingPages = assetSearch('landingPages');
export const searchLandingPageTemplates = assetSearch('landingPageTemplates');
export const searchSegmentations = assetSearch('segmentation', false);
export const searchSmartCampaigns = assetSearch('smartCampaigns');
export const searchSmartLists = assetSearch('smartLists');
export const searchSnippets = assetSearch('snippets');
