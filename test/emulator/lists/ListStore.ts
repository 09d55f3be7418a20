import { activitiesOf, type ListMembershipChange } from '../activities/ActivityStore';
import type { LeadStore } from '../leads/LeadStore';
import { marketoTimestamp } from '../leads/leadValues';
import type { Lead } from '../types';

/** A static list as Marketo's StaticList record describes it. */
export interface StaticList {
	id: number;
	name: string;
	description?: string;
	programName?: string;
	workspaceName: string;
	createdAt: string;
	updatedAt: string;
}

export type NewStaticList = Pick<StaticList, 'name'> & Partial<Pick<StaticList, 'description' | 'programName' | 'workspaceName'>>;

const SEED_AT = Date.parse('2024-01-08T15:00:00Z');

/** A fresh instance's lists; the first holds leads 1–5 (those that exist when the lists are first used). */
export const DEMO_LISTS: readonly NewStaticList[] = [
	{ name: 'Newsletter Subscribers', programName: 'Newsletter', description: 'Everyone who opted in to the monthly newsletter' },
	{ name: 'Webinar 2026 Invitees', programName: 'Webinar 2026' },
	{ name: 'Customer Advisory Board' },
];

/**
 * Static lists and their members. Membership holds lead ids; a lead deleted from the Lead Database
 * leaves every list with it (members are read through the LeadStore).
 */
export class ListStore {
	private readonly lists = new Map<number, StaticList>();
	private readonly members = new Map<number, Set<number>>();
	private readonly watchers: Array<(change: ListMembershipChange) => void> = [];
	private nextId = 1001;

	constructor(private readonly leads: LeadStore) {}

	/** Every list, by id ascending. */
	all(): StaticList[] {
		return [...this.lists.values()].sort((a, b) => a.id - b.id);
	}

	get(id: number): StaticList | undefined {
		return this.lists.get(id);
	}

	create(fields: NewStaticList, at = Date.now()): StaticList {
		const stamp = marketoTimestamp(at);
		const list: StaticList = { workspaceName: 'Default', ...fields, id: this.nextId++, createdAt: stamp, updatedAt: stamp };
		this.lists.set(list.id, list);
		this.members.set(list.id, new Set());
		return list;
	}

	/** Members that still exist as leads, in the order they were added. */
	membersOf(listId: number): Lead[] {
		return [...(this.members.get(listId) ?? [])].map((id) => this.leads.get(id)).filter((lead): lead is Lead => lead !== undefined);
	}

	isMember(listId: number, leadId: number): boolean {
		return this.leads.get(leadId) !== undefined && (this.members.get(listId)?.has(leadId) ?? false);
	}

	/** Calls `watcher` after every later change of membership (adding a member twice changes nothing). */
	watch(watcher: (change: ListMembershipChange) => void): void {
		this.watchers.push(watcher);
	}

	addMember(listId: number, leadId: number, at = Date.now()): void {
		const members = this.members.get(listId);
		if (!members || members.has(leadId)) return;
		members.add(leadId);
		this.tell({ kind: 'added', listId, leadId, at });
	}

	removeMember(listId: number, leadId: number, at = Date.now()): void {
		if (this.members.get(listId)?.delete(leadId)) this.tell({ kind: 'removed', listId, leadId, at });
	}

	private tell({ kind, listId, leadId, at }: { kind: ListMembershipChange['kind']; listId: number; leadId: number; at: number }): void {
		const list = this.lists.get(listId);
		if (!list) return;
		for (const watcher of this.watchers) watcher({ kind, list: { id: list.id, name: list.name }, leadId, at });
	}

	/** Removes every list (the demo lists too), for tests that count lists. */
	clear(): void {
		this.lists.clear();
		this.members.clear();
		this.nextId = 1001;
	}
}

function seeded(leads: LeadStore): ListStore {
	const store = new ListStore(leads);
	const [first] = DEMO_LISTS.map((fields) => store.create(fields, SEED_AT));
	for (const id of [1, 2, 3, 4, 5]) if (leads.get(id)) store.addMember(first.id, id);
	return store;
}

// Routes see the instance through its LeadStore (one per emulator), so the lists hang off it.
const instances = new WeakMap<LeadStore, ListStore>();

/**
 * The static lists of the emulator (or route context) that owns `leads`; created with the demo
 * lists on first use. Later membership changes go to the instance's activity log.
 */
export function listsOf(owner: { readonly leads: LeadStore }): ListStore {
	let lists = instances.get(owner.leads);
	if (lists === undefined) {
		lists = seeded(owner.leads);
		lists.watch((change) => activitiesOf(owner).recordListChange(change));
		instances.set(owner.leads, lists);
	}
	return lists;
}
