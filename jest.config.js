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

/**
 * Integration suites that measure time or load the machine on purpose (floods, fuzzing with a latency budget,
 * readiness deadlines, kill -9 and SIGSTOP of brokers, Postgres and services, a three-broker cluster): the project
 * `exclusive`, which scripts/test.sh runs alone, one suite at a time, after the others ran two at a time. Any suite
 * with a deadline on how fast something answers, or that stops a process, belongs here.
 */
const EXCLUSIVE = [
  'libs/e2e/test/admission',
  'libs/e2e/test/broker-freeze',
  'libs/e2e/test/chaos',
  'libs/e2e/test/cluster',
  'libs/e2e/test/postgres-death',
  'libs/e2e/test/services-supervisor',
  'libs/e2e/test/webhooks-crash',
  'services/feedback/test/database-outage',
  'services/ingest/test/intake-fuzz',
  'services/ingest/test/intake-robustness',
  'services/ingest/test/ledger-database-death',
  'services/ingest/test/outages',
  'services/ingest/test/readiness-frozen-database',
].map((suite) => `<rootDir>/${suite}.int-spec.ts`);
const integration = { ...common, setupFilesAfterEnv: ['<rootDir>/scripts/jest/integration.setup.js'] };

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
      ...integration,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services}/*/test/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...EXCLUSIVE.map((suite) => suite.replace('<rootDir>', __dirname))],
    },
    { ...integration, displayName: 'exclusive', testMatch: EXCLUSIVE },
  ],
};
