// Production database tooling (migrations, service roles): scripts/prisma-migrate.mjs, setup, the Docker migrate
// service and the test databases (libs/testing) all use it.
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
module.exports = {
  ...require('./migration-files'),
  ...require('./migration-history'),
  ...require('./migration-connection'),
  ...require('./deploy-migrations'),
  ...require('./migration-status'),
  ...require('./database-roles'),
};
