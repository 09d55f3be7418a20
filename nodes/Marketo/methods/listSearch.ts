// Searchable lists behind resource locators ("From list" mode). Each resource's search lives in
// its own file under methods/ and is re-exported here.
export {};
export { searchCampaigns, searchRequestableCampaigns } from './campaigns';
export { searchStaticLists } from './staticLists';
export { searchPrograms } from './programs';
export { searchEmails, searchEmailTemplates, searchFiles, searchForms, searchLandingPages, searchLandingPageTemplates, searchSegmentations, searchSmartCampaigns, searchSmartLists, searchSnippets } from './assets';
export { searchFolders } from './folders';
