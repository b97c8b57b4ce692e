#!/usr/bin/env bash
# Command 1: set up, start the four services on the real broker and database, send the demo
# claims (the scenarios of the billing guides), print what came back, and keep running until
# Ctrl-C (or `npm run stop` from another terminal). Arguments go to services.sh (--scale validator=2).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
t0=$SECONDS
bash scripts/setup.sh
# The shipped NCCI tables are 2024Q3; the demo claims are dated 2025, so the demo asks for the
# newest release explicitly, and every answer says which release it used.
export REFDATA_FALLBACK="${REFDATA_FALLBACK:-latest}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export LOG_LEVEL="${LOG_LEVEL:-info}"
trap 'bash scripts/stop.sh; exit 0' INT TERM
bash scripts/services.sh start "$@"   # e.g. npm run demo -- --scale validator=2
node scripts/demo-claims.mjs http://127.0.0.1:3001
cat <<MSG

ClaimFlow is running (ready after $((SECONDS - t0))s):
  web        http://127.0.0.1:3000   code look-up, claim check, denial reports (in the browser)
  ingest     http://127.0.0.1:3001   POST /v1/claims, GET /v1/claims/{id}
  validator  http://127.0.0.1:3002   POST /v1/validate
  pricing    http://127.0.0.1:3003   GET /v1/fee-schedule/{code}
  feedback   http://127.0.0.1:3004   POST /v1/denial-reports, GET /v1/codes/{code}/denial-patterns
  logs       .run/logs/*.log
Ctrl-C here, or \`npm run stop\`, stops the services and the broker.
MSG
if [[ "${DEMO_EXIT:-}" == 1 ]]; then exit 0; fi
while [[ "$(bash scripts/services.sh status)" == *running* ]]; do sleep 2; done
