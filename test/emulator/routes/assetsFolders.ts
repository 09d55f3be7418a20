import { answer, businessRule, folderFilter, noAssets, page } from '../assets/answers';
import { assetsOf, type Asset } from '../assets/AssetStore';
import { FOLDER_KIND, folderExists, folderRefOf, pathOf, renderFolder, renderProgramFolder, sameFolder, type FolderRef } from '../assets/folders';
import { booleanField, field, formBody, jsonField } from '../assets/requestBody';
import { MarketoFailure, marketoErrors } from '../errors';
import { integerParam } from '../lists/queryParams';
import { programsOf } from '../programs/ProgramStore';
import type { Route, RouteContext } from './route';

const ASSET_API = '/rest/asset/v1';
const TOKEN_TYPES = ['date', 'number', 'rich text', 'score', 'sfdc campaign', 'text'];

/** `type` of a folder call (query or form): Folder or Program, 1003 otherwise. */
function folderType(value: string | undefined, required: boolean): 'Folder' | 'Program' | undefined {
	if (value === undefined || value === '') {
		if (required) throw new MarketoFailure(marketoErrors.missingParameter('type'));
		return undefined;
	}
	if (value !== 'Folder' && value !== 'Program') throw new MarketoFailure(marketoErrors.invalidData(`Invalid type '${value}'; use Folder or Program`));
	return value;
}

/** The folder tree with the programs in it, as browse shows it: each container with its depth below the root. */
function tree(context: RouteContext): Array<{ ref: FolderRef; record: Record<string, unknown>; parent?: FolderRef }> {
	const folders = assetsOf(context)
		.all(FOLDER_KIND)
		.map((folder) => ({ ref: { id: folder.id, type: 'Folder' as const }, record: renderFolder(folder, context), parent: folder.approved?.parent as FolderRef | undefined }));
	const store = assetsOf(context);
	const programs = programsOf(context)
		.all()
		.filter((program) => !store.programExtras(program.id).deleted)
		.map((program) => ({ ref: { id: program.id, type: 'Program' as const }, record: renderProgramFolder(program.id, context) as Record<string, unknown>, parent: { id: program.folderId, type: 'Folder' as const } }));
	return [...folders, ...programs];
}

function depthBelow(entry: { parent?: FolderRef }, root: FolderRef | undefined, all: ReturnType<typeof tree>): number | undefined {
	let depth = 0;
	for (let parent = entry.parent; ; depth++) {
		if (root ? parent && sameFolder(parent, root) : parent === undefined) return depth;
		if (!parent || depth > 20) return undefined;
		const up = all.find((candidate) => sameFolder(candidate.ref, parent as FolderRef));
		parent = up?.parent;
	}
}

/** The container a folder call names: `{id}` and `type`; 702 when there is none. */
function containerOf(id: string, type: 'Folder' | 'Program', context: RouteContext): FolderRef {
	const ref: FolderRef = { id: integerParam(id), type };
	if (!folderExists(ref, context)) throw new MarketoFailure({ code: '702', message: `${type} '${id}' not found` });
	return ref;
}

const ASSET_KINDS_IN_FOLDERS = ['email', 'emailTemplate', 'snippet', 'landingPage', 'landingPageTemplate', 'form', 'file', 'smartList', 'staticList', 'smartCampaign'];
const CONTENT_TYPE: Record<string, string> = { emailTemplate: 'Email Template', landingPage: 'Landing Page', landingPageTemplate: 'Landing Page Template', smartList: 'Smart List', staticList: 'Static List', smartCampaign: 'Smart Campaign' };

/** What a folder holds: its subfolders, its programs, its assets (FolderContentResponse: id and type). */
function contents(ref: FolderRef, context: RouteContext): Array<{ id: number; type: string }> {
	const store = assetsOf(context);
	const children = tree(context)
		.filter((entry) => entry.parent && sameFolder(entry.parent, ref))
		.map((entry) => ({ id: entry.ref.id, type: entry.ref.type }));
	const assets = ASSET_KINDS_IN_FOLDERS.flatMap((kind) =>
		store
			.all(kind)
			.filter((asset: Asset) => sameFolder(store.version(asset)?.folder, ref))
			.map((asset) => ({ id: asset.id, type: CONTENT_TYPE[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1) })),
	);
	return [...children, ...assets];
}

