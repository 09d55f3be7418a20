import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialImport, WorkflowJson } from './n8n';
import { examplesDir } from './paths';

/** The credential every example's Marketo nodes name; the sandbox and the e2e runs import it. */
export const EXAMPLE_CREDENTIAL = { id: 'mktoEmulatorCred', name: 'Marketo API (emulator)' } as const;

export function loadExamples(): Array<{ file: string; workflow: WorkflowJson }> {
	return readdirSync(examplesDir())
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(examplesDir(), file), 'utf8')) as WorkflowJson }));
}

export function marketoCredential(
	restEndpoint: string,
	client: { clientId: string; clientSecret: string },
	ref: { id: string; name: string } = EXAMPLE_CREDENTIAL,
): CredentialImport {
	return {
		...ref,
		type: 'marketoApi',
		// The identity endpoint is left empty: the node derives it from the REST endpoint.
		data: { restEndpoint, identityEndpoint: '', clientId: client.clientId, clientSecret: client.clientSecret, adjustLimits: false },
	};
}
