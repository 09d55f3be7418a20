import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { marketoApiRequest, marketoCachedGet, marketoPagesByOffset } from '../transport';
import { ASSET_MAX_RETURN } from '../transport/paging';

interface ProgramAsset {
	id: number;
	name: string;
	channel?: string;
	url?: string;
	type?: string;
}

interface Channel {
	name?: string;
	progressionStatuses?: Array<{ name?: string; step?: number; hidden?: boolean; success?: boolean }>;
}

interface MemberDescribe {
	searchableFields?: string[][];
	fields?: Array<{ name?: string; displayName?: string; dataType?: string; updateable?: boolean }>;
}

/**
 * A parameter of the node as the editor holds it while a dropdown opens (the editor sends the
 * current parameters; contexts built without them only have the node's saved ones).
 */
export function currentParameter(ctx: ILoadOptionsFunctions, name: string, extractValue = false): string {
	const current = ctx.getCurrentNodeParameter(name, { extractValue });
	if (current !== undefined) return String(current);
	try {
		return String(ctx.getNodeParameter(name, '', { extractValue }) ?? '');
	} catch {
		// An expression that needs input data: no value in the editor.
		return '';
	}
}

// Get Programs has no name filter, so a search reads pages and matches here; a few pages per
// keystroke keep a sparse match from showing an empty list without reading the whole instance.
const PAGES_PER_SEARCH = 5;

/** "From list" for the Program locator: programs whose name (or id) contains the filter, by offset pages of 200. */
export async function searchPrograms(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase() ?? '';
	const results: INodeListSearchItems[] = [];
	let offset = Number(paginationToken) || 0;
	for (let page = 0; page < PAGES_PER_SEARCH; page++) {
		const response = await marketoApiRequest<ProgramAsset>(this, {
			method: 'GET',
			path: '/rest/asset/v1/programs.json',
			qs: { offset, maxReturn: ASSET_MAX_RETURN },
		});
		const programs = response.result ?? [];
		for (const program of programs) {
			if (needle && !program.name.toLowerCase().includes(needle) && String(program.id) !== needle) continue;
			results.push({ name: program.channel ? `${program.name} (${program.channel})` : program.name, value: String(program.id), url: program.url });
		}
		// A short page is the last one (Marketo answers past the end with no result, or a 702 warning).
		if (programs.length < ASSET_MAX_RETURN) return { results };
		offset += ASSET_MAX_RETURN;
		if (!needle || results.length >= 20) break;
	}
	return { results, paginationToken: String(offset) };
}

async function channelNamed(ctx: ILoadOptionsFunctions, name: string): Promise<Channel | undefined> {
	// Channels can't be read by id, and Get Channel by Name's parameter is spelled differently in the
	// OpenAPI file (`Name`) and Marketo's docs (`name`): browsing them is unambiguous.
	for await (const page of marketoPagesByOffset<Channel>(ctx, { method: 'GET', path: '/rest/asset/v1/channels.json' })) {
		const channel = page.find((candidate) => candidate.name === name);
		if (channel) return channel;
	}
	return undefined;
}

/** The statuses members of the chosen program may have: its channel's progression statuses, hidden ones left out, by step. */
export async function getProgramStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const programId = currentParameter(this, 'programId', true).trim();
	// No program chosen yet (or an expression): nothing to list rather than an error in the editor.
	if (!/^\d+$/.test(programId)) return [];
	const response = await marketoApiRequest<ProgramAsset>(this, { method: 'GET', path: `/rest/asset/v1/program/${programId}.json` });
	const channelName = response.result?.[0]?.channel;
	if (!channelName) return [];
	const channel = await channelNamed(this, channelName);
	return (channel?.progressionStatuses ?? [])
		.filter((status) => status.name && !status.hidden)
		.sort((a, b) => (a.step ?? 0) - (b.step ?? 0))
		.map((status) => ({
			name: status.name as string,
			value: status.name as string,
			description: `Step ${status.step ?? 0} of the ${channelName} channel${status.success ? '; counts as success' : ''}`,
		}));
}

async function memberDescribe(ctx: ILoadOptionsFunctions): Promise<MemberDescribe> {
	const response = await marketoCachedGet<MemberDescribe>(ctx, '/rest/v1/programs/members/describe.json');
	return response.result?.[0] ?? {};
}

function fieldOptions(describe: MemberDescribe, keep: (name: string, updateable: boolean) => boolean): INodePropertyOptions[] {
	return (describe.fields ?? [])
		.filter((field) => field.name && keep(field.name, field.updateable === true))
		.map((field) => ({
			name: field.displayName && field.displayName !== field.name ? `${field.displayName} (${field.name})` : (field.name as string),
			value: field.name as string,
			description: field.dataType,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getProgramMemberFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return fieldOptions(await memberDescribe(this), () => true);
}

/** Fields Sync Data may set: the updateable ones (custom program member fields). */
export async function getWritableProgramMemberFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return fieldOptions(await memberDescribe(this), (name, updateable) => updateable && name !== 'leadId');
}

/** Fields Get Many can filter on: describe's searchable fields (single-field keys). */
export async function getProgramMemberFilterTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const describe = await memberDescribe(this);
	const searchable = new Set((describe.searchableFields ?? []).filter((key) => key.length === 1).map(([name]) => name));
	return fieldOptions(describe, (name) => searchable.has(name));
}
