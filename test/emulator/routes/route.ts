import type { CallLedger } from '../callLedger';
import type { LeadStore } from '../leads/LeadStore';

export interface RouteRequest {
	/** Values of `{name}` segments of the route's path. */
	pathParams: Record<string, string>;
	/** Query parameters (and form fields of a POST _method=GET). */
	params: Record<string, string>;
	body: unknown;
}

export interface RouteContext {
	readonly leads: LeadStore;
	readonly ledger: CallLedger;
	readonly now: number;
}

/** A successful answer; failures are thrown as MarketoFailure. */
export interface RouteAnswer {
	result: unknown[];
	moreResult?: boolean;
	nextPageToken?: string;
}

/** An answer that is a file (bulk import failures and warnings, bulk extract files): sent as is, outside the envelope. */
export interface FileAnswer {
	/** A Buffer for large files (bulk extract), served without copying. */
	/** `breakAfterBytes`: the connection drops after that many bytes of the body (tests of resumed downloads). */
	file: { contentType: string; text: string | Buffer; breakAfterBytes?: number };
}

export interface Route {
	method: 'GET' | 'POST' | 'DELETE';
	/** e.g. '/rest/v1/lead/{leadId}.json' */
	path: string;
	/** A POST route that reads a JSON body: other content types answer 612, broken JSON 609. */
	jsonBody?: boolean;
	handle(request: RouteRequest, context: RouteContext): RouteAnswer | FileAnswer;
}

export interface RouteMatch {
	route: Route;
	pathParams: Record<string, string>;
}

export function findRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
	for (const route of routes) {
		if (route.method !== method) continue;
		const names: string[] = [];
		const pattern = route.path.replace(/[.*+?^$()|[\]\\]|\{(\w+)\}/g, (token, name: string | undefined) => {
			if (name === undefined) return `\\${token}`;
			names.push(name);
			return '([^/]+)';
		});
		const match = new RegExp(`^${pattern}$`).exec(path);
		if (match) return { route, pathParams: Object.fromEntries(names.map((n, i) => [n, decoded(match[i + 1])])) };
	}
	return undefined;
}

function decoded(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
