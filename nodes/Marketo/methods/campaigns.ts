import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchByName } from './staticLists';

export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchByName(this, '/rest/v1/campaigns.json', filter, paginationToken);
}

/** Only campaigns Request can run: active, with "Campaign is Requested: Web Service API". */
export async function searchRequestableCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchByName(this, '/rest/v1/campaigns.json', filter, paginationToken, { isTriggerable: true });
}
