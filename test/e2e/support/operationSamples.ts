import { ASSET_RESOURCES } from '../../../nodes/Marketo/actions/asset/Asset.resources';
/**
 * What operationsMatchSpec.e2e.ts runs: parameters for one run of every operation the Marketo
 * node offers, and the node parameters each dropdown and resource-locator search needs. The
 * data they run against is the emulator's seed (leads 1-20, lists 1001-1003, campaigns, CRM
 * objects). A new operation, dropdown or search needs one line here.
 */
const emailOnly = (email: string) => ({ fieldsToSend: 'defineBelow', fieldValues: { field: [{ name: 'email', value: email }] } });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fields = (record: Record<string, string>) => ({ field: Object.entries(record).map(([name, value]) => ({ name, value })) });

/** The Lead Database objects that share one shape: their key and a field to search by. */
const OBJECTS: Record<string, { key: Record<string, string>; filterType: string; extra?: Record<string, unknown> }> = {
	company: { key: { externalCompanyId: 'EXT-E2E-1' }, filterType: 'externalCompanyId' },
	namedAccount: { key: { name: 'E2E Account' }, filterType: 'name' },
	opportunity: { key: { externalOpportunityId: 'OPP-E2E-1' }, filterType: 'externalOpportunityId' },
	opportunityRole: { key: { externalOpportunityId: 'OPP-E2E-1', leadId: '3', role: 'Buyer' }, filterType: 'leadId' },
	salesPerson: { key: { externalSalesPersonId: 'SP-E2E-1' }, filterType: 'externalSalesPersonId' },
	customObject: { key: { vin: 'VIN-E2E-1' }, filterType: 'vin', extra: { customObjectName: 'car_c' } },
};

const objectSamples = Object.fromEntries(
	Object.entries(OBJECTS).flatMap(([resource, { key, filterType, extra = {} }]) => [
		[`${resource}:upsert`, { ...extra, action: 'createOrUpdate', dedupeBy: 'dedupeFields', fieldsToSend: 'defineBelow', fieldValues: fields(key) }],
		[`${resource}:getMany`, { ...extra, filterType, filterValues: key[filterType], returnAll: true }],
		[`${resource}:describe`, { ...extra }],
		[`${resource}:delete`, { ...extra, deleteBy: 'dedupeFields', keyFields: fields(key) }],
	]),
);

/**
 * Parameters for one run of each operation against the emulator's seeded data; a new operation
 * needs a line here (the first test names the ones missing).
 */
export const SAMPLES: Record<string, Record<string, unknown>> = {
	'lead:associate': { leadId: '4', cookie: 'id:123-ABC-456&token:_mch-example.com-1700000000000-12345' },
	'lead:changeProgramStatus': { leadId: '4', programId: byId('1001'), statusName: 'Registered' },
	'lead:delete': { leadId: '5' },
	'lead:describe': {},
	'lead:get': { leadId: '3', fields: ['email', 'company', 'leadScore'] },
	'lead:getListMemberships': { leadId: '4' },
	'lead:getMany': { filterType: 'email', filterValues: 'olivia.martin@northwind.example, lucas.cohen@adatum.example', returnAll: true },
	'lead:getPartitions': {},
	'lead:getProgramMemberships': { leadId: '4' },
	'lead:getSmartCampaignMemberships': { leadId: '4' },
	'lead:merge': { leadId: '6', losingLeadIds: '7', mergeInCRM: false },
	'lead:push': { programName: 'Spring Webinar', ...emailOnly('push.check@example.com'), options: { lookupField: 'email' } },
	'lead:submitForm': { formId: '1001', ...emailOnly('form.check@example.com') },
	'lead:upsert': {
		action: 'createOrUpdate',
		fieldsToSend: 'defineBelow',
		fieldValues: fields({ email: 'contract.check@example.com', company: 'Contract Check Ltd' }),
		options: { lookupField: 'email', partitionName: 'Default' },
	},
	'staticList:get': { listId: byId('1001') },
	'staticList:getMany': { returnAll: true },
	'staticList:getMembers': { listId: byId('1001'), returnAll: true, fields: ['email'] },
	'staticList:addLeads': { listId: byId('1001'), leadId: '3' },
	'staticList:isMember': { listId: byId('1001'), leadId: '3' },
	'staticList:removeLeads': { listId: byId('1001'), leadId: '3' },
	'campaign:get': { campaignId: byId('1001') },
	'campaign:getMany': { returnAll: true },
	'campaign:request': { campaignId: byId('1001'), leadId: '3', tokens: { token: [{ name: '{{my.Greeting}}', value: 'Hello' }] } },
	'campaign:schedule': { campaignId: byId('1002'), tokens: { token: [] } },
	...objectSamples,
	'customObject:listTypes': {},
	'customApiCall:apiCall': { method: 'GET', path: '/rest/v1/leads/describe2.json' },
	'usage:getDailyUsage': {},
	'usage:getLast7DaysUsage': {},
	'usage:getDailyErrors': {},
	'usage:getLast7DaysErrors': {},
	'usage:getQuota': {},
	'activity:getTypes': {},
	'activity:getMany': { activityTypeIds: [1, 12], sinceDatetime: '2024-01-01T00:00:00Z', returnAll: true },
	'activity:getLeadChanges': { fields: ['title'], sinceDatetime: '2024-01-01T00:00:00Z', returnAll: true },
	'activity:getDeletedLeads': { sinceDatetime: '2024-01-01T00:00:00Z', returnAll: true },
	'activity:addCustom': { leadId: '3', activityTypeId: 100001, primaryAttributeValue: 'Booth 12' },
	'programMember:getMany': { programId: byId('1001'), filterType: 'statusName', filterValues: 'Registered', returnAll: true },
	'programMember:changeStatus': { programId: byId('1001'), leadId: '6', statusName: 'Attended' },
	'programMember:syncData': { programId: byId('1001'), leadId: '1', fieldsToSend: 'defineBelow', fieldValues: fields({ attendanceMinutes: '30' }) },
	'programMember:delete': { programId: byId('1001'), leadId: '5' },
	'programMember:describe': {},
	// Import first: the batch it queues (1001, the emulator's first) is the one the Get operations read.
	'bulkImport:import': { objectKind: 'leads', source: 'items', ...emailOnly('bulk.import@example.com'), waitOptions: { firstCheckSeconds: 0.5 } },
	'bulkImport:getStatus': { objectKind: 'leads', batchId: '1001' },
	'bulkImport:getFailures': { objectKind: 'leads', batchId: '1001' },
	'bulkImport:getWarnings': { objectKind: 'leads', batchId: '1001' },
	// The emulator's fresh instance has a Completed (…1001) and a Created (…1002) leads export job.
	'bulkExtract:extract': {
		exportObject: 'leads',
		exportFields: ['id', 'email'],
		exportFilter: 'createdAt',
		startAt: '2024-01-01T00:00:00Z',
		endAt: '2024-01-31T23:59:59Z',
		waitOptions: { firstCheckSeconds: 0.5 },
	},
	'bulkExtract:download': { exportObject: 'leads', exportId: '0e5c7a10-0000-4000-8000-000000001001' },
	'bulkExtract:getStatus': { exportObject: 'leads', exportId: '0e5c7a10-0000-4000-8000-000000001001' },
	'bulkExtract:cancel': { exportObject: 'leads', exportId: '0e5c7a10-0000-4000-8000-000000001002' },
	'bulkExtract:getMany': { exportObject: 'leads', statuses: ['completed', 'cancelled'] },
};

