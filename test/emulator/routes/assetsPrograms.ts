import { REDIRECT_RULE_KIND, SMART_CAMPAIGN_KIND } from '../assets/assetKinds';
import { answer, businessRule, existing, noAssets, page } from '../assets/answers';
import { assetsOf, type Asset, type AssetStore, type Fields, type ProgramExtras } from '../assets/AssetStore';
import { folderField, folderRefOf, type FolderRef } from '../assets/folders';
import { booleanField, field, formBody, jsonField, type FormBody } from '../assets/requestBody';
import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { integerParam } from '../lists/queryParams';
import { channelNamed, CHANNELS } from '../programs/channels';
import { programsOf, type Program, type ProgramType } from '../programs/ProgramStore';
import type { Route, RouteContext } from './route';

const ASSET_API = '/rest/asset/v1';

/** The asset API's program types, as ProgramStore keeps them (an email program is a default one marked email). */
const PROGRAM_TYPES: Record<string, { type: ProgramType; channelFor: string; email?: boolean }> = {
	Default: { type: 'program', channelFor: 'program' },
	Email: { type: 'program', channelFor: 'program', email: true },
	Engagement: { type: 'nurture', channelFor: 'nurture' },
	Event: { type: 'event', channelFor: 'event' },
	'Event with Webinar': { type: 'webinar', channelFor: 'event' },
};

const VIEW_TYPE: Record<ProgramType, string> = { program: 'default', event: 'event', webinar: 'webinar', nurture: 'nurture' };

function renderProgram(program: Program, extras: ProgramExtras, context: RouteContext, include: { tags?: boolean; costs?: boolean } = { tags: true, costs: true }): Record<string, unknown> {
	return {
		id: program.id,
		name: program.name,
		description: program.description,
		createdAt: program.createdAt,
		updatedAt: program.updatedAt,
		url: `https://app-sj01.marketo.com/#PG${program.id}A1`,
		type: extras.email ? 'email' : VIEW_TYPE[program.type],
		channel: program.channel,
		folder: folderField({ id: program.folderId, type: 'Folder' }, context),
		status: extras.email ? (extras.approved ? 'locked' : 'unlocked') : program.type === 'nurture' ? 'on' : 'unlocked',
		workspace: program.workspace,
		tags: include.tags ? extras.tags : [],
		costs: include.costs ? extras.costs : [],
		...(extras.startDate ? { startDate: extras.startDate, endDate: extras.endDate } : {}),
	};
}

function livePrograms(context: RouteContext): Array<{ program: Program; extras: ProgramExtras }> {
	const store = assetsOf(context);
	return programsOf(context)
		.all()
		.map((program) => ({ program, extras: store.programExtras(program.id) }))
		.filter(({ extras }) => !extras.deleted);
}

function programOf(id: string, context: RouteContext): { program: Program; extras: ProgramExtras; store: AssetStore } {
	const store = assetsOf(context);
	const program = programsOf(context).get(integerParam(id));
	if (!program || store.programExtras(program.id).deleted) throw new MarketoFailure({ code: '702', message: `Program '${id}' not found` });
	return { program, extras: store.programExtras(program.id), store };
}

function assertProgramNameFree(name: string, context: RouteContext, except?: number): void {
	if (livePrograms(context).some(({ program }) => program.name === name && program.id !== except)) throw businessRule(`Program name '${name}' is already in use`);
}

/** Tags must name a tag type and one of its allowable values; costs need a start date and an amount. */
function checkedTags(value: unknown, context: RouteContext): ProgramExtras['tags'] {
	if (!Array.isArray(value)) throw new MarketoFailure(marketoErrors.invalidData('tags must be a JSON list'));
	const types = assetsOf(context).all('tagType').map((asset) => asset.approved as Fields);
	return value.map((tag) => {
		const type = isRecord(tag) ? types.find((candidate) => candidate.name === tag.tagType) : undefined;
		if (!isRecord(tag) || !type) throw new MarketoFailure(marketoErrors.invalidData(`Unknown tag type in ${JSON.stringify(tag)}`));
		if (!(type.allowableValues as string[]).includes(String(tag.tagValue))) throw new MarketoFailure(marketoErrors.invalidData(`'${String(tag.tagValue)}' is not a value of tag ${String(type.name)}`));
		return { tagType: String(tag.tagType), tagValue: String(tag.tagValue) };
	});
}

