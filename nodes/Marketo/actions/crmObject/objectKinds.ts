import type { INodeProperties } from 'n8n-workflow';

/**
 * Marketo's Lead Database objects besides leads share one API shape (swagger-mapi.json): under a
 * base path, GET `.json` queries by filterType/filterValues, POST `.json` syncs (action, dedupeBy,
 * input ≤ 300), POST `/delete.json` deletes (deleteBy, input ≤ 300), GET `/describe.json` describes.
 * The kinds differ only by path and key fields, so they are described here as data; the shared
 * operations read this table for both their UI fields and their requests.
 */
export interface ObjectKind {
	/** The node's resource value. */
	resource: string;
	displayName: string;
	/** Lower case, for descriptions: "companies". */
	pluralName: string;
	/** The base path without `.json`; custom objects get theirs from the chosen type. */
	basePath(customObjectName?: string): string;
	/** Marketo's own key: an integer `id` or a `marketoGUID`. */
	idField: 'id' | 'marketoGUID';
	/** The key Marketo creates and matches by (dedupeFields); undefined when only describe knows it (custom objects). */
	dedupeFields?: string[];
	/** Fields shown before every operation's own (the custom object type). */
	leadingProperties: INodeProperties[];
	/** The base path depends on the custom object type each item names. */
	typePerItem?: boolean;
	/** A caveat for the write operations' descriptions, lower case (shown in parentheses). */
	caveat?: string;
}

const CRM_SYNC_CAVEAT = 'read-only on instances with native Salesforce or Microsoft Dynamics sync';

const standardKind = (
	resource: string,
	displayName: string,
	pluralName: string,
	segment: string,
	idField: ObjectKind['idField'],
	dedupeFields: string[],
	caveat?: string,
): ObjectKind => ({
	resource,
	displayName,
	pluralName,
	basePath: () => `/rest/v1/${segment}`,
	idField,
	dedupeFields,
	leadingProperties: [],
	...(caveat ? { caveat } : {}),
});

/**
 * The standard objects, checked against swagger-mapi.json: each has all four endpoints, and
 * every write is a POST with a JSON body (delete included).
 */
export const STANDARD_OBJECT_KINDS: ObjectKind[] = [
	standardKind('company', 'Company', 'companies', 'companies', 'id', ['externalCompanyId'], CRM_SYNC_CAVEAT),
	standardKind('namedAccount', 'Named Account', 'named accounts', 'namedaccounts', 'marketoGUID', ['name']),
	standardKind('opportunity', 'Opportunity', 'opportunities', 'opportunities', 'marketoGUID', ['externalOpportunityId'], CRM_SYNC_CAVEAT),
	standardKind(
		'opportunityRole',
		'Opportunity Role',
		'opportunity roles',
		'opportunities/roles',
		'marketoGUID',
		['externalOpportunityId', 'leadId', 'role'],
		'only on instances without native CRM sync; the opportunity and the lead must exist',
	),
	standardKind('salesPerson', 'Sales Person', 'sales persons', 'salespersons', 'id', ['externalSalesPersonId'], CRM_SYNC_CAVEAT),
];

/** Label of the id field in the UI. */
export const idFieldLabel = (kind: ObjectKind) => (kind.idField === 'id' ? 'Marketo ID' : 'Marketo GUID');
