import type { Replay } from '../replayTypes';

const byId = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });
const membership = (operation: string) => ({ resource: 'staticList', operation, listId: byId(1001), leadId: '={{ $json.id }}' });
const withIds = (...ids: number[]) => ids.map((id) => ({ id }));

/** Static lists: membership writes and checks, members, and the list as an asset. */
export const LISTS: Replay[] = [
	{
		title: 'Add to List: added, and a lead Marketo does not know (1004) fails its item',
		replays: ['adobe-list-add'],
		parameters: membership('addLeads'),
		items: withIds(318594, 318595),
		continueOnFail: true,
		answers: ['adobe-list-add'],
		expect: {
			items: [{ listId: 1001, leadId: 318594, status: 'added' }, { error: /^Item 1: Marketo skipped this record \(1004 Lead not found\)/, code: '1004' }],
			calls: [{ call: 'POST /rest/v1/lists/1001/leads.json', query: { id: '318594,318595' } }],
		},
	},
	{
		title: 'Add to List: both added (recorded)',
		replays: ['grp-list-add'],
		parameters: membership('addLeads'),
		items: withIds(7149, 7150),
		answers: ['grp-list-add'],
		expect: {
			items: [
				{ listId: 1001, leadId: 7149, status: 'added' },
				{ listId: 1001, leadId: 7150, status: 'added' },
			],
		},
	},
	{
		title: 'Remove from List: removed twice, an unknown lead (1004) fails its item',
		replays: ['adobe-list-remove'],
		parameters: membership('removeLeads'),
		items: withIds(318603, 318595, 999999),
		continueOnFail: true,
		answers: ['adobe-list-remove'],
		expect: {
			items: [{ leadId: 318603, status: 'removed' }, { leadId: 318595, status: 'removed' }, { error: /Item 2: Marketo skipped this record \(1004 Lead not found\)/, code: '1004' }],
			calls: ['DELETE /rest/v1/lists/1001/leads.json'],
		},
	},
	{
		title: 'Remove from List: a lead not in the list (1015) fails its item (recorded)',
		replays: ['grp-list-remove-skipped-1015'],
		parameters: membership('removeLeads'),
		items: withIds(7149, 7150),
		continueOnFail: true,
		answers: ['grp-list-remove-skipped-1015'],
		expect: { items: [{ leadId: 7149, status: 'removed' }, { error: /Item 1: Marketo skipped this record \(1015 Lead not in list\)/, code: '1015' }] },
	},
	{
		title: 'Is Member: memberof and notmemberof become true and false; skipped is an error',
		replays: ['adobe-list-ismember'],
		parameters: membership('isMember'),
		items: withIds(309901, 318603, 999999),
		continueOnFail: true,
		answers: ['adobe-list-ismember'],
		expect: {
			items: [
				{ leadId: 309901, status: 'memberof', isMember: true },
				{ leadId: 318603, status: 'notmemberof', isMember: false },
				{ error: /Item 2: Marketo skipped this record \(1004 Lead not found\)/, code: '1004' },
			],
			calls: [{ call: 'GET /rest/v1/lists/1001/leads/ismember.json', query: { id: '309901,318603,999999' } }],
		},
	},
	{
		title: 'Is Member: memberof (recorded)',
		replays: ['mk-list-ismember'],
		parameters: membership('isMember'),
		items: withIds(42),
		answers: ['mk-list-ismember'],
		expect: { items: [{ listId: 1001, leadId: 42, isMember: true }] },
	},
	{
		title: 'Get List Members: a token without moreResult means more; a page without token is the last',
		replays: ['adobe-list-members-page1'],
		parameters: { resource: 'staticList', operation: 'getMembers', listId: byId(1001), returnAll: true },
		answers: ['adobe-list-members-page1', { route: 'GET /rest/v1/lists/{id}/leads.json', body: { requestId: 'replay#last', success: true, result: [] } }],
		expect: {
			items: [
				{ id: 318594, firstName: 'Hanna' },
				{ id: 318595, firstName: 'Bertha' },
				{ id: 318596, firstName: 'Faith', email: '208159Rex.M.Bailey@dodgit.com' },
			],
			calls: [
				'GET /rest/v1/lists/1001/leads.json',
				{
					call: 'GET /rest/v1/lists/1001/leads.json',
					query: { nextPageToken: 'PS5VL5WD4UOWGOUCJR6VY7JQO24LC2U5DRBU4WO4RQMPHDHTK2T3BEZOR75VLQXYB3245WW2GMDSK===' },
				},
			],
		},
	},
	{
		title: 'Get List Members: one page, no token (recorded)',
		replays: ['grp-list-members'],
		parameters: { resource: 'staticList', operation: 'getMembers', listId: byId(1001), returnAll: true },
		answers: ['grp-list-members'],
		expect: { items: [{ id: 7149, firstName: 'Brian' }, { id: 7150, firstName: 'Sally' }], calls: ['GET /rest/v1/lists/1001/leads.json'] },
	},
	{
		title: 'Static List (Asset) → Get: folder as {id, type}',
		replays: ['adobe-static-list-by-id'],
		parameters: { resource: 'staticListAsset', operation: 'get', assetId: byId(1021) },
		answers: ['adobe-static-list-by-id'],
		expect: { items: [{ id: 1021, name: 'Foundation Seed List', folder: { id: 13, type: 'Folder' } }], calls: ['GET /rest/asset/v1/staticList/1021.json'] },
	},
	{
		title: 'Static List (Asset) → Get by Name: success with only the warning "No assets found" is "no such list"',
		replays: ['grp-static-list-by-name-none'],
		parameters: { resource: 'staticListAsset', operation: 'getByName', name: '(test) High Value' },
		continueOnFail: true,
		answers: ['grp-static-list-by-name-none'],
		expect: { items: [{ error: /named "\(test\) High Value" exists/ }], calls: [{ call: 'GET /rest/asset/v1/staticList/byName.json', query: { name: '(test) High Value' } }] },
	},
	{
		title: 'Static List (Asset) → Create: the new list with its id',
		replays: ['grp-static-list-create'],
		parameters: { resource: 'staticListAsset', operation: 'create', name: '(test) High Value', folder: byId(12), folderType: 'Folder' },
		answers: ['grp-static-list-create'],
		expect: { items: [{ id: 1159, name: '(test) High Value', folder: { id: 12, type: 'Folder' } }], calls: ['POST /rest/asset/v1/staticLists.json'] },
	},
	{
		title: 'Static List (Asset) → Delete: the id Marketo deleted',
		replays: ['grp-static-list-delete'],
		parameters: { resource: 'staticListAsset', operation: 'delete', assetId: byId(1159) },
		answers: ['grp-static-list-delete'],
		expect: { items: [{ id: 1159 }], calls: ['POST /rest/asset/v1/staticList/1159/delete.json'] },
	},
];
