import { leadField } from '../leads/leadFields';
import type { LeadChange, LeadStore } from '../leads/LeadStore';
import { marketoTimestamp } from '../leads/leadValues';
import type { Lead, LeadValue } from '../types';
import { ADD_TO_LIST, CHANGE_DATA_VALUE, DELETE_LEAD, NEW_LEAD, REMOVE_FROM_LIST } from './activityTypes';
import type { FeedPosition } from './feedToken';

/** Lead changes and deleted leads come dated `…+0000` in real answers (the activity list also says `…Z`). */
const changeTimestamp = (ms: number) => marketoTimestamp(ms).replace(/Z$/, '+0000');

export interface ActivityAttribute {
	name: string;
	value: unknown;
	apiName?: string;
}

/** One field of a Change Data Value activity, as Get Lead Changes returns it. */
export interface ChangedField {
	id: number;
	name: string;
	newValue: string | null;
	oldValue?: string | null;
}

/** An activity as Get Lead Activities returns it (Change Data Value ones also carry `fields`). */
export interface Activity {
	id: number;
	marketoGUID: string;
	leadId: number;
	activityDate: string;
	activityTypeId: number;
	primaryAttributeValueId?: number;
	primaryAttributeValue?: string;
	campaignId?: number;
	attributes: ActivityAttribute[];
	fields?: ChangedField[];
}

/** A lead joined or left a static list. */
export interface ListMembershipChange {
	kind: 'added' | 'removed';
	list: { id: number; name: string };
	leadId: number;
	at: number;
}

export type NewActivity = Omit<Activity, 'id' | 'marketoGUID' | 'attributes'> & { attributes?: ActivityAttribute[] };

const SEED_AT = Date.parse('2024-01-08T15:00:00Z');
const HOUR = 3_600_000;

const leadName = (lead: Lead) => `${lead.firstName ?? ''} ${lead.lastName ?? ''}`.trim();
/** Change Data Value shows values as text. */
const asText = (value: LeadValue): string | null => (value === null ? null : String(value));

/** The activity log of the instance, in feed order: by activity date, then id. */
export class ActivityStore {
	private readonly activities: Activity[] = [];
	/** Each activity's date in ms, beside it: the log is searched by date without parsing dates again. */
	private readonly times: number[] = [];
	private nextId = 1;
	/** Paging tokens issued before the current generation are refused (see expireFeedTokens). */
	tokenGeneration = 0;
	/**
	 * How many activities one feed page examines; unset, all of them. Marketo reads its log in
	 * slices, so a filtered feed may answer an empty page with `moreResult: true`.
	 */
	scanLimit?: number;

	/** From now on the feed refuses every paging token issued so far, as Marketo refuses one kept too long. */
	expireFeedTokens(): void {
		this.tokenGeneration += 1;
	}

	record(activity: NewActivity): Activity {
		const id = this.nextId++;
		const stored: Activity = { ...activity, id, marketoGUID: String(id), attributes: activity.attributes ?? [] };
		// Its id is the highest, so it goes after every activity of the same date or earlier.
		const time = Date.parse(stored.activityDate);
		const at = this.firstAfter(time);
		this.activities.splice(at, 0, stored);
		this.times.splice(at, 0, time);
		return stored;
	}

