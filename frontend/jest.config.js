// Jest for the Angular app: jest-preset-angular 17 (CommonJS preset, jsdom, zoneless test bed).
const { createCjsPreset } = require('jest-preset-angular/presets');

/** @type {import('jest').Config} */
module.exports = {
  ...createCjsPreset(),
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/setup-jest.ts'],
  // Also compile the ESM-only helpers Transloco depends on (@jsverse/utils ships index.esm.js).
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/|@angular/common/locales/.*\\.js$))'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  clearMocks: true,
  restoreMocks: true,
};
