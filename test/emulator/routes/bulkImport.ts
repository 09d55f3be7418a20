import { importsOf, reasonsFile, type ImportJob, type ImportKind, type ImportTarget } from '../bulk/importJobs';
import { readImportFile } from '../bulk/importFile';
import { customObjectImport, leadImport, programMemberImport } from '../bulk/importRows';
import { crmObjectsOf } from '../crmObjects/crmObjects';
import { MarketoFailure, marketoErrors } from '../errors';
import { leadField } from '../leads/leadFields';
import { integerParam } from '../lists/queryParams';
import { listsOf } from '../lists/ListStore';
import { programsOf } from '../programs/ProgramStore';
import type { FileAnswer, Route, RouteContext, RouteRequest } from './route';

/** One import endpoint family: where files go, where their jobs are read, and what the upload's parameters mean. */
interface ImportEndpoints {
	kind: ImportKind;
	upload: string;
	/** The job's path without the answer's suffix; status is `<job><statusSuffix>`, the files `<job>/failures.json`… */
	job: string;
	statusSuffix: '.json' | '/status.json';
	/** The upload's parameters, checked (response-level errors when they are wrong). */
	target(request: RouteRequest, context: RouteContext): ImportTarget;
	run(context: RouteContext, target: ImportTarget): ImportJob['run'];
	/** The job as its status answer shows it. */
	describe(job: ImportJob): Record<string, unknown>;
	/** A job read through another path (another object type) is not found. */
	owns(job: ImportJob, request: RouteRequest): boolean;
}

const counts = (job: ImportJob) => ({ numOfRowsFailed: job.failures.length, numOfRowsWithWarning: job.warnings.length, ...(job.message ? { message: job.message } : {}) });

const leadCounts = (job: ImportJob) => ({ batchId: job.batchId, importId: String(job.batchId), status: job.status, numOfLeadsProcessed: job.imported, ...counts(job) });

const IMPORT_ENDPOINTS: readonly ImportEndpoints[] = [
	{
		kind: 'leads',
		upload: '/bulk/v1/leads.json',
		job: '/bulk/v1/leads/batch/{batchId}',
		statusSuffix: '.json',
		target({ params }, context) {
			const lookupField = params.lookupField || undefined;
			if (lookupField !== undefined && !leadField(lookupField)?.searchable) {
				throw new MarketoFailure(marketoErrors.invalidData(`Invalid lookupField '${lookupField}'`));
			}
			// The emulated instance has no workspaces, so its only partition is "Default" (as for sync).
			if (params.partitionName && params.partitionName !== 'Default') {
				throw new MarketoFailure(marketoErrors.invalidData(`Partition '${params.partitionName}' not found`));
			}
			const listId = params.listId ? integerParam(params.listId) : undefined;
			if (listId !== undefined && !listsOf(context).get(listId)) throw new MarketoFailure({ code: '1013', message: `Static list '${listId}' not found` });
			return { lookupField, listId };
		},
		run: leadImport,
		describe: leadCounts,
		owns: () => true,
	},
	{
		kind: 'customObject',
		upload: '/bulk/v1/customobjects/{apiName}/import.json',
		job: '/bulk/v1/customobjects/{apiName}/import/{batchId}',
		statusSuffix: '/status.json',
		target({ pathParams }, context) {
			if (!crmObjectsOf(context).custom(pathParams.apiName)) {
				throw new MarketoFailure(marketoErrors.invalidData(`Custom object type '${pathParams.apiName}' not found`));
			}
			return { objectApiName: pathParams.apiName };
		},
		run: customObjectImport,
		describe: (job) => ({
			batchId: job.batchId,
			operation: 'import',
			objectApiName: job.target.objectApiName,
			status: job.status,
			numOfObjectsProcessed: job.imported,
			...counts(job),
		}),
		owns: (job, { pathParams }) => job.target.objectApiName === pathParams.apiName,
	},
	{
		kind: 'programMembers',
		upload: '/bulk/v1/program/{programId}/members/import.json',
		job: '/bulk/v1/program/members/import/{batchId}',
		statusSuffix: '/status.json',
		target({ pathParams, params }, context) {
			const programs = programsOf(context);
			const programId = integerParam(pathParams.programId);
			if (!programs.get(programId)) throw new MarketoFailure({ code: '1013', message: `Program '${programId}' not found` });
			const status = params.programMemberStatus;
			if (!status) throw new MarketoFailure(marketoErrors.missingParameter('programMemberStatus'));
			if (!programs.channelOf(programId).progressionStatuses.some((candidate) => candidate.name === status && !candidate.hidden)) {
				throw new MarketoFailure({ code: '1025', message: `Program status '${status}' not found for the program's channel` });
			}
			return { programId, programMemberStatus: status };
		},
		run: programMemberImport,
		describe: leadCounts,
		owns: () => true,
	},
];

/** The job the path names; another kind's job, or an unknown id, is 1003. */
function jobOf(endpoints: ImportEndpoints, request: RouteRequest, context: RouteContext): ImportJob {
	const queue = importsOf(context);
	queue.step();
	const batchId = integerParam(request.pathParams.batchId);
	const job = queue.get(batchId);
	if (!job || job.kind !== endpoints.kind || !endpoints.owns(job, request)) {
		throw new MarketoFailure(marketoErrors.invalidData(`Import batch '${batchId}' not found`));
	}
	return job;
}

const csvFile = (text: string): FileAnswer => ({ file: { contentType: 'text/csv;charset=UTF-8', text } });

function routesOf(endpoints: ImportEndpoints): Route[] {
	return [
		{
			method: 'POST',
			path: endpoints.upload,
			handle: (request, context) => {
				const target = endpoints.target(request, context);
				const file = readImportFile(request.body, request.params.format);
				const job = importsOf(context).submit({ kind: endpoints.kind, target, ...file, run: endpoints.run(context, target) });
				if (!job) throw new MarketoFailure({ code: '1016', message: 'Too many imports' });
				return { result: [endpoints.describe(job)] };
			},
		},
		{
			method: 'GET',
			path: `${endpoints.job}${endpoints.statusSuffix}`,
			handle: (request, context) => ({ result: [endpoints.describe(jobOf(endpoints, request, context))] }),
		},
		{
			method: 'GET',
			path: `${endpoints.job}/failures.json`,
			handle: (request, context) => csvFile(reasonsFile(jobOf(endpoints, request, context), 'failures')),
		},
		{
			method: 'GET',
			path: `${endpoints.job}/warnings.json`,
			handle: (request, context) => csvFile(reasonsFile(jobOf(endpoints, request, context), 'warnings')),
		},
	];
}

export const bulkImportRoutes: Route[] = IMPORT_ENDPOINTS.flatMap(routesOf);
