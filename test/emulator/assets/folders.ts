import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { programsOf } from '../programs/ProgramStore';
import type { RouteContext } from '../routes/route';
import { assetsOf, type Asset, type Fields } from './AssetStore';

/** Marketo's reference to a container: `{id, type}` with type Folder or Program. */
export interface FolderRef {
	id: number;
	type: 'Folder' | 'Program';
}

export const FOLDER_KIND = 'folder';

/** A folder as FolderResponse describes it (folderId, parent, path, folderType, isSystem…). */
export function renderFolder(folder: Asset, context: RouteContext): Record<string, unknown> {
	const fields = folder.approved as Fields;
	const parent = fields.parent as FolderRef | undefined;
	return {
		id: folder.id,
		name: fields.name,
		description: fields.description ?? null,
		createdAt: folder.createdAt,
		updatedAt: folder.updatedAt,
		url: `https://app-sj01.marketo.com/#MF${folder.id}A1`,
		folderId: { id: folder.id, type: 'Folder' },
		folderType: fields.folderType,
		parent: parent ?? null,
		path: pathOf({ id: folder.id, type: 'Folder' }, context),
		isArchive: fields.isArchive === true,
		isSystem: fields.isSystem === true,
		accessZoneId: 1,
		workspace: 'Default',
	};
}

/** A program as the folder tree shows it (a program is a container too). */
export function renderProgramFolder(programId: number, context: RouteContext): Record<string, unknown> | undefined {
	const program = programsOf(context).get(programId);
	if (!program) return undefined;
	return {
		id: program.id,
		name: program.name,
		description: program.description,
		createdAt: program.createdAt,
		updatedAt: program.updatedAt,
		url: `https://app-sj01.marketo.com/#PG${program.id}A1`,
		folderId: { id: program.id, type: 'Program' },
		folderType: program.type === 'nurture' ? 'Nurture Program' : program.type === 'event' || program.type === 'webinar' ? 'Marketing Event' : 'Marketing Program',
		parent: { id: program.folderId, type: 'Folder' },
		path: pathOf({ id: program.id, type: 'Program' }, context),
		isArchive: false,
		isSystem: false,
		accessZoneId: 1,
		workspace: program.workspace,
	};
}

function nameAndParent(ref: FolderRef, context: RouteContext): { name: string; parent?: FolderRef } | undefined {
	if (ref.type === 'Program') {
		const program = programsOf(context).get(ref.id);
		return program ? { name: program.name, parent: { id: program.folderId, type: 'Folder' } } : undefined;
	}
	const folder = assetsOf(context).get(FOLDER_KIND, ref.id);
	return folder ? { name: String(folder.approved?.name), parent: folder.approved?.parent as FolderRef | undefined } : undefined;
}

export function pathOf(ref: FolderRef, context: RouteContext): string {
	const names: string[] = [];
	for (let at: FolderRef | undefined = ref; at && names.length < 20; ) {
		const found = nameAndParent(at, context);
		if (!found) break;
		names.unshift(found.name);
		at = found.parent;
	}
	return `/${names.join('/')}`;
}

export function folderExists(ref: FolderRef, context: RouteContext): boolean {
	return nameAndParent(ref, context) !== undefined;
}

/** `{id, type}` as Marketo reads it (JSON text in forms and queries); 1003 when malformed, 710 when it does not exist. */
export function folderRefOf(value: unknown, context: RouteContext, name = 'folder'): FolderRef {
	if (!isRecord(value) || !Number.isInteger(value.id) || (value.type !== 'Folder' && value.type !== 'Program')) {
		throw new MarketoFailure(marketoErrors.invalidData(`Invalid ${name}: ${JSON.stringify(value)}; expected {"id": <integer>, "type": "Folder" | "Program"}`));
	}
	const ref: FolderRef = { id: value.id as number, type: value.type };
	if (!folderExists(ref, context)) throw new MarketoFailure({ code: '710', message: `${ref.type} '${ref.id}' not found` });
	return ref;
}

/** How an asset names its folder in answers: the official `{id, type}`, plus Marketo's `value` and `folderName`. */
export function folderField(ref: FolderRef | undefined, context: RouteContext): Record<string, unknown> | null {
	if (!ref) return null;
	return { id: ref.id, type: ref.type, value: ref.id, folderName: nameAndParent(ref, context)?.name ?? '' };
}

export function sameFolder(a: unknown, b: FolderRef): boolean {
	return isRecord(a) && a.id === b.id && a.type === b.type;
}
