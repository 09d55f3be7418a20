/**
 * The end-to-end suite: real n8n 2.41 on Node 24, started as child processes. Kept apart from
 * `npm test` (files end in .e2e.ts, which the main config does not match); run it with
 * `npm run test:e2e`, which builds the package and fetches the toolchain first.
 * @type {import('jest').Config}
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		// tsconfig.json sets isolatedModules, so ts-jest transpiles without type-checking (npm run lint checks types).
		'^.+\\.ts$': 'ts-jest',
	},
	// One n8n at a time: each file has its own, and the machine has two cores.
	maxWorkers: 1,
	// Only a backstop: every command and wait inside a test has its own limit, generous for a busy
	// 2-core machine, and fails with a message naming it. The longest hook (operationsMatchSpec's
	// beforeAll) may wait up to about 40 minutes in sum (session start with package install and
	// credential import, two CLI calls, a 10-minute execution); Jest must not cut in before those.
	testTimeout: 45 * 60_000,
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
