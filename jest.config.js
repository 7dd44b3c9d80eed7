/** Transpile-only (tsconfig isolatedModules): types are checked once by `tsc --noEmit`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // CDK's built-in schema validation off, except where a test turns it on (test/support/jest-env.ts).
  setupFiles: ['<rootDir>/test/support/jest-env.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  maxWorkers: 2,
  testTimeout: 60000,
};
