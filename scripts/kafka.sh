#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft) without Docker: jars come from Maven Central via scripts/kafka/pom.xml.
# Usage: bash scripts/kafka.sh start|stop|status|logs [-f]
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1), KAFKA_DIR (<repo>/.kafka: data, logs, pid),
#      KAFKA_VERSION (4.1.1), KAFKA_LIBS (<repo>/.kafka/libs-<version>), KAFKA_HEAP_OPTS (-Xms512m -Xmx512m),
#      KAFKA_START_TIMEOUT seconds (90), KAFKA_DEV_PLAINTEXT=1 (adds an anonymous loopback PLAINTEXT listener on
#      KAFKA_DEV_PLAINTEXT_PORT, KAFKA_PORT+2; development only).
# Clients connect with SASL_SSL (SCRAM-SHA-512 over TLS): the CA, the users and their passwords are generated at first
# start into KAFKA_DIR (scripts/kafka/security.sh) and listed in $KAFKA_DIR/credentials.json; ACLs: scripts/kafka/acls.mjs.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_DIR="${KAFKA_DIR:-$REPO/.kafka}"
KAFKA_LIBS="${KAFKA_LIBS:-$REPO/.kafka/libs-$KAFKA_VERSION}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms512m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_DEV_PLAINTEXT_PORT="${KAFKA_DEV_PLAINTEXT_PORT:-$((KAFKA_PORT + 2))}"

DATA_DIR="$KAFKA_DIR/data"
LOG_DIR="$KAFKA_DIR/logs"
LOG_FILE="$LOG_DIR/server.log"
PID_FILE="$KAFKA_DIR/kafka.pid"
PROPS="$KAFKA_DIR/server.properties"
STARTED_MARK="Kafka Server started"

log() { echo "[kafka] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
# shellcheck source=kafka/security.sh
source "$REPO/scripts/kafka/security.sh"
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && [[ "$(ps -o comm= -p "$pid")" == java ]] || return 1
  echo "$pid"
}

fetch_jars() {
  if [[ -f "$KAFKA_LIBS/.complete" ]]; then return 0; fi
  command -v mvn >/dev/null || die "mvn not found; install Maven (and Java 17+) or set KAFKA_LIBS to a folder with the broker jars"
  local t0
  t0="$(now)"
  log "resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION into $KAFKA_LIBS"
  rm -rf "$KAFKA_LIBS"
  mkdir -p "$LOG_DIR"
  mvn -q -B -Dstyle.color=never -f "$REPO/scripts/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS" >"$LOG_DIR/maven.log" 2>&1 \
    || { tail -n 30 "$LOG_DIR/maven.log" >&2; die "maven could not resolve the Kafka jars (is Maven Central reachable?)"; }
  touch "$KAFKA_LIBS/.complete"
  log "jars ready in $(elapsed "$t0")s"
}

# Mirrors bin/kafka-run-class.sh, with slf4j-simple writing timestamped lines to stderr (captured in $LOG_FILE).
read -r -a HEAP <<<"$KAFKA_HEAP_OPTS"
JAVA_OPTS=("${HEAP[@]}" -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
  -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true
  -Dorg.slf4j.simpleLogger.showDateTime=true "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS"
  -Dorg.slf4j.simpleLogger.log.kafka.request.logger=warn -Dorg.slf4j.simpleLogger.log.state.change.logger=warn)

write_config() {
  mkdir -p "$DATA_DIR" "$LOG_DIR"
  ensure_certificates
  ensure_credentials
  # umask 077: the file holds the inter-broker password.
  (umask 077 && sed -e "s|@PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" -e "s|@DATA_DIR@|$DATA_DIR|g" \
    -e "s|@SECURITY_DIR@|$SECURITY_DIR|g" -e "s|@BROKER_PASSWORD@|$(cat "$SECURITY_DIR/broker.password")|g" \
    -e "s|@DEV_LISTENER@|$(dev_listener)|g" -e "s|@DEV_SUPER_USER@|$(dev_super_user)|g" \
    "$REPO/scripts/kafka/server.properties.template" >"$PROPS")
}

