// Dropdown options ("loadOptionsMethod"). Each resource's methods live in their own file under
// methods/ and are re-exported here.
export { getLeadFields, getLeadFilterTypes, getLeadPartitions, getWritableLeadFields } from './leadFields';
export { getObjectDedupeFields, getObjectFields, getObjectFilterTypes, getWritableObjectFields } from './crmObjects';
export { getCustomObjectTypes } from './customObjects';
export { getActivityTypes, getCustomActivityAttributes, getCustomActivityTypes } from './activities';
export { getProgramMemberFields, getProgramMemberFilterTypes, getProgramStatuses, getWritableProgramMemberFields } from './programs';
export { getBulkExportFields } from './bulkExtract';
export { getBulkImportFields } from './bulkImport';
