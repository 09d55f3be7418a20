import { MarketoFailure, marketoErrors } from '../errors';
import { describeJob, exportsOf } from '../bulk/exportJobs';
import { EXPORT_KINDS, exportRequestOf, type ExportKind } from '../bulk/exportKinds';
import { listParam, pageOf } from '../lists/queryParams';
import type { Route, RouteRequest } from './route';

/** The `status` filter of Get Export Jobs, as the official file enumerates it (lower case). */
const STATUS_VALUES = ['created', 'queued', 'processing', 'cancelled', 'completed', 'failed'];

/** The kind's path with the custom object's apiName filled in: jobs are listed per path. */
const jobKind = (kind: ExportKind, { pathParams }: RouteRequest) => kind.path.replace('{apiName}', pathParams.apiName ?? '');

/** Create, enqueue, status, cancel, file and list: the same six endpoints for every kind of export. */
function routesFor(kind: ExportKind): Route[] {
	const base = `/bulk/v1/${kind.path}/export`;
	return [
		{
			method: 'POST',
			path: `${base}/create.json`,
			jsonBody: true,
			handle: (request, context) => {
				const write = kind.prepare(exportRequestOf(request.body), context, request.pathParams);
				return { result: [describeJob(exportsOf(context).create(jobKind(kind, request), write, context.now))] };
			},
		},
		{
			method: 'POST',
			path: `${base}/{exportId}/enqueue.json`,
			handle: (request, context) => ({ result: [describeJob(exportsOf(context).enqueue(jobKind(kind, request), request.pathParams.exportId, context.now))] }),
		},
		{
			method: 'GET',
			path: `${base}/{exportId}/status.json`,
			handle: (request, context) => ({ result: [describeJob(exportsOf(context).status(jobKind(kind, request), request.pathParams.exportId, context.now))] }),
		},
		{
			method: 'POST',
			path: `${base}/{exportId}/cancel.json`,
			handle: (request, context) => ({ result: [describeJob(exportsOf(context).cancel(jobKind(kind, request), request.pathParams.exportId, context.now))] }),
		},
		{
			method: 'GET',
			path: `${base}/{exportId}/file.json`,
			handle: (request, context) => {
				const jobs = exportsOf(context);
				const { bytes } = jobs.file(jobKind(kind, request), request.pathParams.exportId);
				const breakAfterBytes = jobs.breakNextDownloadAfter;
				jobs.breakNextDownloadAfter = undefined;
				return { file: { contentType: 'text/csv', text: bytes, breakAfterBytes } };
			},
		},
		{
			method: 'GET',
			path: `/bulk/v1/${kind.path}/export.json`,
			handle: (request, context) => {
				const statuses = listParam(request.params.status);
				const unknown = statuses.find((status) => !STATUS_VALUES.includes(status));
				if (unknown !== undefined) throw new MarketoFailure(marketoErrors.invalidData(`Invalid status '${unknown}'; one of ${STATUS_VALUES.join(', ')}`));
				const jobs = exportsOf(context).list(jobKind(kind, request), statuses, context.now).map(describeJob);
				return pageOf(jobs, request.params, `export:${jobKind(kind, request)}:${statuses.join(',')}`);
			},
		},
	];
}

export const bulkExtractRoutes: Route[] = EXPORT_KINDS.flatMap(routesFor);
