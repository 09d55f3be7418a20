import { MarketoFailure, marketoErrors } from '../errors';
import { integerParam, listParam } from '../lists/queryParams';
import { CHANNELS } from '../programs/channels';
import { programsOf, type Program } from '../programs/ProgramStore';
import type { Route, RouteAnswer } from './route';

/** Asset queries: `maxReturn` 1–200 (default 20) and `offset`. */
export const ASSET_MAX_RETURN = 200;

function assetPage(records: readonly unknown[], params: Record<string, string>): RouteAnswer {
	const maxReturn = params.maxReturn === undefined ? 20 : integerParam(params.maxReturn);
	if (maxReturn < 1 || maxReturn > ASSET_MAX_RETURN) {
		throw new MarketoFailure(marketoErrors.invalidData(`maxReturn must be between 1 and ${ASSET_MAX_RETURN}, got ${maxReturn}`));
	}
	const offset = params.offset === undefined ? 0 : integerParam(params.offset);
	if (offset < 0) throw new MarketoFailure(marketoErrors.invalidData(`offset must not be negative, got ${offset}`));
	return { result: records.slice(offset, offset + maxReturn) };
}

/** A program as the asset API shows it; Get Program by Id calls a default program `default`, Get Programs `program`. */
function asAsset(program: Program, view: 'browse' | 'byId'): Record<string, unknown> {
	const { folderId, type, ...rest } = program;
	return {
		...rest,
		type: view === 'byId' && type === 'program' ? 'default' : type,
		url: `https://app-sj01.marketo.com/#PG${program.id}A1`,
		folder: { type: 'Folder', id: folderId, value: folderId, folderName: 'Marketing Activities' },
		status: type === 'nurture' ? 'on' : 'unlocked',
		...(view === 'byId' ? { tags: [], costs: [] } : {}),
	};
}

const BROWSE_FILTERS: Record<string, (program: Program) => unknown> = {
	id: (program) => program.id,
	programId: (program) => program.id,
	folderId: (program) => program.folderId,
	workspace: (program) => program.workspace,
};

export const programRoutes: Route[] = [
	{
		method: 'GET',
		path: '/rest/asset/v1/programs.json',
		handle: ({ params }, context) => {
			let programs = programsOf(context).all();
			if (params.filterType !== undefined) {
				const valueOf = BROWSE_FILTERS[params.filterType];
				if (!valueOf) throw new MarketoFailure(marketoErrors.invalidData(`Invalid filterType '${params.filterType}'`));
				const wanted = listParam(params.filterValues);
				if (wanted.length === 0) throw new MarketoFailure(marketoErrors.missingParameter('filterValues'));
				programs = programs.filter((program) => wanted.includes(String(valueOf(program))));
			}
			return assetPage(
				programs.map((program) => asAsset(program, 'browse')),
				params,
			);
		},
	},
	{
		method: 'GET',
		path: '/rest/asset/v1/program/{id}.json',
		handle: ({ pathParams }, context) => {
			const program = programsOf(context).get(integerParam(pathParams.id));
			if (!program) throw new MarketoFailure({ code: '702', message: `Program '${pathParams.id}' not found` });
			return { result: [asAsset(program, 'byId')] };
		},
	},
	{
		method: 'GET',
		path: '/rest/asset/v1/channels.json',
		handle: ({ params }) => assetPage(CHANNELS, params),
	},
];