function checkedCosts(value: unknown): ProgramExtras['costs'] {
	if (!Array.isArray(value)) throw new MarketoFailure(marketoErrors.invalidData('costs must be a JSON list'));
	return value.map((cost) => {
		if (!isRecord(cost) || typeof cost.startDate !== 'string' || typeof cost.cost !== 'number') {
			throw new MarketoFailure(marketoErrors.invalidData(`Invalid cost ${JSON.stringify(cost)}: needs startDate and a numeric cost`));
		}
		return { startDate: cost.startDate, cost: cost.cost, ...(typeof cost.note === 'string' ? { note: cost.note } : {}) };
	});
}

function programFolder(form: FormBody, context: RouteContext): FolderRef {
	const folder = folderRefOf(jsonField(form, 'folder', true), context);
	if (folder.type !== 'Folder') throw new MarketoFailure({ code: '711', message: 'Programs are created in folders of Marketing Activities' });
	return folder;
}

const programRoutes: Route[] = [
	{
		method: 'GET',
		path: `${ASSET_API}/program/byName.json`,
		handle: ({ params }, context) => {
			if (!params.name) throw new MarketoFailure(marketoErrors.missingParameter('name'));
			const include = { tags: params.includeTags === 'true', costs: params.includeCosts === 'true' };
			return answer(livePrograms(context).filter(({ program }) => program.name === params.name).map(({ program, extras }) => renderProgram(program, extras, context, include)));
		},
	},
	{
		method: 'GET',
		path: `${ASSET_API}/program/byTag.json`,
		handle: ({ params }, context) => {
			if (!params.tagType) throw new MarketoFailure(marketoErrors.missingParameter('tagType'));
			if (!params.tagValue) throw new MarketoFailure(marketoErrors.missingParameter('tagValue'));
			const tagged = livePrograms(context).filter(({ extras }) => extras.tags.some((tag) => tag.tagType === params.tagType && tag.tagValue === params.tagValue));
			return page(tagged.map(({ program, extras }) => renderProgram(program, extras, context)), params);
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/programs.json`,
		handle: ({ body }, context) => {
			const form = formBody(body);
			const name = field(form, 'name', true) as string;
			const folder = programFolder(form, context);
			const typeName = field(form, 'type', true) as string;
			const kind = PROGRAM_TYPES[typeName];
			if (!kind) throw new MarketoFailure(marketoErrors.invalidData(`Invalid program type '${typeName}'`));
			const channelName = field(form, 'channel', true) as string;
			const channel = channelNamed(channelName);
			if (!channel) throw new MarketoFailure(marketoErrors.invalidData(`Channel '${channelName}' not found`));
			if (channel.applicableProgramType !== kind.channelFor) throw businessRule(`Channel '${channelName}' does not apply to ${typeName} programs`);
			assertProgramNameFree(name, context);
			const tags = form.tags === undefined ? [] : checkedTags(jsonField(form, 'tags'), context);
			const costs = form.costs === undefined ? [] : checkedCosts(jsonField(form, 'costs'));
			const program = programsOf(context).create({ name, type: kind.type, channel: channelName, description: field(form, 'description') ?? '', folderId: folder.id });
			const extras = Object.assign(assetsOf(context).programExtras(program.id), { email: kind.email === true, tags, costs });
			return { result: [renderProgram(program, extras, context)] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/program/{id}.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const { program, extras } = programOf(pathParams.id, context);
			const name = field(form, 'name');
			if (name !== undefined) assertProgramNameFree(name, context, program.id);
			const tags = form.tags === undefined ? undefined : checkedTags(jsonField(form, 'tags'), context);
			const costs = form.costs === undefined ? undefined : checkedCosts(jsonField(form, 'costs'));
			if (name !== undefined) program.name = name;
			if (form.description !== undefined) program.description = form.description;
			if (tags) extras.tags = tags;
			if (costs) extras.costs = booleanField(form, 'costsDestructiveUpdate') ? costs : [...extras.costs, ...costs];
			if (form.startDate !== undefined) extras.startDate = form.startDate;
			if (form.endDate !== undefined) extras.endDate = form.endDate;
			return { result: [renderProgram(program, extras, context)] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/program/{id}/clone.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const { program, extras } = programOf(pathParams.id, context);
			const name = field(form, 'name', true) as string;
			const folder = programFolder(form, context);
			assertProgramNameFree(name, context);
			const copy = programsOf(context).create({ name, type: program.type, channel: program.channel, description: field(form, 'description') ?? program.description, folderId: folder.id });
			const copyExtras = Object.assign(assetsOf(context).programExtras(copy.id), { email: extras.email, tags: [...extras.tags], costs: [...extras.costs] });
			return { result: [renderProgram(copy, copyExtras, context)] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/program/{id}/delete.json`,
		handle: ({ pathParams }, context) => {
			const { program, extras } = programOf(pathParams.id, context);
			if (extras.approved) throw businessRule(`Program ${program.id} is an approved email program; unapprove it first`);
			extras.deleted = true;
			return { result: [{ id: program.id }] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/program/{id}/approve.json`,
		handle: ({ pathParams }, context) => {
			const { program, extras } = programOf(pathParams.id, context);
			if (!extras.email) throw businessRule(`Program ${program.id} is not an email program; only email programs can be approved`);
			if (extras.approved) throw businessRule(`Email program ${program.id} is already approved`);
			extras.approved = true;
			return { result: [{ id: program.id }] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/program/{id}/unapprove.json`,
		handle: ({ pathParams }, context) => {
			const { program, extras } = programOf(pathParams.id, context);
			if (!extras.email) throw businessRule(`Program ${program.id} is not an email program; only email programs can be unapproved`);
			if (!extras.approved) throw businessRule(`Email program ${program.id} is not approved`);
			extras.approved = false;
			return { result: [{ id: program.id }] };
		},
	},
	{
		method: 'GET',
		path: `${ASSET_API}/program/{programId}/smartList.json`,
		handle: ({ pathParams, params }, context) => {
			const { program } = programOf(pathParams.programId, context);
			return {
				result: [
					{
						id: 5000 + program.id,
						name: `${program.name} Smart List`,
						description: '',
						createdAt: program.createdAt,
						updatedAt: program.updatedAt,
						url: `https://app-sj01.marketo.com/#SL${5000 + program.id}A1`,
						folder: { id: program.id, type: 'Program' },
						workspace: program.workspace,
						...(params.includeRules === 'true' ? { rules: { filterMatchType: 'All', triggers: [], filters: [] } } : {}),
					},
				],
			};
		},
	},
];

const channelRoutes: Route[] = [
	{
		// Marketo spells this parameter `Name`.
		method: 'GET',
		path: `${ASSET_API}/channel/byName.json`,
		handle: ({ params }) => {
			if (!params.Name) throw new MarketoFailure(marketoErrors.missingParameter('Name'));
			return answer(CHANNELS.filter((channel) => channel.name === params.Name));
		},
	},
];

/** Activate and deactivate trigger campaigns (709 for a batch one), and a campaign's smart list. */
const smartCampaignRoutes: Route[] = [
	...(['activate', 'deactivate'] as const).map(
		(verb): Route => ({
			method: 'POST',
			path: `${ASSET_API}/smartCampaign/{id}/${verb}.json`,
			handle: ({ pathParams }, context) => {
				const { store, asset } = existing(SMART_CAMPAIGN_KIND, pathParams.id, context);
				const fields = asset.approved as Fields;
				if (fields.type !== 'trigger') throw businessRule(`Smart campaign ${asset.id} is a batch campaign; only trigger campaigns can be ${verb}d`);
				if ((verb === 'activate') === (fields.isActive === true)) throw businessRule(`Smart campaign ${asset.id} is already ${verb === 'activate' ? 'active' : 'inactive'}`);
				store.edit(asset, false, (target) => {
					target.isActive = verb === 'activate';
				});
				return { result: [{ id: asset.id }] };
			},
		}),
	),
	{
		method: 'GET',
		path: `${ASSET_API}/smartCampaign/{id}/smartList.json`,
		handle: ({ pathParams, params }, context) => {
			const asset = assetsOf(context).get('smartCampaign', Number(pathParams.id));
			if (!asset) return noAssets();
			const fields = asset.approved as Fields;
			return {
				result: [
					{
						id: fields.smartListId,
						name: fields.name,
						description: '',
						createdAt: asset.createdAt,
						updatedAt: asset.updatedAt,
						url: `https://app-sj01.marketo.com/#SC${asset.id}A1`,
						folder: fields.folder,
						workspace: 'Default',
						...(params.includeRules === 'true' ? { rules: { filterMatchType: 'All', triggers: ['Campaign is Requested'], filters: [] } } : {}),
					},
				],
			};
		},
	},
];

const segmentRoutes: Route[] = [
	{
		method: 'GET',
		path: `${ASSET_API}/segmentation/{id}/segments.json`,
		handle: ({ pathParams, params }, context) => {
			const segmentation = assetsOf(context).get('segmentation', integerParam(pathParams.id));
			if (!segmentation) return noAssets();
			const segments = (segmentation.approved?.segments as Array<{ id: number; name: string }>).map((segment) => ({
				...segment,
				segmentationId: segmentation.id,
				description: '',
				createdAt: segmentation.createdAt,
				updatedAt: segmentation.updatedAt,
				url: `https://app-sj01.marketo.com/#SG${segmentation.id}A1`,
			}));
			return page(params.status === 'draft' ? [] : segments, params);
		},
	},
];

/** Landing page domains of the instance: redirect rules must name one. */
export const LANDING_PAGE_DOMAINS = ['pages.example.com', 'go.example.com'];

function redirectEnd(form: FormBody, name: 'redirectFrom' | 'redirectTo', context: RouteContext, required: boolean): { type: string; value: string } | undefined {
	const end = jsonField(form, name, required);
	if (end === undefined) return undefined;
	const kinds = name === 'redirectFrom' ? ['landingPageId', 'path'] : ['landingPageId', 'url'];
	if (!isRecord(end) || !kinds.includes(String(end.type)) || typeof end.value !== 'string') {
		throw new MarketoFailure(marketoErrors.invalidData(`${name} must be {"type": ${kinds.map((kind) => `"${kind}"`).join(' | ')}, "value": "…"}`));
	}
	if (end.type === 'landingPageId' && !assetsOf(context).get('landingPage', Number(end.value))) throw new MarketoFailure({ code: '702', message: `Landing page '${end.value}' not found` });
	if (end.type === 'path' && !end.value.startsWith('/')) throw new MarketoFailure(marketoErrors.invalidData(`Path '${end.value}' must start with /`));
	if (end.type === 'url' && !/^https?:\/\//.test(end.value)) throw new MarketoFailure(marketoErrors.invalidData(`'${end.value}' is not a URL`));
	return { type: String(end.type), value: end.value };
}

function checkedHostname(form: FormBody, required: boolean): string | undefined {
	const hostname = field(form, 'hostname', required);
	if (hostname !== undefined && !LANDING_PAGE_DOMAINS.includes(hostname)) throw businessRule(`'${hostname}' is not a landing page domain of this instance`);
	return hostname;
}

const redirectRuleRoutes: Route[] = [
	{
		method: 'GET',
		path: `${ASSET_API}/landingPageDomains.json`,
		// The first is the instance's landing page domain, the others its aliases.
		handle: ({ params }) => page(LANDING_PAGE_DOMAINS.map((hostname, index) => ({ hostname, type: index === 0 ? 'domain' : 'domain-alias' })), params),
	},
	{
		method: 'POST',
		path: `${ASSET_API}/redirectRules.json`,
		handle: ({ body }, context) => {
			const form = formBody(body);
			const hostname = checkedHostname(form, true);
			const redirectFrom = redirectEnd(form, 'redirectFrom', context, true);
			const redirectTo = redirectEnd(form, 'redirectTo', context, true);
			const store = assetsOf(context);
			const clash = store.all('redirectRule').some((rule) => rule.approved?.hostname === hostname && JSON.stringify(rule.approved?.redirectFrom) === JSON.stringify(redirectFrom));
			if (clash) throw businessRule(`A rule already redirects ${redirectFrom?.value} on ${hostname}`);
			const fields = { hostname, redirectFrom, redirectTo };
			const asset = store.create('redirectRule', fields, { drafts: false });
			return { result: [renderRule(asset, context)] };
		},
	},
	{
		method: 'POST',
		path: `${ASSET_API}/redirectRule/{id}.json`,
		handle: ({ pathParams, body }, context) => {
			const form = formBody(body);
			const store = assetsOf(context);
			const asset = store.get('redirectRule', integerParam(pathParams.id));
			if (!asset) throw new MarketoFailure({ code: '702', message: `Redirect rule '${pathParams.id}' not found` });
			const hostname = checkedHostname(form, false);
			const redirectFrom = redirectEnd(form, 'redirectFrom', context, false);
			const redirectTo = redirectEnd(form, 'redirectTo', context, false);
			store.edit(asset, false, (fields) => Object.assign(fields, hostname ? { hostname } : {}, redirectFrom ? { redirectFrom } : {}, redirectTo ? { redirectTo } : {}));
			return { result: [renderRule(asset, context)] };
		},
	},
];

const renderRule = (asset: Asset, context: RouteContext) => REDIRECT_RULE_KIND.render(asset, asset.approved as Fields, context);

/** Programs (ProgramStore's, with what only the asset API knows), channels by name, smart campaigns, segments, redirect rules. */
export const assetProgramRoutes: Route[] = [...programRoutes, ...channelRoutes, ...smartCampaignRoutes, ...segmentRoutes, ...redirectRuleRoutes];

