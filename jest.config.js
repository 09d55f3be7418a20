/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/bench'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
	},
	testTimeout: 60_000,
	reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