	/** The index of the first activity dated after `time` (binary search over the log in feed order). */
	private firstAfter(time: number): number {
		let low = 0;
		let high = this.times.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.times[middle] <= time) low = middle + 1;
			else high = middle;
		}
		return low;
	}

	/** The New Lead activity of a lead, dated when it was created. */
	recordNewLead(lead: Lead): Activity {
		return this.record({
			leadId: lead.id,
			activityDate: lead.createdAt,
			activityTypeId: NEW_LEAD,
			primaryAttributeValueId: lead.id,
			primaryAttributeValue: leadName(lead),
			attributes: [{ name: 'Source Type', value: 'Web service API' }],
		});
	}

	/** A Change Data Value activity for one or more lead fields. */
	recordLeadChange(leadId: number, at: number, changes: Array<{ name: string; oldValue?: string | null; newValue: string | null }>): Activity {
		const [first] = changes;
		const fieldId = (name: string) => leadField(name)?.id ?? 0;
		return this.record({
			leadId,
			activityDate: changeTimestamp(at),
			activityTypeId: CHANGE_DATA_VALUE,
			primaryAttributeValueId: fieldId(first.name),
			primaryAttributeValue: first.name,
			attributes: [
				{ name: 'New Value', value: first.newValue },
				{ name: 'Old Value', value: first.oldValue ?? null },
				{ name: 'Reason', value: 'Changed by web service API' },
				{ name: 'Source', value: 'Web service API' },
			],
			fields: changes.map((change) => ({ id: fieldId(change.name), ...change })),
		});
	}

	/** A Delete Lead activity, as Get Deleted Leads lists them. */
	recordDeletedLead(leadId: number, at: number, name: string): Activity {
		return this.record({
			leadId,
			activityDate: changeTimestamp(at),
			activityTypeId: DELETE_LEAD,
			primaryAttributeValueId: leadId,
			primaryAttributeValue: name,
			attributes: [{ name: 'Remove from CRM', value: false }],
		});
	}

	/** An Add to List or Remove from List activity: the list is the primary attribute. */
	recordListChange(change: ListMembershipChange): Activity {
		return this.record({
			leadId: change.leadId,
			activityDate: marketoTimestamp(change.at),
			activityTypeId: change.kind === 'added' ? ADD_TO_LIST : REMOVE_FROM_LIST,
			primaryAttributeValueId: change.list.id,
			primaryAttributeValue: change.list.name,
			attributes: [{ name: 'Source', value: 'Web service API' }],
		});
	}

	/** Records what happened to a lead: New Lead, one Change Data Value per changed field (as Marketo logs them), or Delete Lead. */
	recordLeadEvent(change: LeadChange): void {
		if (change.kind === 'created') this.recordNewLead(change.lead);
		else if (change.kind === 'deleted') this.recordDeletedLead(change.lead.id, change.at, leadName(change.lead));
		else {
			for (const field of change.changes) {
				this.recordLeadChange(change.lead.id, change.at, [{ name: field.name, oldValue: asText(field.oldValue), newValue: asText(field.newValue) }]);
			}
		}
	}

	/** Activities at or after `position`, in feed order. */
	from(position: FeedPosition): Activity[] {
		return this.activities.filter((activity, index) => this.times[index] > position.at || (this.times[index] === position.at && activity.id >= position.id));
	}

	all(): Activity[] {
		return [...this.activities];
	}

	/** Removes every activity (the demo ones too), for tests that count them; later changes are still recorded. */
	clear(): void {
		this.activities.length = 0;
		this.times.length = 0;
		this.nextId = 1;
	}
}

/**
 * A fresh instance's log: each lead's New Lead activity, a few web and email activities, three
 * deleted leads. From then on every lead created, changed or deleted is recorded as it happens.
 */
function seeded(leads: LeadStore): ActivityStore {
	const store = new ActivityStore();
	leads.all().forEach((lead, index) => {
		const created = Date.parse(lead.createdAt);
		store.recordNewLead(lead);
		if (index >= 10) return;
		store.record({
			leadId: lead.id,
			activityDate: marketoTimestamp(created + HOUR),
			activityTypeId: 1,
			primaryAttributeValueId: 31 + (index % 3),
			primaryAttributeValue: ['pricing.html', 'webinar-2026.html', 'blog/marketing-ops.html'][index % 3],
			attributes: [{ name: 'Webpage URL', value: `/${['pricing.html', 'webinar-2026.html', 'blog/marketing-ops.html'][index % 3]}` }],
		});
		store.record({
			leadId: lead.id,
			activityDate: marketoTimestamp(created + 2 * HOUR),
			activityTypeId: 10,
			primaryAttributeValueId: 2001,
			primaryAttributeValue: 'Newsletter - January',
			campaignId: 3001,
			attributes: [{ name: 'Device', value: index % 2 ? 'Mobile' : 'Desktop' }],
		});
		if (typeof lead.title === 'string') {
			store.recordLeadChange(lead.id, created + 3 * HOUR, [{ name: 'title', oldValue: 'Marketing Specialist', newValue: lead.title }]);
		}
	});
	[90001, 90002, 90003].forEach((leadId, index) => store.recordDeletedLead(leadId, SEED_AT + (index + 1) * 24 * HOUR, `Former Lead ${index + 1}`));
	leads.watch((change) => store.recordLeadEvent(change));
	return store;
}

// Routes see the instance through its LeadStore (one per emulator), so the activity log hangs off it.
const instances = new WeakMap<LeadStore, ActivityStore>();

/** The activity log of the emulator (or route context) that owns `leads`; seeded from its leads on first use. */
export function activitiesOf(owner: { readonly leads: LeadStore }): ActivityStore {
	let store = instances.get(owner.leads);
	if (store === undefined) {
		store = seeded(owner.leads);
		instances.set(owner.leads, store);
	}
	return store;
}
