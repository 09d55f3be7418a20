/**
 * Users paste Marketo's endpoints from Admin > Integration > Web Services with or without the
 * `/rest` or `/identity` suffix and with trailing slashes. Marketo is deprecating `//` in gateway
 * paths, so every URL we build goes through here.
 */

export interface MarketoEndpoints {
	/** Instance root, e.g. `https://123-ABC-456.mktorest.com` (no trailing slash, no `/rest`). */
	instanceBase: string;
	/** Identity root, e.g. `https://123-ABC-456.mktorest.com/identity`. */
	identityBase: string;
}

function trimTrailingSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

function withoutSuffix(url: string, suffix: string): string {
	const trimmed = trimTrailingSlashes(url);
	return trimmed.toLowerCase().endsWith(suffix) ? trimmed.slice(0, -suffix.length) : trimmed;
}

export function resolveEndpoints(restEndpoint: string, identityEndpoint?: string): MarketoEndpoints {
	const instanceBase = trimTrailingSlashes(withoutSuffix(restEndpoint, '/rest'));
	if (!/^https?:\/\/[^/]+/i.test(instanceBase)) {
		throw new Error(
			`The REST API endpoint "${restEndpoint}" is not a URL. Copy it from Marketo Admin > Integration > Web Services (it looks like https://123-ABC-456.mktorest.com/rest).`,
		);
	}
	const identityRoot = identityEndpoint?.trim()
		? withoutSuffix(identityEndpoint, '/identity')
		: instanceBase;
	return { instanceBase, identityBase: `${trimTrailingSlashes(identityRoot)}/identity` };
}

/** Joins a base URL and a path so that the path part never contains `//`. */
export function joinUrl(base: string, path: string): string {
	const cleanPath = `/${path}`.replace(/\/{2,}/g, '/');
	return `${trimTrailingSlashes(base)}${cleanPath}`;
}

export function tokenUrl(endpoints: MarketoEndpoints): string {
	return joinUrl(endpoints.identityBase, '/oauth/token');
}

/** Marketo's limits are per instance, so the throttle is shared by everything that talks to one host. */
export function instanceKey(endpoints: MarketoEndpoints): string {
	return endpoints.instanceBase.toLowerCase();
}

/** Tokens belong to a custom service: one per identity URL and client id. */
export function tokenKey(endpoints: MarketoEndpoints, clientId: string): string {
	return `${endpoints.identityBase.toLowerCase()}#${clientId}`;
}
