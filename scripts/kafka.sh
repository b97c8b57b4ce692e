#!/usr/bin/env bash
# Local Apache Kafka (KRaft) without Docker, one node or a cluster: jars come from Maven Central via scripts/kafka/pom.xml.
# Usage: bash scripts/kafka.sh start|stop|kill|status|logs [-f]
# Cluster: KAFKA_NODES=3 (three broker+controller processes, ports KAFKA_PORT, +10, +20: scripts/kafka/node.sh);
#      KAFKA_NODE=N acts on node N alone (stop, kill = SIGKILL, start, status, logs); KAFKA_REPLICATION_FACTOR and
#      KAFKA_MIN_INSYNC_REPLICAS (3 and 2 on a cluster, 1 and 1 on one node) are the broker's topic defaults.
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
KAFKA_NODES="${KAFKA_NODES:-1}"
[[ "$KAFKA_NODES" =~ ^[1-9]$ ]] || { echo "[kafka] ERROR: KAFKA_NODES must be 1..9" >&2; exit 2; }
# Broker defaults for topics and the internal ones: 3 copies on a cluster, a write acknowledged by 2 (one node may
# fail without losing or refusing an acknowledged write); 1 and 1 on a single node.
KAFKA_REPLICATION_FACTOR="${KAFKA_REPLICATION_FACTOR:-$((KAFKA_NODES < 3 ? KAFKA_NODES : 3))}"
KAFKA_MIN_INSYNC_REPLICAS="${KAFKA_MIN_INSYNC_REPLICAS:-$((KAFKA_REPLICATION_FACTOR > 1 ? KAFKA_REPLICATION_FACTOR - 1 : 1))}"

log() { echo "[kafka] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
# shellcheck source=kafka/security.sh
source "$REPO/scripts/kafka/security.sh"
# shellcheck source=kafka/node.sh
source "$REPO/scripts/kafka/node.sh"
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

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

# The nodes a command acts on: KAFKA_NODE alone when set (one node of a cluster, e.g. for fault tests), else all.
selected_nodes() {
  if [[ -n "${KAFKA_NODE:-}" ]]; then
    [[ "$KAFKA_NODE" =~ ^[0-9]+$ ]] && ((KAFKA_NODE >= 1 && KAFKA_NODE <= KAFKA_NODES)) || die "KAFKA_NODE must be 1..$KAFKA_NODES"
    echo "$KAFKA_NODE"
  else
    seq 1 "$KAFKA_NODES"
  fi
}

cmd_start() {
  mkdir -p "$KAFKA_DIR"
  # Several engineers share one checkout: serialise concurrent starts so only one broker is launched.
  exec 9>"$KAFKA_DIR/kafka.lock"
  flock -w 180 9 || die "another 'kafka.sh start' holds $KAFKA_DIR/kafka.lock"
  ((KAFKA_NODES == 1)) || [[ ! -f "$KAFKA_DIR/data/meta.properties" ]] ||
    die "$KAFKA_DIR holds a single broker's data; give the cluster a KAFKA_DIR of its own"
  local n pid t0 launched=()
  t0="$(now)"
  for n in $(selected_nodes); do
    use_node "$n"
    if pid="$(running_pid)"; then
      if grep -q "$STARTED_MARK" "$LOG_FILE" 2>/dev/null && port_open "$NODE_PORT"; then
        log "$(node_name)already running on 127.0.0.1:$NODE_PORT (pid $pid)"
        continue
      fi
    else
      fetch_jars
      ensure_certificates
      ensure_credentials
      launch_node
    fi
    launched+=("$n")
  done
  # A cluster's nodes finish starting together, once a majority of the controllers elected a leader.
  for n in "${launched[@]}"; do
    use_node "$n"
    wait_started "$(cat "$PID_FILE")" "$t0"
  done
  apply_acls
}

# stop: SIGTERM, every selected node at once (a cluster stopped one by one would lose its quorum before the last
# node's controlled shutdown). kill: SIGKILL, for fault tests (KAFKA_NODE=2 bash scripts/kafka.sh kill).
cmd_stop() {
  local n
  for n in $(selected_nodes); do
    use_node "$n"
    stop_node "${1:-TERM}" &
  done
  wait
}

cmd_status() {
  local n code worst=0
  for n in $(selected_nodes); do
    use_node "$n"
    code=0
    node_status || code=$?
    ((code > worst)) && worst=$code
  done
  return "$worst"
}

cmd_logs() {
  use_node "${KAFKA_NODE:-1}"
  [[ -f "$LOG_FILE" ]] || die "no log at $LOG_FILE"
  if [[ "${1:-}" == "-f" ]]; then tail -n 50 -f "$LOG_FILE"; else tail -n 200 "$LOG_FILE"; fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop TERM ;;
  kill) cmd_stop KILL ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  *) echo "usage: $0 start|stop|kill|status|logs [-f]" >&2; exit 2 ;;
esac
