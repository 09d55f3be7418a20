import type { CallLedger } from '../callLedger';
import { chicagoDay, daysEndingOn } from '../chicagoDay';
import { API_USER_ID } from '../rules';
import type { Route } from './route';

// UsageData / ErrorsData in swagger-mapi.json, one entry per US Central day, most recent first.
const usageOn = (ledger: CallLedger, date: string) => {
	const total = ledger.countedOn(date);
	return { date, total, users: total > 0 ? [{ userId: API_USER_ID, count: total }] : [] };
};

const errorsOn = (ledger: CallLedger, date: string) => {
	const errors = [...ledger.errorsOn(date)].map(([errorCode, count]) => ({ errorCode, count }));
	return { date, total: errors.reduce((sum, e) => sum + e.count, 0), errors };
};

export const statsRoutes: Route[] = [
	{
		method: 'GET',
		path: '/rest/v1/stats/usage.json',
		handle: (_request, { ledger, now }) => ({ result: [usageOn(ledger, chicagoDay(now))] }),
	},
	{
		method: 'GET',
		path: '/rest/v1/stats/usage/last7days.json',
		handle: (_request, { ledger, now }) => ({ result: daysEndingOn(chicagoDay(now), 7).map((d) => usageOn(ledger, d)) }),
	},
	{
		method: 'GET',
		path: '/rest/v1/stats/errors.json',
		handle: (_request, { ledger, now }) => ({ result: [errorsOn(ledger, chicagoDay(now))] }),
	},
	{
		method: 'GET',
		path: '/rest/v1/stats/errors/last7days.json',
		handle: (_request, { ledger, now }) => ({ result: daysEndingOn(chicagoDay(now), 7).map((d) => errorsOn(ledger, d)) }),
	},
];
