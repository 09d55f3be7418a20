/** Reads what HTTP layers (axios, n8n's wrappers) put on errors, whichever layer put it there. */
interface ErrorLike {
	name?: string;
	message?: string;
	code?: string;
	status?: number;
	httpCode?: string;
	response?: { status?: number; data?: unknown; body?: unknown };
	cause?: unknown;
}

export function errorChain(error: unknown): ErrorLike[] {
	const chain: ErrorLike[] = [];
	let current = error;
	while (current && typeof current === 'object' && chain.length < 8 && !chain.includes(current as ErrorLike)) {
		chain.push(current as ErrorLike);
		current = (current as ErrorLike).cause;
	}
	return chain;
}

export function httpStatusOf(error: unknown): number | undefined {
	for (const link of errorChain(error)) {
		const status = link.response?.status ?? link.status ?? Number(link.httpCode);
		if (typeof status === 'number' && status >= 100 && status < 600) return status;
	}
	return undefined;
}

export function networkCodeOf(error: unknown): string | undefined {
	for (const link of errorChain(error)) {
		if (typeof link.code === 'string' && /^E[A-Z_]+$/.test(link.code)) return link.code;
	}
	return undefined;
}

export function responseBodyOf(error: unknown): unknown {
	for (const link of errorChain(error)) {
		const body = link.response?.data ?? link.response?.body;
		if (body !== undefined) return body;
	}
	return undefined;
}

export function findInChain(error: unknown, name: string): ErrorLike | undefined {
	return errorChain(error).find((link) => link.name === name);
}

/** Connection failures that happen before a request leaves this machine: repeating is always safe. */
export const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
