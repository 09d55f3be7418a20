import type { INodeProperties } from 'n8n-workflow';

import * as activity from './activity/Activity.resource';
import * as bulkExtract from './bulkExtract/BulkExtract.resource';
import * as bulkImport from './bulkImport/BulkImport.resource';
import { ASSET_RESOURCES } from './asset/Asset.resources';
import { CRM_OBJECT_RESOURCES } from './crmObject/CrmObject.resource';
import * as campaign from './campaign/Campaign.resource';
import * as customApiCall from './customApiCall/CustomApiCall.resource';
import { CUSTOM_OBJECT_RESOURCE } from './customObject/CustomObject.resource';
import * as lead from './lead/Lead.resource';
import type { MarketoOperation } from './operation';
import * as programMember from './programMember/ProgramMember.resource';
import * as staticList from './staticList/StaticList.resource';
import * as usage from './usage/Usage.resource';

export interface MarketoResource {
	/** Shown in the Resource selector. */
	name: string;
	value: string;
	/** The operation selector and every operation's fields. */
	description: INodeProperties[];
	operations: Record<string, MarketoOperation>;
}

/** Every resource of the Marketo node, in selector order. Adding a resource = adding a line here. */
export const RESOURCES: MarketoResource[] = [
	{ name: 'Lead', value: 'lead', description: lead.description, operations: lead.leadOperations },
	{ name: 'Activity', value: 'activity', description: activity.description, operations: activity.activityOperations },
	{ name: 'Bulk Extract', value: 'bulkExtract', description: bulkExtract.description, operations: bulkExtract.bulkExtractOperations },
	{ name: 'Bulk Import', value: 'bulkImport', description: bulkImport.description, operations: bulkImport.bulkImportOperations },
	{ name: 'Campaign', value: 'campaign', description: campaign.description, operations: campaign.campaignOperations },
	...CRM_OBJECT_RESOURCES,
	CUSTOM_OBJECT_RESOURCE,
	{ name: 'Custom API Call', value: 'customApiCall', description: customApiCall.description, operations: customApiCall.customApiCallOperations },
	{ name: 'Program Member', value: 'programMember', description: programMember.description, operations: programMember.programMemberOperations },
	{ name: 'Static List', value: 'staticList', description: staticList.description, operations: staticList.staticListOperations },
	{ name: 'Usage', value: 'usage', description: usage.description, operations: usage.usageOperations },
	...ASSET_RESOURCES,
];
