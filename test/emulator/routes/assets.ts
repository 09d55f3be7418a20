import { assetContentRoutes } from './assetsContent';
import { assetDynamicContentRoutes } from './assetsDynamicContent';
import { assetEmailModuleRoutes } from './assetsEmailModules';
import { assetFolderRoutes } from './assetsFolders';
import { assetFormLayoutRoutes } from './assetsFormLayout';
import { assetProgramRoutes } from './assetsPrograms';
import { assetSharedRoutes } from './assetsShared';
import type { Route } from './route';

const placeholders = (route: Route) => route.path.split('{').length;

/**
 * Every asset endpoint (swagger-asset.json) the emulator serves. Paths with fewer parameters come
 * first, so `/email/byName.json` is not taken for `/email/{id}.json` with id "byName", nor
 * `/email/{id}/content/rearrange.json` for `/email/{id}/content/{htmlId}.json`.
 */
export const assetRoutes: Route[] = [
	...assetSharedRoutes,
	...assetContentRoutes,
	...assetDynamicContentRoutes,
	...assetEmailModuleRoutes,
	...assetFolderRoutes,
	...assetFormLayoutRoutes,
	...assetProgramRoutes,
].sort((a, b) => placeholders(a) - placeholders(b));
