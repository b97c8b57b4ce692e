#!/usr/bin/env bash
# Stops everything `npm run demo` started: the services, then the broker.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/services.sh stop
bash scripts/kafka.sh stop
