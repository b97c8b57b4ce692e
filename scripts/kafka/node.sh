# Sourced by scripts/kafka.sh: one KRaft node (broker + controller) of KAFKA_NODES on this machine.
# use_node N sets where node N lives and listens. With KAFKA_NODES=1 that is the single broker as it always was:
# KAFKA_DIR/{data,logs,kafka.pid,server.properties}, KAFKA_PORT, KAFKA_CONTROLLER_PORT. With KAFKA_NODES>1 node N
# lives in KAFKA_DIR/node-N and listens on KAFKA_PORT + KAFKA_NODE_PORT_STEP*(N-1) (controller +1, dev listener +2);
# the CA, the broker certificate, the SCRAM users and credentials.json stay in KAFKA_DIR, shared by all nodes.

KAFKA_NODE_PORT_STEP="${KAFKA_NODE_PORT_STEP:-10}"
STARTED_MARK="Kafka Server started"

use_node() {
  NODE_ID="$1"
  local offset=$((KAFKA_NODE_PORT_STEP * (NODE_ID - 1)))
  NODE_PORT=$((KAFKA_PORT + offset))
  NODE_CONTROLLER_PORT=$((KAFKA_CONTROLLER_PORT + offset))
  NODE_DEV_PORT=$((KAFKA_DEV_PLAINTEXT_PORT + offset))
  if ((KAFKA_NODES == 1)); then NODE_DIR="$KAFKA_DIR"; else NODE_DIR="$KAFKA_DIR/node-$NODE_ID"; fi
  DATA_DIR="$NODE_DIR/data"
  LOG_DIR="$NODE_DIR/logs"
  LOG_FILE="$LOG_DIR/server.log"
  PID_FILE="$NODE_DIR/kafka.pid"
  PROPS="$NODE_DIR/server.properties"
}

# Every node's client address, and the controller quorum (node.id@host:controller port).
all_brokers() {
  local n list=()
  for ((n = 1; n <= KAFKA_NODES; n++)); do list+=("127.0.0.1:$((KAFKA_PORT + KAFKA_NODE_PORT_STEP * (n - 1)))"); done
  (IFS=, && echo "${list[*]}")
}
quorum_voters() {
  local n list=()
  for ((n = 1; n <= KAFKA_NODES; n++)); do list+=("$n@127.0.0.1:$((KAFKA_CONTROLLER_PORT + KAFKA_NODE_PORT_STEP * (n - 1)))"); done
  (IFS=, && echo "${list[*]}")
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && [[ "$(ps -o comm= -p "$pid")" == java ]] || return 1
  echo "$pid"
}

write_config() {
  mkdir -p "$DATA_DIR" "$LOG_DIR"
  # umask 077: the file holds the inter-broker password.
  (umask 077 && sed -e "s|@NODE_ID@|$NODE_ID|g" -e "s|@VOTERS@|$(quorum_voters)|g" -e "s|@PORT@|$NODE_PORT|g" \
    -e "s|@CONTROLLER_PORT@|$NODE_CONTROLLER_PORT|g" -e "s|@DATA_DIR@|$DATA_DIR|g" \
    -e "s|@REPLICATION_FACTOR@|$KAFKA_REPLICATION_FACTOR|g" -e "s|@MIN_INSYNC@|$KAFKA_MIN_INSYNC_REPLICAS|g" \
    -e "s|@SECURITY_DIR@|$SECURITY_DIR|g" -e "s|@BROKER_PASSWORD@|$(cat "$SECURITY_DIR/broker.password")|g" \
    -e "s|@DEV_LISTENER@|$(dev_listener)|g" -e "s|@DEV_SUPER_USER@|$(dev_super_user)|g" \
    "$REPO/scripts/kafka/server.properties.template" >"$PROPS")
}

# One cluster id for every node of a cluster (kept in KAFKA_DIR/cluster.id); a single node takes a fresh one.
cluster_id() {
  if ((KAFKA_NODES > 1)) && [[ -s "$KAFKA_DIR/cluster.id" ]]; then cat "$KAFKA_DIR/cluster.id" && return 0; fi
  local id
  id="$(java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  [[ -n "$id" ]] || die "could not generate a cluster id with kafka.tools.StorageTool"
  ((KAFKA_NODES > 1)) && echo "$id" >"$KAFKA_DIR/cluster.id"
  echo "$id"
}

format_storage() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  local id
  id="$(cluster_id)"
  log "formatting $DATA_DIR (cluster $id, node $NODE_ID) with the SCRAM users"
  local scram
  mapfile -t scram < <(scram_format_args)
  java "${JAVA_OPTS[@]}" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$id" -c "$PROPS" "${scram[@]}" >>"$LOG_DIR/format.log" 2>&1 \
    || { tail -n 30 "$LOG_DIR/format.log" >&2; die "storage format failed"; }
}

# Starts node NODE_ID's process (not waiting for it): a cluster's nodes only finish starting once a quorum runs.
launch_node() {
  rm -f "$PID_FILE"
  if port_open "$NODE_PORT"; then
    die "port $NODE_PORT is taken by a process this script did not start; stop it or set KAFKA_PORT"
  fi
  write_config
  format_storage
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  # setsid: the broker must outlive the shell (and the test runner) that started it.
  # 9>&-: the broker must not inherit the start lock, or the next start would wait for it forever.
  setsid java "${JAVA_OPTS[@]}" -cp "$KAFKA_LIBS/*" kafka.Kafka "$PROPS" >"$LOG_FILE" 2>&1 </dev/null 9>&- &
  echo "$!" >"$PID_FILE"
}

wait_started() {
  local pid="$1" t0="$2" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  until grep -q "$STARTED_MARK" "$LOG_FILE" 2>/dev/null && port_open "$NODE_PORT"; do
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
  log "Kafka $KAFKA_VERSION $(node_name)started on 127.0.0.1:$NODE_PORT (SASL_SSL) in $(elapsed "$t0")s (pid $pid)"
}

node_name() { ((KAFKA_NODES == 1)) || printf 'node %s ' "$NODE_ID"; }

# SIGTERM (or the given signal: KILL for fault tests), waiting for the process to exit.
stop_node() {
  local signal="${1:-TERM}" pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    log "$(node_name)not running"
    return 0
  fi
  local t0 deadline=$((SECONDS + 60))
  t0="$(now)"
  kill "-$signal" "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "pid $pid ignored SIG$signal for 60s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$PID_FILE"
  log "$(node_name)stopped pid $pid (SIG$signal) in $(elapsed "$t0")s"
}

node_status() {
  local pid
  if pid="$(running_pid)" && port_open "$NODE_PORT"; then
    echo "$(node_name)running: pid $pid, SASL_SSL 127.0.0.1:$NODE_PORT (controller $NODE_CONTROLLER_PORT), Kafka $KAFKA_VERSION, data $DATA_DIR, credentials $CREDENTIALS_FILE"
    return 0
  fi
  if [[ -n "${pid:-}" ]]; then
    echo "$(node_name)starting or unhealthy: pid $pid alive but 127.0.0.1:$NODE_PORT not accepting connections"
    return 1
  fi
  echo "$(node_name)stopped"
  return 3
}
