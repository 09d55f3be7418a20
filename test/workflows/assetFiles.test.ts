import type { IExecuteFunctions, INode, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { MarketoApi } from '../../credentials/MarketoApi.credentials';
import { Marketo } from '../../nodes/Marketo/Marketo.node';
import { assetsOf } from '../emulator/assets/AssetStore';
import { multipartBody } from '../emulator/assets/requestBody';
import { runWorkflow, START_NODE_TYPE, type CredentialStore } from '../harness';
import { callsTo, CREDENTIAL_ID, credentialStore, MARKETO_NODE, runMarketo, startEmulator } from './marketoWorkflow';

const API = '/rest/asset/v1';
const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

interface FileItem {
	fileName: string;
	mimeType: string;
	content: string;
	/** Binary property to put it in (default `data`). */
	property?: string;
}

/** A node that turns each file into an item with binary data, as Read Binary File or HTTP Request would. */
function filesNode(files: FileItem[]): INodeType {
	return {
		description: {
			displayName: 'Files',
			name: 'files',
			group: ['input'],
			version: 1,
			description: 'Emits files as binary items',
			defaults: { name: 'Files' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = await Promise.all(
				files.map(async (file) => ({
					json: { fileName: file.fileName },
					binary: { [file.property ?? 'data']: await this.helpers.prepareBinaryData(Buffer.from(file.content, 'utf8'), file.fileName, file.mimeType) },
				})),
			);
			return [items];
		},
	};
}

/** Start → Files → Marketo, as a real n8n workflow. */
async function runWithFiles(parameters: INodeParameters, files: FileItem[], store: CredentialStore, continueOnFail = false) {
	const nodes: INode[] = [
		{ id: 'start', name: 'Start', type: START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'files', name: 'Files', type: 'test.files', typeVersion: 1, position: [200, 0], parameters: {} },
		{
			id: 'marketo',
			name: MARKETO_NODE,
			type: 'n8n-nodes-marketo.marketo',
			typeVersion: 1,
			position: [400, 0],
			parameters,
			credentials: { marketoApi: { id: CREDENTIAL_ID, name: 'Marketo (emulator)' } },
			...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	return await runWorkflow({
		nodeTypes: { 'n8n-nodes-marketo.marketo': new Marketo(), 'test.files': filesNode(files) },
		credentialTypes: [new MarketoApi()],
		credentials: store,
		workflow: {
			nodes,
			connections: {
				Start: { main: [[{ node: 'Files', type: 'main', index: 0 }]] },
				Files: { main: [[{ node: MARKETO_NODE, type: 'main', index: 0 }]] },
			},
		},
	});
}

async function instance() {
	const emulator = await startEmulator();
	return { emulator, store: credentialStore(emulator), assets: assetsOf(emulator) };
}

const PDF: FileItem = { fileName: 'brochure.pdf', mimeType: 'application/pdf', content: '%PDF-1.4 brochure' };
const CSV: FileItem = { fileName: 'prices.csv', mimeType: 'text/csv', content: 'sku,price\nA1,10\n' };

describe('File → Upload (multipart, from a binary property)', () => {
	it('uploads each item\'s file in its own call: name, folder JSON and the file part', async () => {
		const { emulator, store, assets } = await instance();
		const result = await runWithFiles(
			{ resource: 'file', operation: 'upload', name: '', folder: byId(17), folderType: 'Folder', binaryPropertyName: 'data', additionalFields: { description: 'Q3' } },
			[PDF, CSV],
			store,
		);

		expect(result.output(MARKETO_NODE).map((item) => [item.pairedItem, item.json.name, item.json.mimeType, item.json.size])).toEqual([
			[{ item: 0 }, 'brochure.pdf', 'application/pdf', PDF.content.length],
			[{ item: 1 }, 'prices.csv', 'text/csv', CSV.content.length],
		]);
		const calls = callsTo(emulator, 'POST', `${API}/files.json`);
		expect(calls).toHaveLength(2);
		const parts = multipartBody(calls[0].body);
		expect(parts.get('name')?.value).toBe('brochure.pdf');
		expect(parts.get('folder')?.value).toBe('{"id":17,"type":"Folder"}');
		expect(parts.get('description')?.value).toBe('Q3');
		expect(parts.get('file')).toEqual({ name: 'file', value: PDF.content, fileName: 'brochure.pdf', contentType: 'application/pdf' });
		expect(assets.all('file').map((file) => file.approved?.name)).toEqual(['logo.svg', 'brochure.pdf', 'prices.csv']);
	});

	it('File Name renames the upload', async () => {
		const { emulator, store } = await instance();
		await runWithFiles({ resource: 'file', operation: 'upload', name: 'brochure-2026.pdf', folder: byId(17), folderType: 'Folder' }, [PDF], store);
		const parts = multipartBody(callsTo(emulator, 'POST', `${API}/files.json`)[0].body);
		expect([parts.get('name')?.value, parts.get('file')?.fileName]).toEqual(['brochure-2026.pdf', 'brochure-2026.pdf']);
	});

	it('a missing binary property is that item\'s error, naming the field and what the item has, before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runWithFiles(
			{ resource: 'file', operation: 'upload', folder: byId(17), folderType: 'Folder', binaryPropertyName: 'attachment' },
			[PDF],
			store,
			true,
		);
		expect(result.output(MARKETO_NODE)[0].json.error).toBe('Item 0, field "Input Binary Field": the item has no binary property "attachment" (it has: data)');
		expect(emulator.apiCalls()).toHaveLength(0);
	});

	it('an item without binary data at all says so', async () => {
		const { store } = await instance();
		const result = await runMarketo({ resource: 'file', operation: 'upload', folder: byId(17), folderType: 'Folder', binaryPropertyName: 'data' }, { store });
		expect(result.error?.message).toBe('Item 0, field "Input Binary Field": the item has no binary property "data" (it has no binary data)');
	});

	it('Insert Only refuses (709) a file whose name the folder already has', async () => {
		const { store } = await instance();
		const logo: FileItem = { fileName: 'logo.svg', mimeType: 'image/svg+xml', content: '<svg/>' };
		const result = await runWithFiles(
			{ resource: 'file', operation: 'upload', folder: byId(17), folderType: 'Folder', additionalFields: { insertOnly: true } },
			[logo],
			store,
			true,
		);
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ code: '709', error: expect.stringContaining("File 'logo.svg' already exists") });
	});

	it('an upload whose answer is lost is not sent again (Marketo may have stored the file)', async () => {
		const { emulator, store } = await instance();
		emulator.inject({ on: 1, drop: 'afterExecuting' });
		const result = await runWithFiles({ resource: 'file', operation: 'upload', folder: byId(17), folderType: 'Folder' }, [PDF], store, true);
		expect(result.output(MARKETO_NODE)[0].json.error).toMatch(/Marketo may or may not have applied it, so it was not sent again/);
		expect(callsTo(emulator, 'POST', `${API}/files.json`)).toHaveLength(1);
	});

	it('an upload refused before it ran (606) is sent again, with a fresh body', async () => {
		const { emulator, store, assets } = await instance();
		emulator.inject({ on: 1, respondWithCode: '606' });
		await runWithFiles({ resource: 'file', operation: 'upload', folder: byId(17), folderType: 'Folder' }, [CSV], store);
		const calls = callsTo(emulator, 'POST', `${API}/files.json`);
		expect(calls).toHaveLength(2);
		expect(multipartBody(calls[1].body).get('file')?.value).toBe(CSV.content);
		expect(assets.all('file')).toHaveLength(2);
	}, 30_000);
});

