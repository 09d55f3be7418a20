import { activityTime } from '../../nodes/Marketo/actions/activity/activityFeed';
import { marketoTimeMs } from '../../nodes/Marketo/helpers/marketoTime';

const AT = Date.UTC(2014, 10, 13, 12, 43, 4);

describe('dates as real Marketo answers write them', () => {
	it('reads …Z, …+0000, …Z+0000 (assets) and a zoneless "2014-11-13 12:43:04" (UTC) as the same instant', () => {
		expect(['2014-11-13T12:43:04Z', '2014-11-13T12:43:04+0000', '2014-11-13T12:43:04Z+0000', '2014-11-13 12:43:04'].map(marketoTimeMs)).toEqual([AT, AT, AT, AT]);
		expect(marketoTimeMs('2017-01-21T11:47:30-08:00')).toBe(Date.UTC(2017, 0, 21, 19, 47, 30));
	});

	it('gives 0 for what is no date', () => {
		expect([undefined, '', 'soon'].map(marketoTimeMs)).toEqual([0, 0, 0]);
	});

	it('orders activities of different forms by when they happened', () => {
		const activities = [{ activityDate: '2014-11-13T12:43:05Z' }, { activityDate: '2014-11-13 12:43:04' }, { activityDate: '2014-11-13T12:43:03+0000' }];
		expect([...activities].sort((a, b) => activityTime(a) - activityTime(b)).map((activity) => activity.activityDate)).toEqual([
			'2014-11-13T12:43:03+0000',
			'2014-11-13 12:43:04',
			'2014-11-13T12:43:05Z',
		]);
	});
});
