#!/usr/bin/env bash
# Starts (or stops) the four ClaimFlow services from dist/ in the background; logs in .run/logs.
# Each runs under a supervisor that restarts it when it exits, with backoff (see supervise); stop ends the supervisors first.
# Usage: bash scripts/services.sh start|stop|status [--scale validator=2 --scale pricing=3 ...]
# A scaled service runs N instances in one consumer group (they share the topics' KAFKA_PARTITIONS);
# instance i > 1 is named <service>-<i> and listens on the service's port + 10 * (i - 1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# SERVICES_RUN_DIR and SERVICES_PORT_OFFSET (added to every port) let a second stack run beside the first (tests).
RUN_DIR="${SERVICES_RUN_DIR:-.run}"
OFFSET="${SERVICES_PORT_OFFSET:-0}"
BASE=(ingest:$((3001 + OFFSET)) validator:$((3002 + OFFSET)) pricing:$((3003 + OFFSET)) feedback:$((3004 + OFFSET)) web:$((3000 + OFFSET)))
mkdir -p "$RUN_DIR/logs"
# The demo publishes denial patterns every 30 s (the service's default is hourly).
export FEEDBACK_PUBLISH_INTERVAL="${FEEDBACK_PUBLISH_INTERVAL:-30s}"
# web vouches for each visitor's address to the services with this shared secret (one per start unless given).
export EDGE_SECRET="${EDGE_SECRET:-$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('hex'))")}"

# Each service connects as its own database role (prisma/tooling/database-roles.js, created by setup), on the server
# and database of DATABASE_URL, unless INGEST_DATABASE_URL / FEEDBACK_DATABASE_URL name another URL. The validator and
# pricing use no database unless REFDATA_DATABASE_URL is set (then as claimflow_refdata, e.g.).
BASE_DATABASE_URL="${DATABASE_URL:-$(node -p "require('./libs/contracts/src/local/local-defaults.json').databaseUrl")}"
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

# The supervisor of one service instance: runs it, and when it exits (crash, kill -9, OOM) says so on stderr and in the
# service's log and starts it again after a pause that doubles from 1 s up to 30 s, back to 1 s once a run lasted 60 s
# (a service that cannot start, e.g. a broken config, is retried slowly rather than in a tight loop).
# `stop` (TERM to the supervisor) ends the loop without touching the service, which stop then stops itself.
SUPERVISOR_MAX_DELAY=30
SUPERVISOR_STABLE_AFTER=60
supervise() {
  local name="$1" port="$2" program="$3" log="$RUN_DIR/logs/$1.log" delay=1 stopping=0 child code started db_env=()
  set +e
  trap '' HUP
  trap 'stopping=1' TERM INT
  [[ -n "$(database_url_of "$program")" ]] && db_env=("DATABASE_URL=$(database_url_of "$program")")
  local kafka_env=()
  mapfile -t kafka_env < <(kafka_env_of "$program")
  : >"$log"
  while ((stopping == 0)); do
    started=$SECONDS
    # The heap sizes as in the Dockerfile (its comment has the figures); NODE_OPTIONS set by the caller (even empty) wins.
    env PORT="$port" NODE_OPTIONS="${NODE_OPTIONS---max-old-space-size=320 --max-semi-space-size=32}" "${db_env[@]}" "${kafka_env[@]}" node "dist/services/$program/src/main.js" >>"$log" 2>&1 </dev/null &
    child=$!
    echo "$child" >"$RUN_DIR/$name.pid"
    wait "$child"
    code=$?
    # A TERM to the supervisor interrupts wait: leave the service to stop (it is stopped by `stop`, not here).
    ((stopping == 1)) && break
    ((SECONDS - started >= SUPERVISOR_STABLE_AFTER)) && delay=1
    local line="[supervisor] $(date -u +%FT%TZ) $name (pid $child) exited with status $code; restarting in ${delay}s"
    echo "$line" >>"$log"
    echo "$line" >&2 || true
    sleep "$delay" &
    wait $! || true
    delay=$((delay * 2 > SUPERVISOR_MAX_DELAY ? SUPERVISOR_MAX_DELAY : delay * 2))
  done
  rm -f "$RUN_DIR/$name.supervisor.pid"
}

supervisor_of() { [[ -f "$RUN_DIR/$1.supervisor.pid" ]] && kill -0 "$(cat "$RUN_DIR/$1.supervisor.pid")" 2>/dev/null && cat "$RUN_DIR/$1.supervisor.pid"; }

# Ends a service's supervisor (and waits for it), so that stopping the service is not answered with a restart.
stop_supervisor() {
  local pid
  if pid="$(supervisor_of "$1")"; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$RUN_DIR/$1.supervisor.pid"
}

pid_of() { [[ -f "$RUN_DIR/$1.pid" ]] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null && cat "$RUN_DIR/$1.pid"; }

start() {
  for entry in "${SERVICES[@]}"; do
    local name port program
    IFS=: read -r name port program <<<"$entry"
    if pid_of "$name" >/dev/null || supervisor_of "$name" >/dev/null; then echo "$name already running" >&2; continue; fi
    rm -f "$RUN_DIR/$name.pid"
    kafka_env_of "$program" >/dev/null || { echo "no Kafka credentials for $program (start the broker: bash scripts/kafka.sh start)" >&2; exit 1; }
    # Restarts are told on this terminal's stderr; a caller reading our output through a pipe would wait on the
    # supervisors until they end, so without a terminal they go to logs/supervisor.log (besides the service's log).
    if [[ -t 2 ]]; then
      supervise "$name" "$port" "$program" </dev/null >/dev/null &
    else
      supervise "$name" "$port" "$program" </dev/null >/dev/null 2>>"$RUN_DIR/logs/supervisor.log" &
    fi
    echo $! >"$RUN_DIR/$name.supervisor.pid"
  done
  local deadline=$((SECONDS + 90))
  for entry in "${SERVICES[@]}"; do
    local name port program
    IFS=: read -r name port program <<<"$entry"
    until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null; do
      if ! supervisor_of "$name" >/dev/null; then echo "$name exited; its log:" >&2; tail -n 30 "$RUN_DIR/logs/$name.log" >&2; exit 1; fi
      ((SECONDS < deadline)) || { echo "$name not ready in time; its log:" >&2; tail -n 30 "$RUN_DIR/logs/$name.log" >&2; exit 1; }
      sleep 0.3
    done
    echo "$name ready on http://127.0.0.1:$port" >&2
  done
}

stop() {
  for entry in "${SERVICES[@]}"; do
    local name="${entry%%:*}" pid
    stop_supervisor "$name"
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
    local supervised=""
    supervisor_of "$name" >/dev/null && supervised=", supervisor $(supervisor_of "$name")"
    if pid_of "$name" >/dev/null; then echo "$name running (pid $(pid_of "$name")$supervised) http://127.0.0.1:$port"; else echo "$name stopped$supervised"; fi
  done
}

case "$command" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status [--scale service=N ...]" >&2; exit 2 ;;
esac
