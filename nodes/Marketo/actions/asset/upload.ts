import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../helpers/outcomes';
import type { MultipartPart } from '../../transport/request';
import { collectionProperty, readParams, requestFor, type AssetCall, type OptionalParams } from './assetCall';
import type { Param } from './params';

export const BINARY_FIELD = 'Input Binary Field';

export const binaryPropertyProperty = (description: string): INodeProperties => ({
	displayName: BINARY_FIELD,
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	placeholder: 'data',
	hint: 'The name of the input binary field containing the file',
	description,
});

/** A file to upload: what is known before sending, and how to read its bytes when it is sent. */
export interface PendingFile {
	fileName: string;
	mimeType: string;
	load(): Promise<Buffer>;
}

/** The item's binary property, checked before any call: a missing one is named with the properties the item has. */
export function binaryFileOf(ctx: IExecuteFunctions, itemIndex: number, propertyName: string): PendingFile {
	const name = propertyName.trim();
	if (!name) throw new ItemInputError(itemIndex, BINARY_FIELD, 'is empty; enter the name of the binary property holding the file');
	const binaries = ctx.getInputData()[itemIndex]?.binary ?? {};
	const binary = binaries[name];
	if (!binary) {
		const present = Object.keys(binaries);
		throw new ItemInputError(
			itemIndex,
			BINARY_FIELD,
			`the item has no binary property "${name}"${present.length > 0 ? ` (it has: ${present.join(', ')})` : ' (it has no binary data)'}`,
		);
	}
	return {
		fileName: binary.fileName ?? name,
		mimeType: binary.mimeType || 'application/octet-stream',
		load: async () => await ctx.helpers.getBinaryDataBuffer(itemIndex, name),
	};
}

const TEXT_MEDIA_TYPES = new Set(['text/html', 'text/plain', 'application/xhtml+xml']);

const CONTENT_SOURCE = 'contentSource';

/** HTML content typed in (or mapped from an expression), or taken from a binary property such as a read file. */
export const htmlContentProperties = (what: string): INodeProperties[] => [
	{
		displayName: 'Content Source',
		name: CONTENT_SOURCE,
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'An HTML file from a binary property of the item' },
			{ name: 'Text', value: 'text', description: 'HTML entered here or mapped from the item' },
		],
		default: 'text',
		description: `Where the HTML of the ${what} comes from`,
	},
	{
		displayName: 'HTML',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 10 },
		default: '',
		required: true,
		placeholder: '<html><body><div class="mktoText">Hello</div></body></html>',
		description: `The full HTML of the ${what}`,
		displayOptions: { show: { [CONTENT_SOURCE]: ['text'] } },
	},
	{ ...binaryPropertyProperty(`The binary property holding the HTML file of the ${what}`), displayOptions: { show: { [CONTENT_SOURCE]: ['binary'] } } },
];

/**
 * The item's HTML as Marketo's multipart `content` file part, checked before any call: blank text,
 * an object, or a binary file that is not HTML or text is the item's error, naming the field.
 */
export function htmlContentOf(ctx: IExecuteFunctions, itemIndex: number): PendingFile {
	const source = ctx.getNodeParameter(CONTENT_SOURCE, itemIndex, 'text') as string;
	if (source === 'binary') {
		const file = binaryFileOf(ctx, itemIndex, String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')));
		const mediaType = file.mimeType.split(';')[0].trim().toLowerCase();
		if (!TEXT_MEDIA_TYPES.has(mediaType) && !/\.(html?|txt)$/i.test(file.fileName)) {
			throw new ItemInputError(itemIndex, BINARY_FIELD, `"${file.fileName}" is ${file.mimeType}; Marketo takes HTML or text here`);
		}
		return { ...file, mimeType: mediaType === 'text/plain' ? 'text/plain' : 'text/html' };
	}
	const html = ctx.getNodeParameter('html', itemIndex, '') as unknown;
	if (typeof html !== 'string') throw new ItemInputError(itemIndex, 'HTML', 'must be HTML text, not an object or a list');
	if (html.trim() === '') throw new ItemInputError(itemIndex, 'HTML', 'is empty; enter the HTML');
	return { fileName: 'content.html', mimeType: 'text/html', load: async () => Buffer.from(html, 'utf8') };
}

/** The multipart body: text fields first, then the file. */
export async function multipartWith(fields: Record<string, string>, fileField: string, file: PendingFile): Promise<MultipartPart[]> {
	const data = await file.load();
	return [
		...Object.entries(fields).map(([name, value]) => ({ name, value })),
		{ name: fileField, file: { data, fileName: file.fileName, mimeType: file.mimeType } },
	];
}

/** An upload endpoint as data: its parameters (sent as text parts) and where its file comes from. */
export interface UploadSpec {
	operation: string;
	name: string;
	description: string;
	action: string;
	path: string;
	params: Param[];
	optional?: OptionalParams;
	/** Marketo's name for the file part: `file` for files, `content` for HTML content. */
	fileField: string;
	fileProperties: INodeProperties[];
	file(ctx: IExecuteFunctions, itemIndex: number): PendingFile;
	/** Text parts that come from the file or the path (the item's own fields win). */
	extraFields?(file: PendingFile, values: Record<string, unknown>): Record<string, string>;
}

/** Multipart uploads: never repeated on our own after a lost answer (the transport marks them so). */
export function uploadCall(spec: UploadSpec): AssetCall {
	return {
		operation: spec.operation,
		name: spec.name,
		description: spec.description,
		action: spec.action,
		properties: [
			...spec.params.flatMap((param) => param.properties),
			...spec.fileProperties,
			...(spec.optional ? [collectionProperty(spec.optional)] : []),
		],
		plan(ctx, itemIndex) {
			const read = readParams(ctx, itemIndex, spec.params, spec.optional);
			const { path, body } = requestFor({ method: 'POST', path: spec.path, encoding: 'form' }, read, itemIndex);
			const file = spec.file(ctx, itemIndex);
			const values = Object.fromEntries(read.map(({ param, value }) => [param.key, value]));
			const fields = { ...spec.extraFields?.(file, values), ...((body ?? {}) as Record<string, string>) };
			return {
				request: { method: 'POST', path, bodyEncoding: 'multipart', body: [] },
				prepare: async (request) => ({ ...request, body: await multipartWith(fields, spec.fileField, file) }),
			};
		},
	};
}
