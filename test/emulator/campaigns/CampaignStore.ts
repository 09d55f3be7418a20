import type { LeadStore } from '../leads/LeadStore';
import { marketoTimestamp } from '../leads/leadValues';

/** A smart campaign as Marketo's Campaign record describes it. */
export interface Campaign {
	id: number;
	name: string;
	description?: string;
	type: 'batch' | 'trigger';
	/** Only meaningful for trigger campaigns. */
	active: boolean;
	programId?: number;
	programName?: string;
	workspaceName: string;
	createdAt: string;
	updatedAt: string;
}

export interface NewCampaign {
	name: string;
	type: Campaign['type'];
	active?: boolean;
	/** Its smart list has "Campaign is Requested" with source "Web Service API". */
	requestable?: boolean;
	description?: string;
	programId?: number;
	programName?: string;
	workspaceName?: string;
}

export interface Token {
	name: string;
	value: string;
}

/** A Request Campaign call as the instance received it. */
export interface CampaignRequest {
	campaignId: number;
	leadIds: number[];
	tokens: Token[];
}

/** A Schedule Campaign call as the instance received it. */
export interface CampaignSchedule {
	campaignId: number;
	runAt?: string;
	cloneToProgramName?: string;
	tokens: Token[];
}

const SEED_AT = Date.parse('2024-01-08T15:00:00Z');

/** A fresh instance's campaigns: two requestable through the API, and one of each way a request is refused. */
export const DEMO_CAMPAIGNS: readonly NewCampaign[] = [
	{ name: 'Send Welcome Email', type: 'trigger', active: true, requestable: true, programId: 1101, programName: 'Onboarding' },
	{ name: 'Webinar Reminder', type: 'trigger', active: true, requestable: true, programId: 1102, programName: 'Webinar 2026' },
	{ name: 'Score Web Visits', type: 'trigger', active: true, requestable: false, programId: 1103, programName: 'Scoring' },
	{ name: 'Winback Offer', type: 'trigger', active: false, requestable: true, programId: 1104, programName: 'Winback' },
	{ name: 'Monthly Newsletter Send', type: 'batch', programId: 1105, programName: 'Newsletter' },
];

/** Smart campaigns, and every request and schedule they received (so tests can see what was asked). */
export class CampaignStore {
	readonly requests: CampaignRequest[] = [];
	readonly schedules: CampaignSchedule[] = [];
	private readonly campaigns = new Map<number, Campaign>();
	private readonly requestable = new Set<number>();
	private nextId = 2001;

	/** Every campaign, by id ascending. */
	all(): Campaign[] {
		return [...this.campaigns.values()].sort((a, b) => a.id - b.id);
	}

	get(id: number): Campaign | undefined {
		return this.campaigns.get(id);
	}

	create({ requestable, active, workspaceName, ...fields }: NewCampaign, at = Date.now()): Campaign {
		const stamp = marketoTimestamp(at);
		const campaign: Campaign = { ...fields, id: this.nextId++, active: active ?? false, workspaceName: workspaceName ?? 'Default', createdAt: stamp, updatedAt: stamp };
		this.campaigns.set(campaign.id, campaign);
		if (requestable) this.requestable.add(campaign.id);
		return campaign;
	}

	/** Marketo's isTriggerable: an active trigger campaign with "Campaign is Requested: Web Service API". */
	isTriggerable(campaign: Campaign): boolean {
		return campaign.type === 'trigger' && campaign.active && this.requestable.has(campaign.id);
	}

	/** Leads requested for a campaign over all calls, in order. */
	requestedLeads(campaignId: number): number[] {
		return this.requests.filter((request) => request.campaignId === campaignId).flatMap((request) => request.leadIds);
	}

	clear(): void {
		this.campaigns.clear();
		this.requestable.clear();
		this.requests.length = 0;
		this.schedules.length = 0;
		this.nextId = 2001;
	}
}

// Routes see the instance through its LeadStore (one per emulator), so the campaigns hang off it.
const instances = new WeakMap<LeadStore, CampaignStore>();

/** The campaigns of the emulator (or route context) that owns `leads`; created with the demo campaigns on first use. */
export function campaignsOf(owner: { readonly leads: LeadStore }): CampaignStore {
	let campaigns = instances.get(owner.leads);
	if (campaigns === undefined) {
		campaigns = new CampaignStore();
		for (const fields of DEMO_CAMPAIGNS) campaigns.create(fields, SEED_AT);
		instances.set(owner.leads, campaigns);
	}
	return campaigns;
}
