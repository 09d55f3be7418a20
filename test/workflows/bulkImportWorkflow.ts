import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { MarketoApi } from '../../credentials/MarketoApi.credentials';
import { Marketo } from '../../nodes/Marketo/Marketo.node';
import { parseCsvRecords } from '../../nodes/Marketo/helpers/csv';
import { multipartBody } from '../emulator/assets/requestBody';
import type { MarketoEmulator, RecordedCall } from '../emulator';
import { runWorkflow, START_NODE_TYPE, type CredentialStore } from '../harness';
import { CREDENTIAL_ID, MARKETO_NODE } from './marketoWorkflow';

/** A CSV (or TSV…) file an item carries in its binary property `data`. */
export interface ImportFileItem {
	fileName: string;
	text: string;
	mimeType?: string;
}

/** Stands in for Read/Write Files from Disk: one item per file, the file as binary data. */
const csvFilesNode = (files: ImportFileItem[]): INodeType => ({
	description: {
		displayName: 'CSV Files',
		name: 'csvFiles',
		group: ['input'],
		version: 1,
		description: 'One item per CSV file',
		defaults: { name: 'CSV Files' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const prepare = async ({ fileName, text, mimeType }: ImportFileItem) => await this.helpers.prepareBinaryData(Buffer.from(text, 'utf8'), fileName, mimeType ?? 'text/csv');
		return [await Promise.all(files.map(async (file) => ({ json: { fileName: file.fileName }, binary: { data: await prepare(file) } })))];
	},
});

/** Start → CSV Files → Marketo (Bulk Import from a binary file), as a real n8n workflow. */
export async function importFiles(parameters: INodeParameters, files: ImportFileItem[], store: CredentialStore, continueOnFail = false) {
	const marketo: INode = {
		id: 'marketo',
		name: MARKETO_NODE,
		type: 'n8n-nodes-marketo.marketo',
		typeVersion: 1,
		position: [400, 0],
		parameters: { resource: 'bulkImport', operation: 'import', source: 'binary', ...parameters },
		credentials: { marketoApi: { id: CREDENTIAL_ID, name: 'Marketo (emulator)' } },
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	return await runWorkflow({
		nodeTypes: { 'n8n-nodes-marketo.marketo': new Marketo(), 'test.csvFiles': csvFilesNode(files) },
		credentialTypes: [new MarketoApi()],
		credentials: store,
		workflow: {
			nodes: [
				{ id: 'start', name: 'Start', type: START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'files', name: 'CSV Files', type: 'test.csvFiles', typeVersion: 1, position: [200, 0], parameters: {} },
				marketo,
			],
			connections: {
				Start: { main: [[{ node: 'CSV Files', type: 'main', index: 0 }]] },
				'CSV Files': { main: [[{ node: MARKETO_NODE, type: 'main', index: 0 }]] },
			},
		},
	});
}

/** Checks again after a tenth of a second (doubling): the emulator moves a job one step per status check. */
export const QUICK_CHECKS = { waitOptions: { firstCheckSeconds: 0.1 } };

/** The uploads of a run: where they went, and the file each carried, as records. */
export async function uploadsTo(emulator: MarketoEmulator, path: string): Promise<Array<{ call: RecordedCall; fileName?: string; rows: Array<Record<string, string>> }>> {
	const calls = emulator.apiCalls().filter((call) => call.method === 'POST' && call.path === path);
	return await Promise.all(
		calls.map(async (call) => {
			const file = multipartBody(call.body).get('file');
			const rows: Array<Record<string, string>> = [];
			for await (const row of parseCsvRecords(file?.value ?? '')) rows.push(row);
			return { call, fileName: file?.fileName, rows };
		}),
	);
}

export const jsonOf = (items: INodeExecutionData[]): IDataObject[] => items.map((item) => item.json);
