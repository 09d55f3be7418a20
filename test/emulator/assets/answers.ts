import { MarketoFailure, marketoErrors } from '../errors';
import { integerParam } from '../lists/queryParams';
import type { RouteAnswer, RouteContext } from '../routes/route';
import type { AssetKind } from './assetKinds';
import { assetsOf, type Asset, type AssetStore, type Fields } from './AssetStore';
import { folderRefOf, sameFolder, type FolderRef } from './folders';
import { jsonField } from './requestBody';

/** Asset queries: `maxReturn` 1–200 (default 20) and `offset`; 1003 past the limit. */
export const ASSET_MAX_RETURN = 200;

/** What Marketo answers for a read that finds nothing: success, no `result` at all, this warning (as recorded from a real instance). */
export const NO_ASSETS = 'No assets found for the given search criteria.';

export function noAssets(): RouteAnswer {
	return { warnings: [NO_ASSETS] } as unknown as RouteAnswer;
}

export function answer(records: unknown[]): RouteAnswer {
	return records.length > 0 ? { result: records } : noAssets();
}

export function page(records: readonly unknown[], params: Record<string, string>): RouteAnswer {
	const maxReturn = params.maxReturn === undefined ? 20 : integerParam(params.maxReturn);
	if (maxReturn < 1 || maxReturn > ASSET_MAX_RETURN) {
		throw new MarketoFailure(marketoErrors.invalidData(`maxReturn must be between 1 and ${ASSET_MAX_RETURN}, got ${maxReturn}`));
	}
	const offset = params.offset === undefined ? 0 : integerParam(params.offset);
	if (offset < 0) throw new MarketoFailure(marketoErrors.invalidData(`offset must not be negative, got ${offset}`));
	return answer(records.slice(offset, offset + maxReturn));
}

/** `status` of a read: approved or draft (1003 otherwise). */
export function statusParam(params: Record<string, string>): 'approved' | 'draft' | undefined {
	const status = params.status;
	if (status === undefined || status === '') return undefined;
	if (status !== 'approved' && status !== 'draft') throw new MarketoFailure(marketoErrors.invalidData(`Invalid status '${status}'; use approved or draft`));
	return status;
}

/** The asset a write names; 702 when there is none (reads answer "no assets found" instead). */
export function existing(kind: AssetKind, id: string, context: RouteContext): { store: AssetStore; asset: Asset } {
	const store = assetsOf(context);
	const asset = store.get(kind.kind, integerParam(id));
	if (!asset) throw new MarketoFailure({ code: '702', message: `${kind.noun} '${id}' not found` });
	return { store, asset };
}

export function businessRule(message: string): MarketoFailure {
	return new MarketoFailure({ code: '709', message });
}

/** A browse or by-name `folder` filter, as JSON text in the query. */
export function folderFilter(params: Record<string, string>, context: RouteContext, name = 'folder'): FolderRef | undefined {
	const value = jsonField(params, name);
	return value === undefined ? undefined : folderRefOf(value, context, name);
}

const timeParam = (params: Record<string, string>, name: string) => {
	if (!params[name]) return undefined;
	const time = Date.parse(params[name]);
	if (Number.isNaN(time)) throw new MarketoFailure(marketoErrors.invalidData(`Invalid ${name} '${params[name]}'`));
	return time;
};

/** Browse filters every asset type shares: folder and last update window. */
export function matchesBrowse(asset: Asset, fields: Fields, params: Record<string, string>, context: RouteContext): boolean {
	const folder = folderFilter(params, context);
	if (folder && !sameFolder(fields.folder, folder)) return false;
	const updated = Date.parse(asset.updatedAt.replace('+0000', ''));
	const earliest = timeParam(params, 'earliestUpdatedAt');
	const latest = timeParam(params, 'latestUpdatedAt');
	return (earliest === undefined || updated >= earliest) && (latest === undefined || updated <= latest);
}
