// Prints one plain closing line ("Tests: N passed, N failed") that any CI can read. Jest's own
// summary is written when the run completes too, so ours waits until the process is about to exit.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
		process.once('exit', () => process.stderr.write(line));
	}
}
module.exports = SummaryReporter;
