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
	testTimeout: 180_000,
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