describe('File → Replace Content', () => {
	it('replaces the content of a file with the item\'s binary; the id travels beside the file', async () => {
		const { emulator, store, assets } = await instance();
		const svg: FileItem = { fileName: 'logo-2026.svg', mimeType: 'image/svg+xml', content: '<svg><circle r="4"/></svg>' };
		const result = await runWithFiles({ resource: 'file', operation: 'replaceContent', assetId: byId(1001) }, [svg], store);
		expect(result.output(MARKETO_NODE)[0].json).toMatchObject({ id: 1001, name: 'logo.svg', size: svg.content.length });
		const parts = multipartBody(callsTo(emulator, 'POST', `${API}/file/1001/content.json`)[0].body);
		expect(parts.get('id')?.value).toBe('1001');
		expect(parts.get('file')?.value).toBe(svg.content);
		expect(assets.get('file', 1001)?.approved?.content).toBe(svg.content);
	});
});

describe('HTML content from a binary file', () => {
	it('an email template\'s HTML can come from a binary property', async () => {
		const { emulator, store, assets } = await instance();
		const html: FileItem = { fileName: 'template.html', mimeType: 'text/html', content: '<html><body>From file</body></html>' };
		await runWithFiles({ resource: 'emailTemplate', operation: 'updateContent', assetId: byId(1001), contentSource: 'binary', binaryPropertyName: 'data' }, [html], store);
		expect(multipartBody(callsTo(emulator, 'POST', `${API}/emailTemplate/1001/content.json`)[0].body).get('content')).toMatchObject({ value: html.content, contentType: 'text/html' });
		expect(assets.get('emailTemplate', 1001)?.draft?.content).toBe(html.content);
	});

	it('a binary file that is not HTML or text is that item\'s error, before any call', async () => {
		const { emulator, store } = await instance();
		const result = await runWithFiles({ resource: 'emailTemplate', operation: 'updateContent', assetId: byId(1001), contentSource: 'binary', binaryPropertyName: 'data' }, [PDF], store);
		expect(result.error?.message).toBe('Item 0, field "Input Binary Field": "brochure.pdf" is application/pdf; Marketo takes HTML or text here');
		expect(emulator.apiCalls()).toHaveLength(0);
	});
});
