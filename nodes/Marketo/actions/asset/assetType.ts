import type { LocatorTarget } from './assetLocator';
import type { Param } from './params';

export const ASSET_API = '/rest/asset/v1';

/**
 * One asset type of Marketo's asset API (swagger-asset.json), as data. Most types share one
 * shape — `/<segment>/{id}.json` (get, update), `/<segment>/byName.json`, `/<collection>.json`
 * (browse, create), `/<segment>/{id}/<verb>.json` (clone, delete, approveDraft, unapprove,
 * discardDraft), `/<segment>/{id}/content.json` — and differ in which of these they have and in
 * their fields. The shared operations (sharedOperations.ts) read this row for both their UI
 * fields and their requests; what only one type has lives in special/.
 */
export interface AssetType extends LocatorTarget {
	/** The node's resource value. */
	resource: string;
	/** In the Resource selector, and the name of the asset's locator field. */
	displayName: string;
	/** Lower case plural, for descriptions: "emails". */
	plural: string;
	/** Path segment of one asset: `email` → `/rest/asset/v1/email/{id}.json`. */
	segment: string;
	/** Path segment of the collection: `emails` → `/rest/asset/v1/emails.json`. */
	collection: string;
	/** Get by ID, with the query options its endpoint takes. */
	get?: { options: Param[] };
	/** Get by Name; `key` is Marketo's name parameter (`Name` for channels). */
	getByName?: { key?: string; options: Param[] };
	/** Browse; `paged: false` when the endpoint takes no offset (segmentations). */
	getMany?: { filters: Param[]; paged: boolean };
	/** Create at `/<collection>.json`: required fields at top level, the rest in Additional Fields. */
	create?: { required: Param[]; optional: Param[] };
	/** Update metadata at `/<segment>/{id}.json`; JSON only where the official file says so. */
	update?: { fields: Param[]; encoding?: 'form' | 'json' };
	/** Clone: name and folder are always required; these are the optional extras. */
	clone?: { optional: Param[] };
	delete?: boolean;
	/** Draft workflow: programs approve at `approve.json`, the rest at `approveDraft.json`. */
	approval?: { approve: 'approveDraft' | 'approve'; unapprove: boolean; discardDraft: boolean };
	/** Get Content at `/<segment>/{id}/<path>` (email templates' has no `.json`). */
	content?: { path: string; options: Param[] };
}

export const assetPath = (segment: string, suffix = '') => `${ASSET_API}/${segment}${suffix}`;
