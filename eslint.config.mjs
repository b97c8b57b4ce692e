import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

const constraints = [
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:data-access'] },
  // Kafka plumbing (libs/kafka): below the service runtime and the HTTP edge, so it may import neither.
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:data-access'] },
  // The service runtime (libs/runtime: bootstrap, config, logs, health, persistence, metrics registry): never the HTTP edge,
  // which it is given through HttpEdgePort.
  {
    sourceTag: 'type:runtime',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:data-access', 'type:runtime'],
  },
  // The HTTP edge (libs/http-edge: API keys and audit, throttling, problem details, API docs, HTTP metrics): on the runtime.
  {
    sourceTag: 'type:edge',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:data-access', 'type:runtime', 'type:edge'],
  },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:data-access'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:data-access', 'type:runtime', 'type:edge'],
  },
  // The published client: generated types and openapi-fetch only.
  { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: [] },
  // End-to-end tests start the services themselves, so they alone may import apps.
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:contracts',
      'type:infra',
      'type:data-access',
      'type:runtime',
      'type:edge',
      'type:testing',
      'type:app',
      'type:sdk',
    ],
  },
  // Benchmarks (scripts/bench) start services and the end-to-end harness through their public entry points.
  {
    sourceTag: 'type:bench',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:contracts',
      'type:infra',
      'type:data-access',
      'type:runtime',
      'type:edge',
      'type:testing',
      'type:app',
      'type:e2e',
    ],
  },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:ingest', onlyDependOnLibsWithTags: ['scope:shared', 'scope:ingest'] },
  { sourceTag: 'scope:validator', onlyDependOnLibsWithTags: ['scope:shared', 'scope:validator'] },
  { sourceTag: 'scope:pricing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:pricing'] },
  { sourceTag: 'scope:feedback', onlyDependOnLibsWithTags: ['scope:shared', 'scope:feedback'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
  { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared', 'scope:cli'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['*'] },
];

const boundaries = (tagsForTests, allow = []) => [
  'error',
  {
    allow,
    enforceBuildableLibDependency: false,
    depConstraints: constraints.map((c) => {
      const withTesting = tagsForTests && c.sourceTag.startsWith('type:') && !c.onlyDependOnLibsWithTags.includes('type:testing');
      const tags = withTesting ? [...c.onlyDependOnLibsWithTags, 'type:testing'] : c.onlyDependOnLibsWithTags;
      return c.sourceTag === 'type:domain' || c.sourceTag === 'type:contracts'
        ? { ...c, onlyDependOnLibsWithTags: tags, bannedExternalImports: infraPackages }
        : { ...c, onlyDependOnLibsWithTags: tags };
    }),
  },
];

const infraPackages = [
  '@nestjs/*',
  'kafkajs',
  '@prisma/*',
  'prisma',
  'pg',
  'nestjs-pino',
  'pino*',
  'express',
  'testcontainers',
  '@testcontainers/*',
];

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '.kafka/**',
      '.nx/**',
      '.run/**',
      'scripts/**/*.mjs',
      'scripts/**/*.js',
      'data/**',
      '**/dist-client/**',
      'jest.config.js',
      'libs/cli/bin/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx, regexp },
    rules: {
      // Untrusted text is matched everywhere (claims, reports, CMS files): no pattern may backtrack super-linearly.
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries(false),
    },
  },
  {
    // Tests may use the test infrastructure; production code may not.
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
  {
    // Only the end-to-end tests start services in-process (and drive the CLI beside them); their tags (type:e2e) are checked above.
    files: ['libs/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true, ['@claimflow/service-*', '@claimflow/cli']) },
  },
  {
    // The benchmarks start services in-process and drive the end-to-end harness (@claimflow/e2e); tags (type:bench) above.
    files: ['scripts/bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true, ['@claimflow/service-*', '@claimflow/e2e']) },
  },
];
