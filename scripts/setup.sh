#!/usr/bin/env bash
# Everything a fresh machine needs before running or testing ClaimFlow. Idempotent; offline once
# node_modules and the Kafka jars are there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DATABASE_URL="${DATABASE_URL:-$(node -p "require('./libs/contracts/src/local/local-defaults.json').databaseUrl")}"

step() { printf '\n== %s\n' "$*" >&2; }
t0=$SECONDS

# Again when a patch of a dependency (patches/, applied by the postinstall) is newer than the install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ||
  -n "$(find patches -newer node_modules/.package-lock.json)" ]]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
step "PostgreSQL"
bash scripts/postgres.sh
step "Kafka broker"
bash scripts/kafka.sh start
step "Prisma clients, migrations and service roles"
bash scripts/prisma-generate.sh
node scripts/prisma-migrate.mjs deploy
node scripts/prisma-migrate.mjs roles
# Generated, not committed: the SDK's types from the reviewed docs/openapi/*.json (an Nx target, cached on those inputs).
step "SDK types"
NX_DAEMON=false NX_NO_CLOUD=true npx nx run sdk:generate --output-style=stream
step "Build"
npm run --silent build
node scripts/write-api-docs.mjs
echo "setup done in $((SECONDS - t0))s" >&2
