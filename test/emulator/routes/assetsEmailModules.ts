import { EMAIL_KIND } from '../assets/assetKinds';
import type { Fields } from '../assets/AssetStore';
import { jsonField, formBody } from '../assets/requestBody';
import { businessRule } from '../assets/answers';
import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { integerParam } from '../lists/queryParams';
import { editDraft } from './assetsContent';
import type { Route, RouteContext } from './route';

const ASSET_API = '/rest/asset/v1';

/** A module of an Email 2.0 email; its place in the list is its index. */
export type EmailModule = { id: string; name: string };

/** The fields this instance allows as Email CC recipients (Admin → Email → Email CC). */
export const CC_FIELDS = [
	{ attributeId: '157', objectName: 'lead', displayName: 'Lead Owner Email Address', apiName: 'leadOwnerEmailAddress' },
	{ attributeId: '1003', objectName: 'company', displayName: 'Account Owner Email', apiName: 'accountOwnerEmail__c' },
];

const modulesOf = (fields: Fields): EmailModule[] => {
	fields.modules = (fields.modules as EmailModule[] | undefined) ?? [];
	return fields.modules as EmailModule[];
};

function moduleAt(modules: EmailModule[], id: string): number {
	const at = modules.findIndex((module) => module.id === id);
	if (at < 0) throw new MarketoFailure({ code: '702', message: `Module '${id}' not found` });
	return at;
}

/** Module parameters travel in the query string (the official file); a body is not read. */
function required(params: Record<string, string>, name: string): string {
	const value = params[name];
	if (value === undefined || value === '') throw new MarketoFailure(marketoErrors.missingParameter(name));
	return value;
}

/** A module edit: lands in the draft; answers the email's id (EmailModuleResponse). */
const moduleRoute = (path: string, change: (modules: EmailModule[], moduleId: string, params: Record<string, string>, body: unknown) => void): Route => ({
	method: 'POST',
	path: `${ASSET_API}/email/{id}/content${path}`,
	handle: ({ pathParams, params, body }, context: RouteContext) => {
		const { asset } = editDraft(EMAIL_KIND, pathParams.id, context, (fields) => change(modulesOf(fields), pathParams.moduleId, params, body));
		return { result: [{ id: asset.id }] };
	},
});

/** Positions of a rearrange: each names a module of the email once and a free place from 0. */
function applyPositions(modules: EmailModule[], positions: unknown): void {
	if (!Array.isArray(positions)) throw new MarketoFailure(marketoErrors.invalidData('positions must be a JSON list of {"moduleId", "index"}'));
	const placed = new Map<number, EmailModule>();
	const moved = new Set<string>();
	for (const position of positions) {
		if (!isRecord(position) || typeof position.moduleId !== 'string' || !Number.isInteger(position.index)) {
			throw new MarketoFailure(marketoErrors.invalidData(`Invalid position ${JSON.stringify(position)}: needs moduleId and index`));
		}
		const index = position.index as number;
		if (index < 0 || index >= modules.length || placed.has(index) || moved.has(position.moduleId)) {
			throw new MarketoFailure(marketoErrors.invalidData(`Invalid position ${JSON.stringify(position)}: each module and each index from 0 to ${modules.length - 1} once`));
		}
		placed.set(index, modules[moduleAt(modules, position.moduleId)]);
		moved.add(position.moduleId);
	}
	const rest = modules.filter((module) => !moved.has(module.id));
	const order = modules.map((_module, index) => placed.get(index) ?? (rest.shift() as EmailModule));
	modules.splice(0, modules.length, ...order);
}

/** Email CC fields and Email 2.0 modules. */
export const assetEmailModuleRoutes: Route[] = [
	{ method: 'GET', path: `${ASSET_API}/email/ccFields.json`, handle: () => ({ result: CC_FIELDS }) },
	moduleRoute('/{moduleId}/add.json', (modules, moduleId, params) => {
		const name = required(params, 'name');
		const index = integerParam(required(params, 'index'));
		if (modules.some((module) => module.id === moduleId)) throw businessRule(`Module '${moduleId}' is already in the email`);
		if (index < 0 || index > modules.length) throw new MarketoFailure(marketoErrors.invalidData(`index must be between 0 and ${modules.length}, got ${index}`));
		modules.splice(index, 0, { id: moduleId, name });
	}),
	moduleRoute('/{moduleId}/delete.json', (modules, moduleId) => {
		modules.splice(moduleAt(modules, moduleId), 1);
	}),
	moduleRoute('/{moduleId}/duplicate.json', (modules, moduleId, params) => {
		const name = required(params, 'name');
		const at = moduleAt(modules, moduleId);
		let copy = 1;
		while (modules.some((module) => module.id === `${moduleId}-${copy}`)) copy++;
		modules.splice(at + 1, 0, { id: `${moduleId}-${copy}`, name });
	}),
	moduleRoute('/{moduleId}/rename.json', (modules, moduleId, params) => {
		modules[moduleAt(modules, moduleId)].name = required(params, 'name');
	}),
	moduleRoute('/rearrange.json', (modules, _moduleId, _params, body) => {
		applyPositions(modules, jsonField(formBody(body), 'positions', true));
	}),
];
