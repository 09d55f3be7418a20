import { ItemInputError } from '../../helpers/outcomes';
import type { QueryValue } from '../../transport/request';

/** The only API families a custom call may reach; the host always comes from the credential. */
const API_ROOTS = ['/rest/', '/bulk/'];

export interface CheckedPath {
	path: string;
	/** Parameters written into the path after "?" (the node sends them as query parameters). */
	qs: Record<string, QueryValue>;
}

/**
 * Checks a custom call's path before anything is sent: a path on the credential's instance under
 * /rest/ or /bulk/, never another host, never "//" (Marketo is deprecating it) or "." segments.
 */
export function checkApiPath(itemIndex: number, raw: unknown): CheckedPath {
	const text = String(raw ?? '').trim();
	const refuse = (problem: string) => new ItemInputError(itemIndex, 'Path', problem);
	if (text === '') throw refuse('is empty; enter a path such as /rest/v1/leads/describe2.json');
	if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) {
		throw refuse(`"${text}" is an absolute URL; enter only the path (e.g. /rest/v1/leads.json): the host comes from the credential`);
	}
	const [path, query = ''] = text.split(/\?(.*)/s);
	if (/[\s\\#]/.test(path)) throw refuse(`"${path}" contains a space, "\\" or "#"`);
	if (path.includes('//')) throw refuse(`"${path}" contains "//"; Marketo refuses empty path segments`);
	if (path.split('/').some((segment) => segment === '.' || segment === '..')) throw refuse(`"${path}" contains "." or ".." segments`);
	if (!API_ROOTS.some((root) => path.startsWith(root))) {
		throw refuse(`"${path}" must start with /rest/ or /bulk/ (the node makes identity calls itself)`);
	}
	return { path, qs: queryOf(query) };
}

/** A key written twice (`id=1&id=2`) becomes one list, sent as Marketo reads it: `id=1,2`. */
function queryOf(query: string): Record<string, QueryValue> {
	const qs: Record<string, QueryValue> = {};
	for (const [key, value] of new URLSearchParams(query)) {
		const previous = qs[key];
		qs[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [String(previous)]), value];
	}
	return qs;
}