const folderRoutes: Route[] = [
	{
		method: 'GET',
		path: `${ASSET_API}/folder/byName.json`,
		handle: ({ params }, context) => {
			if (!params.name) throw new MarketoFailure(marketoErrors.missingParameter('name'));
			const type = folderType(params.type, false);
			const root = folderFilter(params, context, 'root');
			const all = tree(context);
			return answer(
				all
					.filter((entry) => entry.record.name === params.name && (!type || entry.ref.type === type))
					.filter((entry) => !root || depthBelow(entry, root, all) !== undefined)
					.filter((entry) => !params.workSpace || entry.record.workspace === params.workSpace)
					.map((entry) => entry.record),
			);
		},
	},
	{
		method: 'GET',
		path: `${ASSET_API}/folders.json`,
		handle: ({ params }, context) => {
			const root = folderFilter(params, context, 'root');
			const maxDepth = params.maxDepth === undefined ? 2 : integerParam(params.maxDepth);
			const all = tree(context);
			const records = all
				.filter((entry) => {
					const depth = depthBelow(entry, root, all);
					return depth !== undefined && depth < maxDepth;
				})
				.filter((entry) => !params.workSpace || entry.record.workspace === params.workSpace)
				.map((entry) => entry.record);
			return page(records, params);
		},
	},
	{
		method: 'GET',
		path: `${ASSET_API}/folder/{id}.json`,
		handle: ({ pathParams, params }, context) => {
			const type = folderType(params.type, true) as FolderRef['type'];
			const id = integerParam(pathParams.id);
			const record = type === 'Program' ? renderProgramFolder(id, context) : ((folder) => folder && renderFolder(folder, context))(assetsOf(context).get(FOLDER_KIND, id));
			return record ? { result: [record] } : noAssets();
		},
	},
	{
		method: 'GET',
		path: `${ASSET_API}/folder/{id}/content.json`,
		handle: ({ pathParams, params }, context) => page(contents(containerOf(pathParams.id, folderType(params.type, true) as FolderRef['type'], context), context), params),
	},
	{
		method: 'POST',
		path: `${ASSET_API}/folders.json`,
		handle: ({ body }, context) => {
			const form = formBody(body);
			const name = field(form, 'name', true) as string;
			const parent = folderRefOf(jsonField(form, 'parent', true), context, 'parent');
			const store = assetsOf(context);
			if (store.all(FOLDER_KIND).some((folder) => folder.approved?.name === name && sameFolder(folder.approved?.parent, parent))) {
				throw businessRule(`Folder name '${name}' is already in use in ${pathOf(parent, context)}`);
			}
			const parentType = parent.type === 'Folder' ? store.get(FOLDER_KIND, parent.id)?.approved?.folderType : 'Marketing Folder';
			const folder = store.create(FOLDER_KIND, { name, parent, description: field(form, 'description'), folderType: parentType ?? 'Marketing Folder', isSystem: false, isArchive: false }, { drafts: false });
			return { result: [renderFolder(folder, context)] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/folder/{id}.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const ref = containerOf(pathParams.id, folderType(form.type, true) as FolderRef['type'], context);
			if (ref.type === 'Program') throw businessRule('A program is changed with Program → Update, not as a folder');
			const store = assetsOf(context);
			const folder = store.get(FOLDER_KIND, ref.id) as Asset;
			if (folder.approved?.isSystem) throw businessRule(`Folder '${String(folder.approved.name)}' is a system folder`);
			const isArchive = booleanField(form, 'isArchive');
			const fields = store.edit(folder, false, (target) => {
				if (form.name) target.name = form.name;
				if (form.description !== undefined) target.description = form.description;
				if (isArchive !== undefined) target.isArchive = isArchive;
			});
			return { result: [renderFolder({ ...folder, approved: fields }, context)] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/folder/{id}/delete.json`,
		handle: ({ pathParams, body }, context) => {
			const ref = containerOf(pathParams.id, folderType(formBody(body).type, true) as FolderRef['type'], context);
			if (ref.type === 'Program') throw businessRule('A program is deleted with Program → Delete, not as a folder');
			const store = assetsOf(context);
			if (store.get(FOLDER_KIND, ref.id)?.approved?.isSystem) throw businessRule('System folders cannot be deleted');
			const held = contents(ref, context);
			if (held.length > 0) throw businessRule(`Folder ${ref.id} is not empty (${held.length} items); delete or move them first`);
			store.delete(FOLDER_KIND, ref.id);
			return { result: [{ id: ref.id }] };
		},
	},
];

/** My Tokens: `{{my.Name}}` values on a folder or program; a create with an existing name replaces it. */
const tokenRoutes: Route[] = [
	{
		method: 'GET',
		path: `${ASSET_API}/folder/{id}/tokens.json`,
		handle: ({ pathParams, params }, context) => {
			const ref = containerOf(pathParams.id, folderType(params.folderType ?? 'Folder', true) as FolderRef['type'], context);
			return { result: [{ folder: String(ref.id), tokens: assetsOf(context).tokensOf(ref.type, ref.id).map((token) => ({ ...token, computedUrl: `https://app-sj01.marketo.com/#PG${ref.id}A1` })) }] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/folder/{id}/tokens.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const ref = containerOf(pathParams.id, folderType(field(form, 'folderType', true), true) as FolderRef['type'], context);
			const name = field(form, 'name', true) as string;
			const type = field(form, 'type', true) as string;
			const value = field(form, 'value', true) as string;
			if (!TOKEN_TYPES.includes(type)) throw new MarketoFailure(marketoErrors.invalidData(`Invalid token type '${type}'`));
			if (/^\{\{|\}\}$/.test(name)) throw new MarketoFailure(marketoErrors.invalidData(`Token name '${name}' must be the bare name, without {{my. }}`));
			if (type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new MarketoFailure(marketoErrors.invalidData(`Invalid date '${value}'; use YYYY-MM-DD`));
			const tokens = assetsOf(context).tokensOf(ref.type, ref.id);
			const existing = tokens.find((token) => token.name === name);
			if (existing) Object.assign(existing, { type, value });
			else tokens.push({ name, type, value });
			return { result: [{ folder: String(ref.id), tokens }] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/folder/{id}/tokens/delete.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const ref = containerOf(pathParams.id, folderType(field(form, 'folderType', true), true) as FolderRef['type'], context);
			const name = field(form, 'name', true) as string;
			const type = field(form, 'type', true) as string;
			const tokens = assetsOf(context).tokensOf(ref.type, ref.id);
			const at = tokens.findIndex((token) => token.name === name && token.type === type);
			if (at < 0) throw new MarketoFailure({ code: '702', message: `Token '${name}' of type '${type}' not found` });
			tokens.splice(at, 1);
			return { result: [{ id: ref.id }] };
		},
	},
];

/** Folders (the tree, with programs in it), and My Tokens on folders and programs. */
export const assetFolderRoutes: Route[] = [...folderRoutes, ...tokenRoutes];
