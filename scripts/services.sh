#!/usr/bin/env bash
# Starts (or stops) the four ClaimFlow services from dist/ in the background; logs in .run/logs.
# Usage: bash scripts/services.sh start|stop|status [--scale validator=2 --scale pricing=3 ...]
# A scaled service runs N instances in one consumer group (they share the topics' KAFKA_PARTITIONS);
# instance i > 1 is named <service>-<i> and listens on the service's port + 10 * (i - 1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUN_DIR=.run
BASE=(ingest:3001 validator:3002 pricing:3003 feedback:3004 web:3000)
mkdir -p "$RUN_DIR/logs"
# The demo publishes denial patterns every 30 s (the service's default is hourly).
export FEEDBACK_PUBLISH_INTERVAL="${FEEDBACK_PUBLISH_INTERVAL:-30s}"

# Each service connects as its own database role (prisma/tooling/database-roles.js, created by setup), on the server
# and database of DATABASE_URL, unless INGEST_DATABASE_URL / FEEDBACK_DATABASE_URL name another URL. The validator and
# pricing use no database unless REFDATA_DATABASE_URL is set (then as claimflow_refdata, e.g.).
BASE_DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/claimflow}"
as_role() { sed -E "s#^(postgres(ql)?://)[^@/]*@#\1$1@#" <<<"$BASE_DATABASE_URL"; }
INGEST_DATABASE_URL="${INGEST_DATABASE_URL:-$(as_role claimflow_ingest)}"
FEEDBACK_DATABASE_URL="${FEEDBACK_DATABASE_URL:-$(as_role claimflow_feedback)}"
database_url_of() {
  case "$1" in
    ingest) echo "$INGEST_DATABASE_URL" ;;
    feedback) echo "$FEEDBACK_DATABASE_URL" ;;
    *) echo "" ;;
  esac
}

# Each Kafka-using service signs in to the broker as its own SCRAM principal (scripts/kafka/credentials.mjs, from
# KAFKA_CREDENTIALS_FILE or .kafka/credentials.json); web has no Kafka credentials.
kafka_env_of() { [[ "$1" == web ]] || node scripts/kafka/credentials.mjs env "$1"; }

command="${1:-status}"
[[ $# -gt 0 ]] && shift
declare -A SCALE=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) [[ $# -ge 2 ]] || { echo "--scale needs service=N" >&2; exit 2; }; spec="$2"; shift 2 ;;
    --scale=*) spec="${1#--scale=}"; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  [[ "$spec" =~ ^(ingest|validator|pricing|feedback)=([1-9])$ ]] || { echo "--scale expects ingest|validator|pricing|feedback=1..9" >&2; exit 2; }
  SCALE[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
done

# Entries name:port:program; stop and status also find instances started with a larger scale earlier.
SERVICES=()
for entry in "${BASE[@]}"; do
  base="${entry%%:*}" port="${entry##*:}"
  SERVICES+=("$base:$port:$base")
  for ((i = 2; i <= 9; i++)); do
    if ((i <= ${SCALE[$base]:-1})) || [[ "$command" != start && -f "$RUN_DIR/$base-$i.pid" ]]; then
      SERVICES+=("$base-$i:$((port + 10 * (i - 1))):$base")
    fi
  done
done

pid_of() { [[ -f "$RUN_DIR/$1.pid" ]] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null && cat "$RUN_DIR/$1.pid"; }

start() {
  for entry in "${SERVICES[@]}"; do
    local name port program
    IFS=: read -r name port program <<<"$entry"
    if pid_of "$name" >/dev/null; then echo "$name already running" >&2; continue; fi
    local db_env=()
    [[ -n "$(database_url_of "$program")" ]] && db_env=("DATABASE_URL=$(database_url_of "$program")")
    local kafka_env=() kafka_lines
    kafka_lines="$(kafka_env_of "$program")" || { echo "no Kafka credentials for $program (start the broker: bash scripts/kafka.sh start)" >&2; exit 1; }
    [[ -n "$kafka_lines" ]] && mapfile -t kafka_env <<<"$kafka_lines"
    # The heap cap as in the Dockerfile (under 400 MB RSS through a burst); NODE_OPTIONS set by the caller (even empty) wins.
    env PORT="$port" NODE_OPTIONS="${NODE_OPTIONS---max-old-space-size=320}" "${db_env[@]}" "${kafka_env[@]}" nohup node "dist/services/$program/src/main.js" >"$RUN_DIR/logs/$name.log" 2>&1 &
    echo $! >"$RUN_DIR/$name.pid"
  done
  local deadline=$((SECONDS + 90))
  for entry in "${SERVICES[@]}"; do
    local name port program
    IFS=: read -r name port program <<<"$entry"
    until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null; do
      if ! pid_of "$name" >/dev/null; then echo "$name exited; its log:" >&2; tail -n 30 "$RUN_DIR/logs/$name.log" >&2; exit 1; fi
      ((SECONDS < deadline)) || { echo "$name not ready in time; its log:" >&2; tail -n 30 "$RUN_DIR/logs/$name.log" >&2; exit 1; }
      sleep 0.3
    done
    echo "$name ready on http://127.0.0.1:$port" >&2
  done
}

stop() {
  for entry in "${SERVICES[@]}"; do
    local name="${entry%%:*}" pid
    if pid="$(pid_of "$name")"; then
      kill -TERM "$pid"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      echo "$name stopped" >&2
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
}

status() {
  for entry in "${SERVICES[@]}"; do
    local name port program
    IFS=: read -r name port program <<<"$entry"
    if pid_of "$name" >/dev/null; then echo "$name running (pid $(pid_of "$name")) http://127.0.0.1:$port"; else echo "$name stopped"; fi
  done
}

case "$command" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status [--scale service=N ...]" >&2; exit 2 ;;
esac
