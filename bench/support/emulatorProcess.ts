import { MarketoEmulator, type EmulatorOptions } from '../../test/emulator';
import { campaignsOf } from '../../test/emulator/campaigns/CampaignStore';
import { listsOf } from '../../test/emulator/lists/ListStore';
import type { EmulatorReport, FromEmulator, ToEmulator } from './remoteEmulator';

/**
 * The emulator in a process of its own (forked by RemoteEmulator), so its work never shows up
 * in the time the n8n process spends, just as Marketo's doesn't.
 */
async function main(): Promise<void> {
	const emulator = new MarketoEmulator(JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions);
	await emulator.start();
	const send = (message: FromEmulator) => process.send?.(message);
	const { clientId, clientSecret } = emulator.options;
	send({ ready: { restEndpoint: emulator.restEndpoint, identityEndpoint: emulator.identityEndpoint, clientId, clientSecret } });

	process.on('message', (message: ToEmulator) => {
		if (message === 'stop') {
			void emulator.stop().then(() => process.exit(0));
			return;
		}
		send({ report: reportOf(emulator) });
	});
	process.on('disconnect', () => void emulator.stop().then(() => process.exit(0)));
}

function reportOf(emulator: MarketoEmulator): EmulatorReport {
	const leads = emulator.leads.all();
	const lists = listsOf(emulator);
	const campaigns = campaignsOf(emulator);
	return {
		calls: emulator.calls.map(({ kind, path, effectiveMethod, startedAt, endedAt, httpStatus, errorCode, refusedFor }) => ({
			kind,
			path,
			effectiveMethod,
			startedAt,
			endedAt,
			httpStatus,
			errorCode,
			refusedFor,
		})),
		leads: leads.length,
		distinctEmails: new Set(leads.map((lead) => String(lead.email).toLowerCase())).size,
		listMembers: Object.fromEntries(lists.all().map((list) => [list.id, lists.membersOf(list.id).length])),
		campaignRequests: Object.fromEntries(campaigns.all().map((campaign) => [campaign.id, campaigns.requestedLeads(campaign.id).length])),
	};
}

main().catch((error: unknown) => {
	process.stderr.write(`${String(error)}\n`);
	process.exit(1);
});
