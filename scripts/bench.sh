#!/usr/bin/env bash
# `npm run bench`: every benchmark, printed as figures (never asserted). The in-process ones need
# nothing; the pipeline and feedback ones use the real broker and database, which this starts.
# Usage: bash scripts/bench.sh [name...] [--flag=value...]   (names: refdata validator pricing intake remit feedback pipeline public-check;
#        chaos and claim-list on request; flags go to each benchmark, e.g. npm run bench pipeline -- --burst=2000 --http=1000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DATABASE_URL="${DATABASE_URL:-$(node -p "require('./libs/contracts/src/local/local-defaults.json').databaseUrl")}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
names=()
flags=()
for arg in "$@"; do
  if [[ "$arg" == --* ]]; then flags+=("$arg"); else names+=("$arg"); fi
done
[[ ${#names[@]} -gt 0 ]] || names=(refdata validator pricing intake remit feedback pipeline public-check)
bash scripts/setup.sh
for name in "${names[@]}"; do
  printf '\n== benchmark: %s (load average %s)\n' "$name" "$(cut -d' ' -f1-3 /proc/loadavg)"
  node scripts/bench/run-ts.mjs "scripts/bench/$name.bench.ts" ${flags[@]+"${flags[@]}"}
done
