import type { LeadStore } from '../leads/LeadStore';
import { marketoTimestamp } from '../leads/leadValues';
import { channelNamed, type Channel } from './channels';

/** `program` is a default program; Get Program by Id calls that type `default`. */
export type ProgramType = 'program' | 'event' | 'webinar' | 'nurture';

export interface Program {
	id: number;
	name: string;
	description: string;
	type: ProgramType;
	/** The channel's name: it decides the statuses members may have. */
	channel: string;
	workspace: string;
	folderId: number;
	createdAt: string;
	updatedAt: string;
}

export type MemberValue = string | number | boolean | null;

/** A program member: the lead's membership of one program, with the custom member fields set on it. */
export interface Member {
	leadId: number;
	programId: number;
	statusName: string;
	reachedSuccess: boolean;
	acquiredBy: boolean;
	membershipDate: string;
	updatedAt: string;
	[field: string]: MemberValue;
}

export type NewProgram = Pick<Program, 'name' | 'type' | 'channel'> & Partial<Pick<Program, 'description' | 'workspace' | 'folderId'>>;

const SEED_AT = Date.parse('2024-01-08T15:00:00Z');

/** A fresh instance's programs; the webinar holds the first five leads that exist when it is created. */
export const DEMO_PROGRAMS: readonly NewProgram[] = [
	{ name: 'Webinar 2026', type: 'webinar', channel: 'Webinar', description: 'Product launch webinar' },
	{ name: 'Newsletter', type: 'program', channel: 'Email Blast', description: 'Monthly newsletter' },
	{ name: 'Trade Show Berlin', type: 'event', channel: 'Tradeshow' },
	{ name: 'Customer Onboarding', type: 'nurture', channel: 'Nurture', description: 'Engagement program for new customers' },
];

/**
 * Programs and their members. Membership holds lead ids; a lead deleted from the Lead Database
 * leaves every program (members are read through the LeadStore).
 */
export class ProgramStore {
	private readonly programs = new Map<number, Program>();
	private readonly members = new Map<number, Map<number, Member>>();
	private nextId = 1001;

	constructor(private readonly leads: LeadStore) {}

	/** Every program, by id ascending. */
	all(): Program[] {
		return [...this.programs.values()].sort((a, b) => a.id - b.id);
	}

	get(id: number): Program | undefined {
		return this.programs.get(id);
	}

	create(fields: NewProgram, at = Date.now()): Program {
		if (!channelNamed(fields.channel)) throw new Error(`ProgramStore: no channel named '${fields.channel}'`);
		const stamp = marketoTimestamp(at);
		const program: Program = { description: '', workspace: 'Default', folderId: 19, ...fields, id: this.nextId++, createdAt: stamp, updatedAt: stamp };
		this.programs.set(program.id, program);
		this.members.set(program.id, new Map());
		return program;
	}

	channelOf(programId: number): Channel {
		const program = this.programs.get(programId);
		const channel = program && channelNamed(program.channel);
		if (!channel) throw new Error(`ProgramStore: no program ${programId}`);
		return channel;
	}

	/** Members whose lead still exists, in the order they joined. */
	membersOf(programId: number): Member[] {
		return [...(this.members.get(programId)?.values() ?? [])].filter((member) => this.leads.get(member.leadId) !== undefined);
	}

	member(programId: number, leadId: number): Member | undefined {
		return this.leads.get(leadId) === undefined ? undefined : this.members.get(programId)?.get(leadId);
	}

	/** Sets a member's status; a lead that is not a member joins the program with it. */
	setStatus(programId: number, leadId: number, statusName: string, at = Date.now()): Member {
		const status = this.channelOf(programId).progressionStatuses.find((candidate) => candidate.name === statusName);
		if (!status) throw new Error(`ProgramStore: '${statusName}' is not a status of program ${programId}`);
		const stamp = marketoTimestamp(at);
		const existing = this.member(programId, leadId);
		const member: Member = existing ?? {
			leadId,
			programId,
			statusName,
			reachedSuccess: false,
			acquiredBy: false,
			membershipDate: stamp,
			updatedAt: stamp,
		};
		Object.assign(member, { statusName, reachedSuccess: member.reachedSuccess || status.success, updatedAt: stamp });
		this.members.get(programId)?.set(leadId, member);
		return member;
	}

	update(programId: number, leadId: number, fields: Record<string, MemberValue>, at = Date.now()): void {
		const member = this.member(programId, leadId);
		if (!member) throw new Error(`ProgramStore: lead ${leadId} is not a member of program ${programId}`);
		Object.assign(member, fields, { updatedAt: marketoTimestamp(at) });
	}

	remove(programId: number, leadId: number): boolean {
		return this.members.get(programId)?.delete(leadId) ?? false;
	}
}

function seeded(leads: LeadStore): ProgramStore {
	const store = new ProgramStore(leads);
	const [webinar] = DEMO_PROGRAMS.map((fields) => store.create(fields, SEED_AT));
	const statuses = ['Invited', 'Registered', 'Registered', 'Attended', 'No Show'];
	leads
		.all()
		.slice(0, statuses.length)
		.forEach((lead, index) => {
			store.setStatus(webinar.id, lead.id, statuses[index], SEED_AT + index * 60_000);
			store.update(webinar.id, lead.id, { registrationCode: `WEB26-${String(lead.id).padStart(4, '0')}` }, SEED_AT + index * 60_000);
		});
	return store;
}

// Routes see the instance through its LeadStore (one per emulator), so the programs hang off it.
const instances = new WeakMap<LeadStore, ProgramStore>();

/** The programs of the emulator (or route context) that owns `leads`; created with the demo programs on first use. */
export function programsOf(owner: { readonly leads: LeadStore }): ProgramStore {
	let store = instances.get(owner.leads);
	if (store === undefined) {
		store = seeded(owner.leads);
		instances.set(owner.leads, store);
	}
	return store;
}
