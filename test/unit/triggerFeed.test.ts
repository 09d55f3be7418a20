import { triggerEvent, TRIGGER_EVENTS, type EventSettings } from '../../nodes/MarketoTrigger/events';
import { activityKey, DELIVERED_MEMORY, inFeedOrder, readFeedState, remember, rotate, undelivered } from '../../nodes/MarketoTrigger/feedState';
import { walksOf } from '../../nodes/MarketoTrigger/feedWalks';

const settings = (overrides: Partial<EventSettings> = {}): EventSettings => ({
	activityTypeIds: () => [1],
	fields: () => ['title'],
	listId: () => 1001,
	...overrides,
});

const planOf = (event: string, overrides?: Partial<EventSettings>) => {
	const found = triggerEvent(event);
	if (!found) throw new Error(`no event ${event}`);
	return found.plan(settings(overrides));
};

describe('the stored feed state', () => {
	it('reads back what it wrote; anything unreadable is no state (the trigger then starts from now)', () => {
		const state = { cursors: { a: { token: 'T', since: '2025-03-01T10:00:00Z' } }, delivered: ['1', '2'], turn: 1 };
		expect(readFeedState(JSON.parse(JSON.stringify(state)))).toEqual(state);
		expect(readFeedState(undefined)).toEqual({ cursors: {}, delivered: [], turn: 0 });
		expect(readFeedState({ cursors: { a: { token: 7 }, b: 'x', c: { token: 'T', since: 'S' } }, delivered: [1, '2'], turn: -3 })).toEqual({
			cursors: { c: { token: 'T', since: 'S' } },
			delivered: ['2'],
			turn: 0,
		});
	});

	it('an activity is known by its marketoGUID, else its id', () => {
		expect(activityKey({ id: 5, marketoGUID: 'g-5' })).toBe('g-5');
		expect(activityKey({ id: 5 })).toBe('5');
		expect(activityKey({ leadId: 5 })).toBeUndefined();
	});

	it('drops activities delivered before and repeats within a read; keeps those without a key', () => {
		const read = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 3 }, { leadId: 9 }];
		expect(undelivered(read, ['1'])).toEqual([{ id: 2 }, { id: 3 }, { leadId: 9 }]);
	});

	it(`remembers the latest ${DELIVERED_MEMORY} delivered keys`, () => {
		const first = remember([], Array.from({ length: 400 }, (_, id) => ({ id })));
		const both = remember(first, Array.from({ length: 200 }, (_, i) => ({ id: 400 + i })));
		expect(both).toHaveLength(DELIVERED_MEMORY);
		expect(both[0]).toBe('100');
		expect(both.at(-1)).toBe('599');
	});

	it('rotates which walk reads first, and merges walks by date keeping each walk\'s order', () => {
		expect(rotate(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a']);
		expect(rotate([], 2)).toEqual([]);
		const merged = inFeedOrder([
			{ id: 'a1', activityDate: '2025-03-01T10:00:02Z' },
			{ id: 'a2', activityDate: '2025-03-01T10:00:02Z' },
			{ id: 'b1', activityDate: '2025-03-01T10:00:01Z' },
		]);
		expect(merged.map((activity) => activity.id)).toEqual(['b1', 'a1', 'a2']);
	});
});

describe('the trigger events as data', () => {
	it('every event has a distinct value and a feed path of the Lead Database', () => {
		expect(new Set(TRIGGER_EVENTS.map((event) => event.value)).size).toBe(TRIGGER_EVENTS.length);
		for (const event of TRIGGER_EVENTS) expect(event.plan(settings()).path).toMatch(/^\/rest\/v1\/activities(\/leadchanges|\/deletedleads)?\.json$/);
	});

	it('Activity: 23 types become 3 walks of at most 10 (sorted, without repeats), each with its own key', () => {
		const typeIds = [...Array.from({ length: 22 }, (_, i) => 22 - i), 5];
		const walks = walksOf(planOf('activity', { activityTypeIds: () => typeIds }));
		expect(walks.map((walk) => walk.request.qs?.activityTypeIds)).toEqual([
			[1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
			[11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
			[21, 22],
		]);
		expect(new Set(walks.map((walk) => walk.key)).size).toBe(3);
	});

	it('list events keep only the chosen list; Lead Field Changed keeps only changes (not the New Lead activities Marketo adds)', () => {
		const added = planOf('addedToList', { listId: () => 1002 });
		expect(added.filterSets).toEqual([{ activityTypeIds: [24] }]);
		expect([{ primaryAttributeValueId: 1002 }, { primaryAttributeValueId: 1001 }].map(added.keeps)).toEqual([true, false]);
		const changed = planOf('leadFieldChanged', { fields: () => ['company', 'title'] });
		expect(changed.filterSets).toEqual([{ fields: ['company', 'title'] }]);
		expect([{ activityTypeId: 13 }, { activityTypeId: 12 }].map(changed.keeps)).toEqual([true, false]);
	});

	it('events ask only for the settings they use', () => {
		const refuse = () => {
			throw new Error('not asked');
		};
		expect(() => planOf('newLead', { activityTypeIds: refuse, fields: refuse, listId: refuse })).not.toThrow();
		expect(() => planOf('deletedLead', { activityTypeIds: refuse, fields: refuse, listId: refuse })).not.toThrow();
		expect(() => planOf('removedFromList', { listId: refuse })).toThrow('not asked');
	});
});
