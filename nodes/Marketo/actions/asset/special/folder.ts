import { endpointCall, type AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { folderParam, folderTarget } from '../folderRef';
import { boolean, choice, descriptionParam, integer, nameParam, text } from '../params';

export const FOLDER_RESOURCE = { resource: 'folder', displayName: 'Folder' };

const typeInQuery = { in: 'query', key: 'type' } as const;
const typeInBody = { in: 'body', key: 'type' } as const;
const workspace = text('workSpace', 'Workspace', 'Name of the workspace to look in', { in: 'query' });
const root = folderParam({ name: 'root', displayName: 'Root', key: 'root', in: 'query', description: 'Search only below this folder or program' });

/** Folders and programs as containers: browse the tree, read what a folder holds, create, change and delete folders. */
export const FOLDER_CALLS: AssetCall[] = [
	endpointCall({
		operation: 'get',
		name: 'Get',
		description: 'Get a folder or program folder by its ID',
		action: 'Get a folder',
		method: 'GET',
		path: assetPath('folder', '/{id}.json'),
		params: folderTarget('The folder to get', typeInQuery),
		notFound: { field: 'Folder', problem: (values) => `no ${String(values.type).toLowerCase()} with ID ${String(values.id)} exists in Marketo` },
	}),
	endpointCall({
		operation: 'getByName',
		name: 'Get by Name',
		description: 'Get folders by their exact name',
		action: 'Get a folder by name',
		method: 'GET',
		path: assetPath('folder', '/byName.json'),
		params: [text('name', 'Name', 'Exact name of the folder', { required: true, in: 'query' })],
		optional: {
			name: 'options',
			displayName: 'Options',
			placeholder: 'Add Option',
			params: [
				choice('type', 'Type', 'Whether to look for folders or programs', [{ name: 'Folder', value: 'Folder' }, { name: 'Program', value: 'Program' }], { in: 'query' }),
				root,
				workspace,
			],
		},
		notFound: { field: 'Name', problem: (values) => `no folder named "${String(values.name)}" exists in Marketo` },
	}),
	endpointCall({
		operation: 'getMany',
		name: 'Get Many',
		description: 'Browse the folder tree, optionally below a root folder and down to a depth',
		action: 'Get many folders',
		method: 'GET',
		path: assetPath('folders', '.json'),
		optional: {
			name: 'filters',
			displayName: 'Filters',
			placeholder: 'Add Filter',
			params: [root, integer('maxDepth', 'Max Depth', 'How many levels below the root to return (Marketo defaults to 2)', { in: 'query' }), workspace],
		},
		paged: true,
	}),
	endpointCall({
		operation: 'getContents',
		name: 'Get Contents',
		description: 'List the assets a folder or program holds (their IDs and types)',
		action: 'Get the contents of a folder',
		method: 'GET',
		path: assetPath('folder', '/{id}/content.json'),
		params: folderTarget('The folder or program whose contents to list', typeInQuery),
		paged: true,
	}),
	endpointCall({
		operation: 'create',
		name: 'Create',
		description: 'Create a folder inside a folder or program',
		action: 'Create a folder',
		method: 'POST',
		path: assetPath('folders', '.json'),
		params: [nameParam('folder'), folderParam({ name: 'parent', displayName: 'Parent', key: 'parent', required: true, description: 'The folder or program to create the folder in' })],
		optional: { name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field', params: [descriptionParam('folder')] },
	}),
	endpointCall({
		operation: 'update',
		name: 'Update',
		description: 'Rename a folder, change its description, or archive it',
		action: 'Update a folder',
		method: 'POST',
		path: assetPath('folder', '/{id}.json'),
		params: folderTarget('The folder to update', typeInBody),
		optional: {
			name: 'updateFields',
			displayName: 'Update Fields',
			placeholder: 'Add Field',
			params: [text('name', 'Name', 'New name of the folder'), descriptionParam('folder'), boolean('isArchive', 'Is Archived', 'Whether the folder is archived')],
		},
		idempotent: true,
	}),
	endpointCall({
		operation: 'delete',
		name: 'Delete',
		description: 'Delete an empty folder; Marketo refuses (709) while it holds anything',
		action: 'Delete a folder',
		method: 'POST',
		path: assetPath('folder', '/{id}/delete.json'),
		params: folderTarget('The folder to delete', typeInBody),
	}),
];
