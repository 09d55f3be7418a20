import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export interface CredentialUpdate {
	id: string;
	data: ICredentialDataDecryptedObject;
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * The harness's stand-in for n8n's credentials table. It holds each credential's data as it
 * would be stored (already decrypted). Every read hands out a deep copy, so one execution can
 * never see another's in-memory mutations, only what was written back through
 * `updateCredentials`, exactly as with a database.
 *
 * Several `runWorkflow` calls may share one store at the same time.
 */
export class CredentialStore {
	/** Every write made through the credentials helper (`updateCredentials` and OAuth token updates), in order. */
	readonly updates: CredentialUpdate[] = [];

	private readonly entries = new Map<string, StoredCredential>();

	constructor(entries: StoredCredential[]) {
		for (const entry of entries) {
			if (this.entries.has(entry.id)) {
				throw new Error(`CredentialStore: duplicate credential id "${entry.id}"`);
			}
			this.entries.set(entry.id, copy(entry));
		}
	}

	/** A copy of the stored credential. Throws if the id is unknown. */
	get(id: string): StoredCredential {
		const entry = this.entries.get(id);
		if (entry === undefined) {
			throw new Error(`CredentialStore: no credential with id "${id}"`);
		}
		return copy(entry);
	}

	/** Like `get`, but `undefined` instead of throwing. */
	find(id: string): StoredCredential | undefined {
		const entry = this.entries.get(id);
		return entry === undefined ? undefined : copy(entry);
	}

	/**
	 * Replaces the stored data of a credential (what n8n's `updateCredentials` does: it
	 * re-encrypts the full data object it is given and saves it) and records the write in
	 * `updates`.
	 */
	write(id: string, data: ICredentialDataDecryptedObject): void {
		const entry = this.entries.get(id);
		if (entry === undefined) {
			throw new Error(`CredentialStore: no credential with id "${id}"`);
		}
		entry.data = copy(data);
		this.updates.push({ id, data: copy(data) });
	}
}
