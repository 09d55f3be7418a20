import type { MarketoResource } from '../resources';
import type { AssetCall } from './assetCall';
import { assetResource } from './assetResource';
import type { AssetType } from './assetType';
import {
	CHANNEL,
	EMAIL,
	EMAIL_TEMPLATE,
	FILE,
	FORM,
	LANDING_PAGE,
	LANDING_PAGE_TEMPLATE,
	PROGRAM,
	REDIRECT_RULE,
	SEGMENTATION,
	SMART_CAMPAIGN,
	SMART_LIST,
	SNIPPET,
	STATIC_LIST_ASSET,
	TAG,
} from './assetTypes';
import { sharedCalls } from './sharedOperations';
import { EMAIL_CALLS } from './special/email';
import { EMAIL_TEMPLATE_CALLS, LANDING_PAGE_TEMPLATE_CALLS } from './special/emailTemplate';
import { FILE_CALLS } from './special/file';
import { FOLDER_CALLS, FOLDER_RESOURCE } from './special/folder';
import { FORM_CALLS } from './special/form';
import { LANDING_PAGE_CALLS } from './special/landingPage';
import { PROGRAM_CALLS, SMART_CAMPAIGN_CALLS } from './special/program';
import { REDIRECT_RULE_CALLS } from './special/redirectRule';
import { SEGMENTATION_CALLS } from './special/segmentation';
import { SNIPPET_CALLS } from './special/snippet';
import { TOKEN_CALLS, TOKEN_RESOURCE } from './special/token';

/** Every asset type with the operations only it has; the shared ones come from its row in the table. */
export const ASSET_TYPES: Array<{ type: AssetType; special: AssetCall[] }> = [
	{ type: CHANNEL, special: [] },
	{ type: EMAIL, special: EMAIL_CALLS },
	{ type: EMAIL_TEMPLATE, special: EMAIL_TEMPLATE_CALLS },
	{ type: FILE, special: FILE_CALLS },
	{ type: FORM, special: FORM_CALLS },
	{ type: LANDING_PAGE, special: LANDING_PAGE_CALLS },
	{ type: REDIRECT_RULE, special: REDIRECT_RULE_CALLS },
	{ type: LANDING_PAGE_TEMPLATE, special: LANDING_PAGE_TEMPLATE_CALLS },
	{ type: PROGRAM, special: PROGRAM_CALLS },
	{ type: SEGMENTATION, special: SEGMENTATION_CALLS },
	{ type: SMART_CAMPAIGN, special: SMART_CAMPAIGN_CALLS },
	{ type: SMART_LIST, special: [] },
	{ type: SNIPPET, special: SNIPPET_CALLS },
	{ type: STATIC_LIST_ASSET, special: [] },
	{ type: TAG, special: [] },
];

/** The asset resources of the node, by name: one per asset type, plus Folder and My Token. */
export const ASSET_RESOURCES: MarketoResource[] = [
	...ASSET_TYPES.map(({ type, special }) => assetResource(type, [...sharedCalls(type), ...special])),
	assetResource(FOLDER_RESOURCE, FOLDER_CALLS),
	assetResource(TOKEN_RESOURCE, TOKEN_CALLS),
].sort((a, b) => a.name.localeCompare(b.name));