format_storage() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  [[ -n "$cluster_id" ]] || die "could not generate a cluster id with kafka.tools.StorageTool"
  log "formatting $DATA_DIR (cluster $cluster_id) with the SCRAM users"
  local scram
  mapfile -t scram < <(scram_format_args)
  java "${JAVA_OPTS[@]}" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" "${scram[@]}" >>"$LOG_DIR/format.log" 2>&1 \
    || { tail -n 30 "$LOG_DIR/format.log" >&2; die "storage format failed"; }
}

wait_started() {
  local pid="$1" t0="$2" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  until grep -q "$STARTED_MARK" "$LOG_FILE" 2>/dev/null && port_open "$KAFKA_PORT"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "broker process $pid exited during startup; last log lines:"
      tail -n 40 "$LOG_FILE" >&2
      rm -f "$PID_FILE"
      die "Kafka failed to start"
    fi
    if ((SECONDS >= deadline)); then
      log "no '$STARTED_MARK' within ${KAFKA_START_TIMEOUT}s; last log lines:"
      tail -n 40 "$LOG_FILE" >&2
      kill "$pid" 2>/dev/null || true
      rm -f "$PID_FILE"
      die "Kafka start timed out (raise KAFKA_START_TIMEOUT if the machine is slow)"
    fi
    sleep 0.2
  done
  log "Kafka $KAFKA_VERSION started on 127.0.0.1:$KAFKA_PORT (SASL_SSL) in $(elapsed "$t0")s (pid $pid)"
  apply_acls
}

cmd_start() {
  mkdir -p "$KAFKA_DIR"
  # Several engineers share one checkout: serialise concurrent starts so only one broker is launched.
  exec 9>"$KAFKA_DIR/kafka.lock"
  flock -w 180 9 || die "another 'kafka.sh start' holds $KAFKA_DIR/kafka.lock"
  local pid
  if pid="$(running_pid)"; then
    if grep -q "$STARTED_MARK" "$LOG_FILE" 2>/dev/null && port_open "$KAFKA_PORT"; then
      log "already running on 127.0.0.1:$KAFKA_PORT (pid $pid)"
      apply_acls
      return 0
    fi
    wait_started "$pid" "$(now)"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_open "$KAFKA_PORT"; then
    die "port $KAFKA_PORT is taken by a process this script did not start; stop it or set KAFKA_PORT"
  fi
  fetch_jars
  write_config
  format_storage
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  local t0
  t0="$(now)"
  # setsid: the broker must outlive the shell (and the test runner) that started it.
  # 9>&-: the broker must not inherit the start lock, or the next start would wait for it forever.
  setsid java "${JAVA_OPTS[@]}" -cp "$KAFKA_LIBS/*" kafka.Kafka "$PROPS" >"$LOG_FILE" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  wait_started "$pid" "$t0"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  local t0 deadline=$((SECONDS + 60))
  t0="$(now)"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "pid $pid ignored SIGTERM for 60s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$PID_FILE"
  log "stopped pid $pid in $(elapsed "$t0")s"
}

cmd_status() {
  local pid
  if pid="$(running_pid)" && port_open "$KAFKA_PORT"; then
    echo "running: pid $pid, SASL_SSL 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT), Kafka $KAFKA_VERSION, data $DATA_DIR, credentials $CREDENTIALS_FILE"
    return 0
  fi
  if [[ -n "${pid:-}" ]]; then
    echo "starting or unhealthy: pid $pid alive but 127.0.0.1:$KAFKA_PORT not accepting connections"
    return 1
  fi
  echo "stopped"
  return 3
}

cmd_logs() {
  [[ -f "$LOG_FILE" ]] || die "no log at $LOG_FILE"
  if [[ "${1:-}" == "-f" ]]; then tail -n 50 -f "$LOG_FILE"; else tail -n 200 "$LOG_FILE"; fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  *) echo "usage: $0 start|stop|status|logs [-f]" >&2; exit 2 ;;
esac
