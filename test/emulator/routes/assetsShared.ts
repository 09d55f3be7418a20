import { ASSET_KINDS, readField, type AssetKind, type FieldKind } from '../assets/assetKinds';
import { answer, businessRule, existing, folderFilter, matchesBrowse, noAssets, page, statusParam } from '../assets/answers';
import { assetsOf, type Asset, type AssetStore, type Fields } from '../assets/AssetStore';
import { folderRefOf, sameFolder, type FolderRef } from '../assets/folders';
import { field, formBody, jsonField, type FormBody } from '../assets/requestBody';
import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import type { Route, RouteContext } from './route';

const ASSET_API = '/rest/asset/v1';

/** What a clone may set besides name and folder (CloneEmailRequest, CloneLandingPageRequest…). */
const CLONE_EXTRAS: Record<string, FieldKind> = { description: 'text', operational: 'boolean', template: 'integer' };

/** The folder of a create or clone: required, existing, and a folder (not a program) for Design Studio assets. */
function targetFolder(kind: AssetKind, body: FormBody, context: RouteContext): FolderRef {
	const folder = folderRefOf(jsonField(body, 'folder', true), context);
	if (kind.folderOnly && folder.type !== 'Folder') throw new MarketoFailure({ code: '711', message: `${kind.noun}s can't be created in a program` });
	return folder;
}

/** Marketo refuses a second asset of a type with the same name in one folder. */
function assertNameFree(kind: AssetKind, store: AssetStore, name: string, folder: unknown, except?: number): void {
	const taken = store
		.all(kind.kind)
		.some((asset) => asset.id !== except && [asset.approved, asset.draft].some((fields) => fields?.name === name && sameFolder(fields.folder, folder as FolderRef)));
	if (taken) throw businessRule(`${kind.noun} name '${name}' is already in use in this folder`);
}

function create(kind: AssetKind, body: FormBody, context: RouteContext): Record<string, unknown> {
	const store = assetsOf(context);
	const name = field(body, 'name', true) as string;
	const folder = targetFolder(kind, body, context);
	assertNameFree(kind, store, name, folder);
	const fields: Fields = { name, folder };
	const description = field(body, 'description');
	if (description !== undefined) fields.description = description;
	for (const [key, [type, required]] of Object.entries(kind.createFields ?? {})) {
		const value = readField(body, key, type, required);
		if (value !== undefined) fields[key] = value;
	}
	const born = kind.born ? kind.born(fields, context) : fields;
	const asset = store.create(kind.kind, born, { drafts: kind.drafts !== undefined });
	return kind.render(asset, born, context);
}

/**
 * Update bodies: url-encoded, except smart campaigns' (JSON, per the official file). A text field
 * sent empty clears the value; the name cannot be cleared (701).
 */
function updateValues(kind: AssetKind, body: unknown): Record<string, unknown> {
	const cleared = (value: unknown) => value === '';
	let values: Record<string, unknown>;
	if (kind.kind === 'smartCampaign') {
		if (!isRecord(body)) throw new MarketoFailure(marketoErrors.invalidContentType());
		values = Object.fromEntries(Object.keys(kind.updatable).filter((key) => body[key] !== undefined).map((key) => [key, body[key]]));
	} else {
		const form = formBody(body);
		values = Object.fromEntries(
			Object.entries(kind.updatable)
				.map(([key, type]) => [key, type === 'text' && cleared(form[key]) ? '' : readField(form, key, type)] as const)
				.filter(([, value]) => value !== undefined),
		);
	}
	if (cleared(values.name)) throw new MarketoFailure({ code: '701', message: 'name cannot be blank' });
	return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, cleared(value) ? null : value]));
}

