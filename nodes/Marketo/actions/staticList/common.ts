import { textFilter, type RecordKind } from './recordOperations';

export const STATIC_LIST: RecordKind = {
	resource: 'staticList',
	noun: 'static list',
	displayName: 'Static List',
	parameter: 'listId',
	path: '/rest/v1/lists.json',
	urlCode: 'ST',
	searchListMethod: 'searchStaticLists',
	filters: [
		textFilter('Name', 'name', 'Newsletter Subscribers, Webinar Invitees', 'Exact names of the lists to return, separated by commas'),
		textFilter('Program Name', 'programName', 'Webinar 2026', 'Return the lists inside these programs (exact names, separated by commas)'),
		textFilter('Workspace Name', 'workspaceName', 'Default', 'Return the lists of these workspaces (exact names, separated by commas)'),
	],
};
