#!/usr/bin/env bash
# Generates the Prisma client (prisma/generated/client) offline. The native schema engine cannot be downloaded
# here, so point Prisma at a stub that exits 1; generation itself does not need the engine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
chmod +x scripts/prisma-schema-engine-stub.sh
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/scripts/prisma-schema-engine-stub.sh}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 PRISMA_DISABLE_WARNINGS="${PRISMA_DISABLE_WARNINGS:-1}"
npx --no-install prisma generate "$@"