function sharedRoutes(kind: AssetKind): Route[] {
	const one = (suffix: string) => `${ASSET_API}/${kind.segment}${suffix}`;
	const drafts = kind.drafts !== undefined;
	const routes: Route[] = [];
	const has = (route: string) => kind.routes.includes(route as AssetKind['routes'][number]);

	if (has('byName')) {
		routes.push({
			method: 'GET',
			path: one('/byName.json'),
			handle: ({ params }, context) => {
				const key = kind.byNameKey ?? 'name';
				const name = params[key];
				if (!name) throw new MarketoFailure(marketoErrors.missingParameter(key));
				const status = statusParam(params);
				const folder = folderFilter(params, context);
				const store = assetsOf(context);
				const found = store
					.all(kind.kind)
					.map((asset) => ({ asset, fields: store.version(asset, status) }))
					.filter(({ fields }) => fields?.name === name && (!folder || sameFolder(fields.folder, folder)));
				return answer(found.map(({ asset, fields }) => kind.render(asset, fields as Fields, context)));
			},
		});
	}
	if (has('get')) {
		routes.push({
			method: 'GET',
			path: one('/{id}.json'),
			handle: ({ pathParams, params }, context) => {
				const store = assetsOf(context);
				const asset = store.get(kind.kind, Number(pathParams.id));
				const fields = asset && store.version(asset, statusParam(params));
				if (!asset || !fields) return noAssets();
				const withRules = params.includeRules === 'true' && fields.rules ? { rules: fields.rules } : {};
				return { result: [{ ...kind.render(asset, fields, context), ...withRules }] };
			},
		});
	}
	if (has('browse')) {
		routes.push({
			method: 'GET',
			path: `${ASSET_API}/${kind.collection}.json`,
			handle: ({ params }, context) => {
				const store = assetsOf(context);
				const status = statusParam(params);
				const records = store
					.all(kind.kind)
					.map((asset) => ({ asset, fields: store.version(asset, status) }))
					.filter((entry): entry is { asset: Asset; fields: Fields } => entry.fields !== undefined)
					.filter(({ asset, fields }) => matchesBrowse(asset, fields, params, context))
					.filter(({ fields }) => params.isActive !== 'true' || fields.isActive === true)
					.filter(({ fields }) => !params.redirectTolandingPageId || (fields.redirectTo as { value?: string })?.value === params.redirectTolandingPageId)
					.map(({ asset, fields }) => kind.render(asset, fields, context));
				// Segmentations come in one answer: the official browse takes no offset.
				return kind.kind === 'segmentation' ? answer(records) : page(records, params);
			},
		});
	}
	if (has('create')) {
		routes.push({
			method: 'POST',
			path: `${ASSET_API}/${kind.collection}.json`,
			handle: ({ body }, context) => ({ result: [create(kind, formBody(body), context)] }),
		});
	}
	if (has('update')) {
		routes.push({
			method: 'POST',
			path: one('/{id}.json'),
			jsonBody: kind.kind === 'smartCampaign',
			handle: ({ pathParams, body }, context) => {
				const { store, asset } = existing(kind, pathParams.id, context);
				const values = updateValues(kind, body);
				const current = store.version(asset) as Fields;
				if (typeof values.name === 'string') assertNameFree(kind, store, values.name, current.folder, asset.id);
				const fields = store.edit(asset, drafts, (target) => Object.assign(target, values));
				return { result: [kind.render(asset, fields, context)] };
			},
		});
	}
	if (has('clone')) {
		routes.push({
			method: 'POST',
			path: one('/{id}/clone.json'),
			handle: ({ pathParams, body }, context) => {
				const { store, asset } = existing(kind, pathParams.id, context);
				const form = formBody(body);
				const name = field(form, 'name', true) as string;
				const folder = targetFolder(kind, form, context);
				assertNameFree(kind, store, name, folder);
				const extras = Object.entries(CLONE_EXTRAS)
					.map(([key, type]) => [key, readField(form, key, type)] as const)
					.filter(([, value]) => value !== undefined);
				const copy: Fields = { ...structuredClone(store.version(asset) as Fields), name, folder, ...Object.fromEntries(extras) };
				if (kind.kind === 'smartCampaign') copy.isActive = false;
				const clone = store.create(kind.kind, copy, { drafts });
				return { result: [kind.render(clone, copy, context)] };
			},
		});
	}
	if (has('delete')) {
		routes.push({
			method: 'POST',
			path: one('/{id}/delete.json'),
			handle: ({ pathParams }, context) => {
				const { store, asset } = existing(kind, pathParams.id, context);
				if (drafts && asset.approved) throw businessRule(`Cannot delete an approved ${kind.noun.toLowerCase()}; unapprove it first`);
				const reason = kind.inUse?.(asset, context);
				if (reason) throw businessRule(`Cannot delete ${kind.noun.toLowerCase()} ${asset.id}: ${reason}`);
				store.delete(kind.kind, asset.id);
				return { result: [{ id: asset.id }] };
			},
		});
	}
	if (kind.drafts) routes.push(...draftRoutes(kind, one));
	return routes;
}

/**
 * The draft workflow (Marketo's 709 for each broken rule): approve needs a draft; unapprove needs
 * an approved version that nothing approved depends on; discard needs a draft beside an approved
 * version (the only version of an asset is deleted, not discarded).
 */
function draftRoutes(kind: AssetKind, one: (suffix: string) => string): Route[] {
	const drafts = kind.drafts as NonNullable<AssetKind['drafts']>;
	const answerWith = (verb: 'approve' | 'unapprove', asset: Asset, fields: Fields, context: RouteContext) =>
		kind.answers?.[verb] === 'asset' ? kind.render(asset, fields, context) : { id: asset.id };
	const routes: Route[] = [
		{
			method: 'POST',
			path: one(`/{id}/${drafts.approve}.json`),
			handle: ({ pathParams }, context) => {
				const { asset } = existing(kind, pathParams.id, context);
				if (!asset.draft) throw businessRule(`${kind.noun} ${asset.id} has no draft to approve`);
				asset.approved = asset.draft;
				asset.draft = undefined;
				return { result: [answerWith('approve', asset, asset.approved, context)] };
			},
		},
	];
	if (drafts.unapprove) {
		routes.push({
			method: 'POST',
			path: one('/{id}/unapprove.json'),
			handle: ({ pathParams }, context) => {
				const { asset } = existing(kind, pathParams.id, context);
				if (!asset.approved) throw businessRule(`${kind.noun} ${asset.id} is not approved`);
				const reason = kind.inUse?.(asset, context);
				if (reason) throw businessRule(`Cannot unapprove ${kind.noun.toLowerCase()} ${asset.id}: ${reason}`);
				asset.draft = asset.draft ?? asset.approved;
				asset.approved = undefined;
				return { result: [answerWith('unapprove', asset, asset.draft, context)] };
			},
		});
	}
	if (drafts.discard) {
		routes.push({
			method: 'POST',
			path: one('/{id}/discardDraft.json'),
			handle: ({ pathParams }, context) => {
				const { asset } = existing(kind, pathParams.id, context);
				if (!asset.draft) throw businessRule(`${kind.noun} ${asset.id} has no draft to discard`);
				if (!asset.approved) throw businessRule(`${kind.noun} ${asset.id} has never been approved: delete it instead of discarding its only version`);
				asset.draft = undefined;
				return { result: [{ id: asset.id }] };
			},
		});
	}
	return routes;
}

/** The routes every asset type of the table shares, as far as its row says it has them. */
export const assetSharedRoutes: Route[] = ASSET_KINDS.flatMap(sharedRoutes);
