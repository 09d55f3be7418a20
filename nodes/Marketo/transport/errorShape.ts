/** Reads what HTTP layers (axios, n8n's wrappers) put on errors, whichever layer put it there. */
interface ErrorLike {
	name?: string;
	message?: string;
	code?: string;
	status?: number;
	httpCode?: string;
	/** NodeApiError: the wrapped error's own messages, before n8n's friendly rewording. */
	messages?: string[];
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

const NETWORK_CODE = /^E[A-Z_]+$/;

/** n8n's NodeApiError drops the original error and keeps its network code as `httpCode`. */
export function networkCodeOf(error: unknown): string | undefined {
	for (const link of errorChain(error)) {
		const code = [link.code, link.httpCode].find((value) => typeof value === 'string' && NETWORK_CODE.test(value));
		if (code) return code;
	}
	return undefined;
}

/** Network codes in words: n8n replaces any error message that contains such a code with its own advice. */
const NETWORK_CODE_WORDS: Readonly<Record<string, string>> = {
	ECONNRESET: 'connection reset',
	ECONNREFUSED: 'connection refused',
	ECONNABORTED: 'connection aborted',
	EPIPE: 'connection closed while sending',
	ETIMEDOUT: 'timed out',
	ESOCKETTIMEDOUT: 'timed out',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'DNS lookup failed',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
};

export function describeNetworkCode(code: string): string {
	return NETWORK_CODE_WORDS[code] ?? code.replace(/^E/, '').replace(/_/g, ' ').toLowerCase();
}

/**
 * What went wrong on the wire, in plain words: the network code, else the HTTP layer's own
 * message. Not n8n's rewording, whose advice ("retry immediately") is wrong for a write.
 */
export function wireFailureOf(error: unknown): string {
	const code = networkCodeOf(error);
	if (code) return describeNetworkCode(code);
	for (const link of errorChain(error)) {
		const original = link.messages?.find((message) => typeof message === 'string' && message);
		if (original) return original;
	}
	return (error as ErrorLike)?.message ?? 'connection failed';
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
