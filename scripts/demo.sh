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
# Webhook receivers on this machine (a receiver as in the README on 127.0.0.1:8787); elsewhere only public https ones.
export WEBHOOK_ALLOWED_HOSTS="${WEBHOOK_ALLOWED_HOSTS:-127.0.0.1}"
trap 'bash scripts/stop.sh; exit 0' INT TERM
bash scripts/services.sh start "$@"   # e.g. npm run demo -- --scale validator=2
# Every ingest call needs an API key: the demo makes one (shown once; only its hash is stored).
DEMO_API_KEY="$(node libs/cli/bin/claimflow.js keys create --name "demo $(date -u +%Y%m%dT%H%M%S)" --owner demo \
  --scopes claims:submit,claims:read --json | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).key)')"
export DEMO_API_KEY
node scripts/demo-claims.mjs http://127.0.0.1:3001
cat <<MSG

ClaimFlow is running (ready after $((SECONDS - t0))s):
  web        http://127.0.0.1:3000   code look-up, claim check, denial reports (in the browser)
  ingest     http://127.0.0.1:3001   POST /v1/claims, GET /v1/claims/{id}
  validator  http://127.0.0.1:3002   POST /v1/validate, POST /v1/check (keyless, rate limited: nothing stored)
  pricing    http://127.0.0.1:3003   GET /v1/fee-schedule/{code}
  feedback   http://127.0.0.1:3004   POST /v1/denial-reports, GET /v1/codes/{code}/denial-patterns
  logs       .run/logs/*.log

Demo API key (owner "demo"; claims:submit, claims:read), shown once:
  $DEMO_API_KEY
Try it:
  curl -s -H "Authorization: Bearer $DEMO_API_KEY" -H 'content-type: application/json' \\
    --data @libs/domain/src/intake/__fixtures__/scenarios/lesi-62323-77003-pos11.json 'http://127.0.0.1:3001/v1/claims?wait=10s'
More keys: npx claimflow keys create --name NAME --owner ORG --scopes claims:submit,claims:read (list, revoke ID)
A PM system on Kafka (its own SCRAM user and topics; results come back on Kafka):
  npx claimflow kafka-credentials create --owner clinic-a --json > clinic-a.json && node docs/examples/pm-system.mjs clinic-a.json
Ctrl-C here, or \`npm run stop\`, stops the services and the broker.
MSG
if [[ "${DEMO_EXIT:-}" == 1 ]]; then exit 0; fi
while [[ "$(bash scripts/services.sh status)" == *running* ]]; do sleep 2; done
