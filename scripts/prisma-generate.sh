#!/usr/bin/env bash
# Generates one Prisma client per data owner (prisma/<owner>/schema -> prisma/<owner>/generated/client), offline.
# Usage: bash scripts/prisma-generate.sh [owner...]   (default: every prisma/*/schema folder)
# The native schema engine cannot be downloaded here, so point Prisma at a stub that exits 1; generation itself does
# not need the engine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
chmod +x scripts/prisma-schema-engine-stub.sh
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/scripts/prisma-schema-engine-stub.sh}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 PRISMA_DISABLE_WARNINGS="${PRISMA_DISABLE_WARNINGS:-1}"
owners=("$@")
if ((${#owners[@]} == 0)); then
  for dir in prisma/*/schema; do owners+=("$(basename "$(dirname "$dir")")"); done
fi
for owner in "${owners[@]}"; do
  [[ -d "prisma/$owner/schema" ]] || { echo "no schema folder prisma/$owner/schema" >&2; exit 2; }
  npx --no-install prisma generate --schema "prisma/$owner/schema"
done
