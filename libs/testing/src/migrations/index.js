// Migration tooling shared by scripts/prisma-migrate.mjs, the Docker migrate service and the test helpers.
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
module.exports = {
  ...require('./migration-files'),
  ...require('./migration-history'),
  ...require('./migration-connection'),
  ...require('./deploy-migrations'),
  ...require('./migration-status'),
};
