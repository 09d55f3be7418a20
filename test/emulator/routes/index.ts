import { activityRoutes } from './activities';
import { assetRoutes } from './assets';
import { bulkExtractRoutes } from './bulkExtract';
import { bulkImportRoutes } from './bulkImport';
import { campaignRoutes } from './campaigns';
import { crmObjectRoutes } from './crmObjects';
import { customObjectRoutes } from './customObjects';
import { describeRoutes } from './describe';
import { leadActionRoutes } from './leadActions';
import { leadMembershipRoutes } from './leadMemberships';
import { leadRoutes } from './leads';
import { listRoutes } from './lists';
import { programMemberRoutes } from './programMembers';
import { programRoutes } from './programs';
import type { Route } from './route';
import { statsRoutes } from './stats';

/** Every endpoint the emulator serves. A new endpoint is a new entry here. */
export const ROUTES: readonly Route[] = [...leadRoutes, ...leadActionRoutes, ...leadMembershipRoutes, ...describeRoutes, ...statsRoutes, ...crmObjectRoutes, ...customObjectRoutes, ...listRoutes, ...campaignRoutes, ...activityRoutes, ...programMemberRoutes, ...assetRoutes, ...programRoutes, ...bulkImportRoutes, ...bulkExtractRoutes];
