/** Cross-package scenarios and browser tests; the same one-server-per-run database as the backend. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }] },
  globalSetup: '<rootDir>/../backend/test-support/global-setup.ts',
  globalTeardown: '<rootDir>/../backend/test-support/global-teardown.ts',
  testTimeout: 120000,
};
