/**
 * The queue-mode suite: three n8n processes (child processes running workflows in process)
 * against one Marketo emulator. Kept apart from `npm test` (files end in .queue.ts, which the
 * main config does not match) because it runs in real time, two 20-second windows per case;
 * run it with `npm run test:queue`.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.ts'],
	transform: {
		'^.+\\.ts$': 'ts-jest',
	},
	// The cases measure time: never two at once.
	maxWorkers: 1,
	testTimeout: 120_000,
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
