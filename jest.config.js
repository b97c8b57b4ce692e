// Two projects: unit specs run anywhere; integration specs need the real broker and database
// that scripts/test.sh starts (or testcontainers when Docker is present).
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = { '^.+\\.(t|j)s$': ['@swc/jest', { ...swc, swcrc: false }] };
const moduleNameMapper = {
  '^@claimflow/domain/testing$': '<rootDir>/libs/domain/src/testing.ts',
  '^@claimflow/e2e$': '<rootDir>/libs/e2e/test/support/index.ts',
  '^@claimflow/db-(ledger|feedback|refdata|keys)$': '<rootDir>/prisma/$1/src/index.ts',
  '^@claimflow/prisma-tooling$': '<rootDir>/prisma/tooling/index.js',
  '^@claimflow/refdata/testing$': '<rootDir>/libs/refdata/src/testing.ts',
  '^@claimflow/service-(.*)$': '<rootDir>/services/$1/src/index.ts',
  '^@claimflow/(.*)$': '<rootDir>/libs/$1/src/index.ts',
};
const common = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  reporters: ['default', '<rootDir>/scripts/jest/summary-reporter.js'],
  rootDir: __dirname,
  projects: [
    {
      ...common,
      displayName: 'unit',
      setupFilesAfterEnv: ['<rootDir>/scripts/jest/unit.setup.js'],
      testMatch: [
        '<rootDir>/{libs,services}/*/src/**/*.spec.ts',
        '<rootDir>/services/web/client/src/**/*.spec.ts',
        '<rootDir>/prisma/tooling/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services}/*/test/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/scripts/jest/integration.setup.js'],
    },
  ],
};
