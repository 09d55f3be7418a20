import type { IDataObject } from 'n8n-workflow';

import { MarketoApi } from '../../credentials/MarketoApi.credentials';
import { Marketo } from '../../nodes/Marketo/Marketo.node';
import { loadOptions } from '../harness';
import { CREDENTIAL_ID, credentialStore, MARKETO_NODE, runMarketo } from '../support/marketoRun';
import { ReplayServer } from './replayServer';
import type { Replay } from './replayTypes';

/** What the node made of the answers: its output items (or a dropdown's options), files, and the error it stopped with. */
export interface ReplayRun {
	items: IDataObject[];
	files: string[];
	error?: string;
	server: ReplayServer;
}

async function produce(replay: Replay, server: ReplayServer): Promise<Omit<ReplayRun, 'server'>> {
	const store = credentialStore({
		restEndpoint: `${server.baseUrl}/rest`,
		identityEndpoint: `${server.baseUrl}/identity`,
		clientId: 'replay-client',
		clientSecret: 'replay-secret',
	});
	if (replay.dropdown) {
		try {
			const options = await loadOptions({
				nodeTypeName: 'n8n-nodes-marketo.marketo',
				nodeType: new Marketo(),
				credentialTypes: [new MarketoApi()],
				credentials: store,
				parameters: replay.parameters,
				nodeCredentials: { marketoApi: { id: CREDENTIAL_ID, name: 'Marketo (replay)' } },
				method: replay.dropdown,
			});
			return { items: options as unknown as IDataObject[], files: [] };
		} catch (error) {
			return { items: [], files: [], error: (error as Error).message };
		}
	}
	const run = await runMarketo(replay.parameters, { store, items: replay.items, continueOnFail: replay.continueOnFail });
	const output = run.error ? [] : run.output(MARKETO_NODE);
	return {
		items: output.map((item) => item.json),
		files: output.flatMap((item) => (item.binary?.data ? [Buffer.from(item.binary.data.data, 'base64').toString('utf8')] : [])),
		...(run.error ? { error: run.error.message } : {}),
	};
}

/** Runs the replay's Marketo node (a real n8n workflow, or a dropdown) against a server that answers what the replay scripts. */
export async function runReplay(replay: Replay): Promise<ReplayRun> {
	const server = new ReplayServer(replay.answers, replay.identity);
	await server.start();
	try {
		return { ...(await produce(replay, server)), server };
	} finally {
		await server.stop();
	}
}