/**
 * The asset resources (17 types, ~150 operations) are run one by one in process against the same
 * official files by test/workflows/assetSpec.test.ts; here n8n shows they load and one of each
 * family works. Their dropdowns and searches are covered there too.
 */
export const COVERED_IN_PROCESS = new Set(ASSET_RESOURCES.map((resource) => resource.value));
export const ASSET_SEARCHES = new Set([
	'searchEmailTemplates',
	'searchEmails',
	'searchFiles',
	'searchFolders',
	'searchForms',
	'searchLandingPageTemplates',
	'searchLandingPages',
	'searchSegmentations',
	'searchSmartCampaigns',
	'searchSmartLists',
	'searchSnippets',
]);

/** Node parameters each dropdown method needs to load; a new method needs a line here. */
export const DROPDOWN_CONTEXTS: Record<string, Record<string, unknown>> = {
	getLeadFields: { resource: 'lead', operation: 'get' },
	getLeadFilterTypes: { resource: 'lead', operation: 'getMany' },
	getWritableLeadFields: { resource: 'lead', operation: 'upsert' },
	getCustomObjectTypes: { resource: 'customObject', operation: 'getMany' },
	getObjectDedupeFields: { resource: 'company', operation: 'delete', deleteBy: 'dedupeFields' },
	getObjectFields: { resource: 'opportunity', operation: 'getMany' },
	getObjectFilterTypes: { resource: 'customObject', operation: 'getMany', customObjectName: 'car_c' },
	getWritableObjectFields: { resource: 'salesPerson', operation: 'upsert' },
	getLeadPartitions: { resource: 'lead', operation: 'upsert' },
	getActivityTypes: { resource: 'activity', operation: 'getMany' },
	getCustomActivityTypes: { resource: 'activity', operation: 'addCustom' },
	getCustomActivityAttributes: { resource: 'activity', operation: 'addCustom', activityTypeId: 100001 },
	getProgramStatuses: { resource: 'programMember', operation: 'changeStatus', programId: { __rl: true, mode: 'id', value: '1001' } },
	getProgramMemberFields: { resource: 'programMember', operation: 'getMany' },
	getProgramMemberFilterTypes: { resource: 'programMember', operation: 'getMany' },
	getWritableProgramMemberFields: { resource: 'programMember', operation: 'syncData' },
	getBulkImportFields: { resource: 'bulkImport', operation: 'import', objectKind: 'programMembers' },
	getBulkExportFields: { resource: 'bulkExtract', operation: 'extract', exportObject: 'programMembers' },
};

/** Node parameters each resource-locator search needs; a new search method needs a line here. */
export const LIST_SEARCH_CONTEXTS: Record<string, Record<string, unknown>> = {
	searchCampaigns: { resource: 'campaign', operation: 'get' },
	searchRequestableCampaigns: { resource: 'campaign', operation: 'request' },
	searchStaticLists: { resource: 'staticList', operation: 'get' },
	searchPrograms: { resource: 'programMember', operation: 'getMany' },
};
