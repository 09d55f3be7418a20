import { assetContentRoutes } from './assetsContent';
import { assetFolderRoutes } from './assetsFolders';
import { assetProgramRoutes } from './assetsPrograms';
import { assetSharedRoutes } from './assetsShared';
import type { Route } from './route';

/**
 * Every asset endpoint (swagger-asset.json) the emulator serves. Paths without parameters come
 * first, so `/email/byName.json` is not taken for `/email/{id}.json` with id "byName".
 */
export const assetRoutes: Route[] = [...assetSharedRoutes, ...assetContentRoutes, ...assetFolderRoutes, ...assetProgramRoutes].sort(
	(a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')),
);
