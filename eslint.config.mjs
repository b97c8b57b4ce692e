import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const infraPackages = ['@nestjs/*', 'kafkajs', '@prisma/*', 'prisma', 'pg', 'nestjs-pino', 'pino*', 'express', 'testcontainers', '@testcontainers/*'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', '.kafka/**', '.nx/**', 'scripts/**/*.mjs', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: infraPackages },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'], bannedExternalImports: infraPackages },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:data-access'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:data-access'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:data-access'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', 'type:data-access', 'type:testing'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:ingest', onlyDependOnLibsWithTags: ['scope:shared', 'scope:ingest'] },
            { sourceTag: 'scope:validator', onlyDependOnLibsWithTags: ['scope:shared', 'scope:validator'] },
            { sourceTag: 'scope:pricing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:pricing'] },
            { sourceTag: 'scope:feedback', onlyDependOnLibsWithTags: ['scope:shared', 'scope:feedback'] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared', 'scope:cli'] },
          ],
        },
      ],
    },
  },
];
