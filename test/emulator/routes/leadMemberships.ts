import { campaignsOf } from '../campaigns/CampaignStore';
import { MarketoFailure, marketoErrors } from '../errors';
import { isRecord } from '../exchange';
import { listsOf } from '../lists/ListStore';
import { programsOf } from '../programs/ProgramStore';
import { LEAD_BATCH_LIMIT } from '../rules';
import type { Route, RouteAnswer, RouteContext } from './route';

function knownLead(value: string | undefined, context: RouteContext): number {
	const id = Number(value);
	if (!Number.isInteger(id) || !context.leads.get(id)) throw new MarketoFailure({ code: '1004', message: `Lead '${value}' not found` });
	return id;
}

/** One page of a membership list; the position token is the offset, as the emulator's other feeds do it. */
function paged(entries: unknown[], params: Record<string, string>): RouteAnswer {
	const size = params.batchSize === undefined ? LEAD_BATCH_LIMIT : Number(params.batchSize);
	if (!Number.isInteger(size) || size < 1 || size > LEAD_BATCH_LIMIT) throw new MarketoFailure(marketoErrors.invalidData(`Invalid batchSize '${params.batchSize}'`));
	const start = params.nextPageToken ? Number(Buffer.from(params.nextPageToken, 'base64url').toString()) : 0;
	const page = entries.slice(start, start + size);
	const more = start + size < entries.length;
	return { result: page, ...(more ? { nextPageToken: Buffer.from(String(start + size)).toString('base64url') } : {}) };
}

export const leadMembershipRoutes: Route[] = [
	{
		method: 'GET',
		path: '/rest/v1/leads/{leadId}/listMembership.json',
		handle: ({ pathParams, params }, context) => {
			const leadId = knownLead(pathParams.leadId, context);
			const lists = listsOf(context);
			const memberships = lists
				.all()
				.filter((list) => lists.isMember(list.id, leadId))
				.map((list) => ({ listId: list.id, name: list.name, createdAt: list.createdAt, updatedAt: list.updatedAt }));
			return paged(memberships, params);
		},
	},
	{
		method: 'GET',
		path: '/rest/v1/leads/{leadId}/programMembership.json',
		handle: ({ pathParams, params }, context) => {
			const leadId = knownLead(pathParams.leadId, context);
			const programs = programsOf(context);
			const memberships = programs.all().flatMap((program) => {
				const member = programs.member(program.id, leadId);
				return member
					? [
							{
								id: program.id,
								progressionStatus: member.statusName,
								isExhausted: false,
								acquiredBy: member.acquiredBy,
								reachedSuccess: member.reachedSuccess,
								membershipDate: member.membershipDate,
								updatedAt: member.updatedAt,
							},
						]
					: [];
			});
			return paged(memberships, params);
		},
	},
	{
		method: 'GET',
		path: '/rest/v1/leads/{leadId}/smartCampaignMembership.json',
		handle: ({ pathParams, params }, context) => {
			const leadId = knownLead(pathParams.leadId, context);
			const campaigns = campaignsOf(context);
			const memberships = campaigns
				.all()
				.filter((campaign) => campaigns.requestedLeads(campaign.id).includes(leadId))
				.map((campaign) => ({ smartCampaignId: campaign.id, createdAt: campaign.createdAt, updatedAt: campaign.updatedAt }));
			return paged(memberships, params);
		},
	},
	{
		method: 'POST',
		path: '/rest/v1/leads/programs/{programId}/status.json',
		jsonBody: true,
		handle: ({ pathParams, body }, context) => {
			const programs = programsOf(context);
			const programId = Number(pathParams.programId);
			if (!programs.get(programId)) throw new MarketoFailure({ code: '1013', message: `Program '${pathParams.programId}' not found` });
			const status = isRecord(body) ? body.status : undefined;
			if (typeof status !== 'string' || !programs.channelOf(programId).progressionStatuses.some((s) => s.name === status && !s.hidden)) {
				throw new MarketoFailure(marketoErrors.invalidData(`Invalid status '${String(status)}' for the program's channel`));
			}
			const input = isRecord(body) && Array.isArray(body.input) ? body.input : [];
			if (input.length === 0 || input.length > LEAD_BATCH_LIMIT) throw new MarketoFailure(marketoErrors.invalidData(`input must hold 1 to ${LEAD_BATCH_LIMIT} leads`));
			const result = input.map((record) => {
				const id = isRecord(record) ? Number(record.id) : NaN;
				if (!context.leads.get(id)) return { id: Number.isInteger(id) ? id : 0, status: 'skipped', reasons: [{ code: '1004', message: 'Lead not found' }] };
				programs.setStatus(programId, id, status, context.now);
				return { id, status: 'updated' };
			});
			return { result };
		},
	},
];
