import { MarketoEmulator } from './MarketoEmulator';

/**
 * Runs the emulator on its own: `node cli.js [--seed-leads 300]`. Prints one JSON line with its
 * endpoints and client credentials, then serves until SIGINT or SIGTERM.
 */
async function main(): Promise<void> {
	const seedAt = process.argv.indexOf('--seed-leads');
	const seedLeads = seedAt < 0 ? 300 : Number(process.argv[seedAt + 1]);
	const emulator = new MarketoEmulator({ seedLeads });
	await emulator.start();
	const { clientId, clientSecret } = emulator.options;
	process.stdout.write(
		`${JSON.stringify({ restEndpoint: emulator.restEndpoint, identityEndpoint: emulator.identityEndpoint, clientId, clientSecret })}\n`,
	);
	const stop = () => void emulator.stop().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`${String(error)}\n`);
	process.exit(1);
});
