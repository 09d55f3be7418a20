import type { IDataObject } from 'n8n-workflow';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

import type { MarketoInstance } from '../test/support/marketoRun';

/**
 * What an HTTP Request node does with one Marketo call per item: it starts each item's request
 * as its loop reaches the item, all at once, or `batchSize` 1 every `intervalMs` with its
 * Batching option (it sleeps between batches; it does not wait for answers). There is no
 * throttle, no retry, and a 606 or 615 arrives as HTTP 200, so the node reports success for
 * leads Marketo never wrote. The token is a real one from the identity endpoint.
 */
export async function upsertOnePerItem(instance: MarketoInstance, leads: IDataObject[], intervalMs = 0): Promise<{ applied: number }> {
	const token = await accessToken(instance);
	const answers: Array<Promise<boolean>> = [];
	for (const [index, lead] of leads.entries()) {
		if (index > 0 && intervalMs > 0) await sleep(intervalMs);
		answers.push(upsertOne(instance, token, lead));
	}
	const applied = (await Promise.all(answers)).filter(Boolean).length;
	return { applied };
}

async function accessToken({ identityEndpoint, clientId, clientSecret }: MarketoInstance): Promise<string> {
	const query = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
	const { body } = await request(`${identityEndpoint}/oauth/token?${query}`);
	return ((await body.json()) as { access_token: string }).access_token;
}

/** True when Marketo created or updated the lead. */
async function upsertOne(instance: MarketoInstance, token: string, lead: IDataObject): Promise<boolean> {
	try {
		const { body } = await request(`${instance.restEndpoint}/v1/leads.json`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ action: 'createOrUpdate', lookupField: 'email', input: [lead] }),
		});
		const answer = (await body.json()) as { success?: boolean; result?: Array<{ status?: string }> };
		return answer.success === true && ['created', 'updated'].includes(String(answer.result?.[0]?.status));
	} catch {
		return false;
	}
}
