import { randomUUID } from 'node:crypto';

export type TokenStatus = 'missing' | 'valid' | 'expired' | 'unknown';

/** Access tokens of the one LaunchPoint service the emulator knows. */
export class TokenStore {
	private readonly expiresAt = new Map<string, number>();
	private current?: string;

	constructor(private readonly lifetimeSeconds: number) {}

	/** Marketo hands out the same token while it lives, with its remaining life (floored). */
	issue(now: number): { token: string; expiresIn: number } {
		if (this.current !== undefined && this.status(this.current, now) === 'valid') {
			const remainingMs = (this.expiresAt.get(this.current) ?? now) - now;
			return { token: this.current, expiresIn: Math.floor(remainingMs / 1000) };
		}
		// Real tokens are a UUID followed by the pod, e.g. "cdf01657-110d-4155-99a7-f986b2ff13a0:ab".
		const token = `${randomUUID()}:ab`;
		this.expiresAt.set(token, now + this.lifetimeSeconds * 1000);
		this.current = token;
		return { token, expiresIn: this.lifetimeSeconds };
	}

	status(token: string | undefined, now: number): TokenStatus {
		if (token === undefined || token === '') return 'missing';
		const expiresAt = this.expiresAt.get(token);
		if (expiresAt === undefined) return 'unknown';
		return now < expiresAt ? 'valid' : 'expired';
	}

	expireAll(now: number): void {
		for (const token of this.expiresAt.keys()) this.expiresAt.set(token, Math.min(now, this.expiresAt.get(token) ?? now));
	}

	revokeAll(): void {
		this.expiresAt.clear();
		this.current = undefined;
	}
}
