/**
 * Fetches Node 24, n8n and the e2e tools into the cache (N8N_MARKETO_CACHE, by default
 * ~/.cache/n8n-nodes-marketo) unless they are there already, and prints where they are.
 */
import { cacheDir } from './lib/paths';
import { exitOnSignals } from './lib/processes';
import { ensureToolchain } from './lib/toolchain';

exitOnSignals();

ensureToolchain((line) => process.stdout.write(`${line}\n`))
	.then((toolchain) => {
		process.stdout.write(`toolchain ready in ${cacheDir()}\n`);
		for (const [tool, path] of Object.entries(toolchain)) process.stdout.write(`  ${tool}: ${path}\n`);
	})
	.catch((error: unknown) => {
		process.stderr.write(`toolchain: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
