import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchBrowse } from './assets';

interface FolderId {
	id?: number;
	type?: string;
}

// Marketo browses two levels by default; pickers need the folders people actually nest.
const PICKER_DEPTH = 5;

/**
 * "From list" search over folders and programs. The value is Marketo's own `{"id", "type"}`, so
 * a picked program is sent as a program without the user setting Folder Type.
 */
export async function searchFolders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchBrowse(
		this,
		{
			path: '/rest/asset/v1/folders.json',
			qs: { maxDepth: PICKER_DEPTH },
			toItem(record) {
				const folderId = (record.folderId as FolderId | undefined) ?? { id: record.id, type: 'Folder' };
				if (folderId.id === undefined) return undefined;
				const type = folderId.type === 'Program' ? 'Program' : 'Folder';
				const label = record.path ?? record.name ?? String(folderId.id);
				return {
					name: type === 'Program' ? `${label} (program)` : label,
					value: JSON.stringify({ id: folderId.id, type }),
					...(record.url ? { url: record.url } : {}),
				};
			},
		},
		filter,
		paginationToken,
	);
}
