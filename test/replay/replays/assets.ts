import type { Replay } from '../replayTypes';

const byId = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });

/** Asset reads: emails, folders, My Tokens, forms (dates like `…Z+0000`, folders as {id, type} or {type, value}). */
export const ASSETS: Replay[] = [
	{
		title: 'Email → Get: the email with its folder and header fields',
		replays: ['adobe-email-by-id'],
		parameters: { resource: 'email', operation: 'get', assetId: byId(1356) },
		answers: ['adobe-email-by-id'],
		expect: {
			items: [{ id: 1356, name: 'sakZxhxkwV', createdAt: '2014-12-05T02:06:21Z+0000', subject: { type: 'Text', value: 'sample subject' }, folder: { type: 'folder', value: 10421 } }],
			calls: ['GET /rest/asset/v1/email/1356.json'],
		},
	},
	{
		title: 'Email → Get Many: one short page, one call',
		replays: ['adobe-emails-browse'],
		parameters: { resource: 'email', operation: 'getMany', returnAll: true },
		answers: ['adobe-emails-browse'],
		expect: { items: [{ id: 2137, name: 'Social Sharing in Email', status: 'approved' }], calls: ['GET /rest/asset/v1/emails.json'] },
	},
	{
		title: 'Email → Get Many: 702 "No data found" is an empty result, not an error',
		replays: ['doc-702'],
		parameters: { resource: 'email', operation: 'getMany', returnAll: true },
		answers: ['doc-702'],
		expect: { items: [], calls: ['GET /rest/asset/v1/emails.json'] },
	},
	{
		title: 'Folder → Get: folderId and parent as {id, type}',
		replays: ['adobe-folder-by-id'],
		parameters: { resource: 'folder', operation: 'get', folder: byId(341), folderType: 'Folder' },
		answers: ['adobe-folder-by-id'],
		expect: {
			items: [{ id: 341, name: 'Social Media', folderId: { id: 341, type: 'Folder' }, parent: { id: 11, type: 'Folder' }, path: '/Design Studio/Default/Emails/Social Media' }],
			calls: [{ call: 'GET /rest/asset/v1/folder/341.json', query: { type: 'Folder' } }],
		},
	},
	{
		title: 'Folder → Get by Name: the folder (recorded)',
		replays: ['grp-folder-by-name'],
		parameters: { resource: 'folder', operation: 'getByName', name: 'Group Lists' },
		answers: ['grp-folder-by-name'],
		expect: { items: [{ id: 12, name: 'Group Lists', folderId: { id: 12, type: 'Folder' }, folderType: 'List' }], calls: [{ call: 'GET /rest/asset/v1/folder/byName.json', query: { name: 'Group Lists' } }] },
	},
	{
		title: 'Folder → Get Many: each folder, a root with parent null among them',
		replays: ['adobe-folders-browse'],
		parameters: { resource: 'folder', operation: 'getMany', returnAll: true },
		answers: ['adobe-folders-browse'],
		expect: {
			items: [
				{ id: 14, name: 'Marketing Activities', parent: null, isSystem: true },
				{ id: 15, name: 'Default', parent: { id: 14, type: 'Folder' } },
				{ id: 310, name: 'Archive', url: 'https://app-abm.marketo.com/#MF157A1' },
			],
		},
	},
	{
		title: 'My Token → Get Many: one item per token of the folder',
		replays: ['adobe-folder-tokens'],
		parameters: { resource: 'token', operation: 'getMany', folder: byId(416), folderType: 'Folder' },
		answers: ['adobe-folder-tokens'],
		expect: {
			items: [{ folderId: 416, folderType: 'Folder', name: 'AprilFool - deverly', type: 'date', value: '2015-04-01' }],
			calls: [{ call: 'GET /rest/asset/v1/folder/416/tokens.json', query: { folderType: 'Folder' } }],
		},
	},
	{
		title: 'Form → Get: the form with its thank-you list',
		replays: ['adobe-form-by-id'],
		parameters: { resource: 'form', operation: 'get', assetId: byId(736) },
		answers: ['adobe-form-by-id'],
		expect: { items: [{ id: 736, name: 'newForm', status: 'draft', thankYouList: [{ followupType: 'none', followupValue: null, default: true }] }] },
	},
];
