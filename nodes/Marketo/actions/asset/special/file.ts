import { ItemInputError } from '../../../helpers/outcomes';
import type { AssetCall } from '../assetCall';
import { assetPath } from '../assetType';
import { FILE } from '../assetTypes';
import { folderParam } from '../folderRef';
import { boolean, descriptionParam, text } from '../params';
import { assetIdParam } from '../sharedOperations';
import { binaryFileOf, binaryPropertyProperty, uploadCall } from '../upload';

const fileFromItem = (ctx: Parameters<AssetCall['plan']>[0], itemIndex: number) =>
	binaryFileOf(ctx, itemIndex, String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')));

/** Files are uploaded as multipart form data from a binary property of the item (e.g. from Read Binary File or HTTP Request). */
export const FILE_CALLS: AssetCall[] = [
	uploadCall({
		operation: 'upload',
		name: 'Upload',
		description: 'Upload a file (image, PDF, …) from a binary property of the item into Marketo Design Studio',
		action: 'Upload a file',
		path: assetPath(FILE.collection, '.json'),
		params: [
			text('name', 'File Name', 'Name of the file in Marketo, with its extension; leave empty to use the name of the binary file'),
			folderParam({ required: true, description: 'The folder to upload the file into' }),
		],
		optional: {
			name: 'additionalFields',
			displayName: 'Additional Fields',
			placeholder: 'Add Field',
			params: [
				descriptionParam('file'),
				boolean('insertOnly', 'Insert Only', 'Whether to fail instead of replacing a file of the same name in the folder'),
			],
		},
		fileField: 'file',
		fileProperties: [binaryPropertyProperty('The binary property of the item holding the file to upload')],
		file(ctx, itemIndex) {
			const file = fileFromItem(ctx, itemIndex);
			const name = String(ctx.getNodeParameter('name', itemIndex, '') ?? '').trim();
			if (name.includes('/')) throw new ItemInputError(itemIndex, 'File Name', 'must not contain "/"');
			return { ...file, fileName: name || file.fileName };
		},
		extraFields: (file) => ({ name: file.fileName }),
	}),
	uploadCall({
		operation: 'replaceContent',
		name: 'Replace Content',
		description: 'Replace the content of a file with the binary property of the item; its URL stays the same',
		action: 'Replace the content of a file',
		path: assetPath(FILE.segment, '/{id}/content.json'),
		params: [assetIdParam(FILE, 'to replace')],
		fileField: 'file',
		fileProperties: [binaryPropertyProperty('The binary property of the item holding the new content')],
		file: fileFromItem,
		// UpdateFileContentRequest repeats the id beside the file.
		extraFields: (_file, values) => ({ id: String(values.id) }),
	}),
];
