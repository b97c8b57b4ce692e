# Sourced by scripts/kafka.sh: the broker's TLS material and SCRAM users, generated once per KAFKA_DIR and never
# committed (KAFKA_DIR is git-ignored). Everything lands under $KAFKA_DIR with umask 077 (files mode 600).
#   security/ca.key, ca.crt        a local CA (openssl); clients trust ca.crt (KAFKA_SSL_CA_FILE)
#   security/broker.pem            the broker's PKCS#8 key + certificate (SAN 127.0.0.1, localhost, kafka), signed by the CA
#   security/broker.password       the inter-broker SCRAM user's password (only server.properties reads it)
#   credentials.json               {mechanism, brokers (every node), ca, users: {admin, ingest, validator, pricing, feedback}}
# web gets no Kafka user at all. Passwords are 32 random bytes (hex) from openssl.

SECURITY_DIR="$KAFKA_DIR/security"
CREDENTIALS_FILE="$KAFKA_DIR/credentials.json"
# admin: super user for setup, tests and the CLI; one principal per Kafka-using service (scripts/kafka/acls.mjs).
KAFKA_CLIENT_USERS=(admin ingest validator pricing feedback)

random_secret() { openssl rand -hex 32; }

ensure_certificates() {
  [[ -f "$SECURITY_DIR/broker.pem" && -f "$SECURITY_DIR/ca.crt" ]] && return 0
  (
    umask 077
    mkdir -p "$SECURITY_DIR"
    cd "$SECURITY_DIR"
    log "generating a local CA and the broker certificate in $SECURITY_DIR"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=claimflow-local-kafka-ca" \
      -keyout ca.key -out ca.crt 2>/dev/null
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out broker.key 2>/dev/null
    openssl req -new -key broker.key -subj "/CN=claimflow-broker" -out broker.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kafka\nextendedKeyUsage=serverAuth,clientAuth\n' >broker.ext
    openssl x509 -req -in broker.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 -sha256 \
      -extfile broker.ext -out broker.crt 2>/dev/null
    cat broker.key broker.crt ca.crt >broker.pem
    rm -f broker.csr broker.ext ca.srl
  ) || die "could not generate the TLS material with openssl"
  chmod 644 "$SECURITY_DIR/ca.crt"
}

ensure_credentials() {
  [[ -f "$CREDENTIALS_FILE" && -f "$SECURITY_DIR/broker.password" ]] && return 0
  # SCRAM users are created by the storage format only; data formatted earlier (PLAINTEXT days) has none.
  [[ -f "$DATA_DIR/meta.properties" ]] &&
    die "$DATA_DIR was formatted without SCRAM users (a PLAINTEXT broker). Move it over: stop the broker, remove $DATA_DIR (local topics are re-created by the services), start again"
  (
    umask 077
    mkdir -p "$SECURITY_DIR"
    random_secret >"$SECURITY_DIR/broker.password"
    {
      printf '{\n  "mechanism": "scram-sha-512",\n  "brokers": ["%s"],\n  "ca": "%s",\n  "users": {' \
        "$(all_brokers | sed 's/,/", "/g')" "$SECURITY_DIR/ca.crt"
      local sep=''
      for user in "${KAFKA_CLIENT_USERS[@]}"; do
        printf '%s\n    "%s": "%s"' "$sep" "$user" "$(random_secret)"
        sep=','
      done
      printf '\n  }\n}\n'
    } >"$CREDENTIALS_FILE"
  ) || die "could not write $CREDENTIALS_FILE"
  log "wrote SCRAM credentials to $CREDENTIALS_FILE (mode 600)"
}

# StorageTool format arguments creating every SCRAM user (KRaft bootstraps SCRAM users only at format time).
scram_format_args() {
  local user password
  printf -- '--add-scram\nSCRAM-SHA-512=[name=broker,password=%s]\n' "$(cat "$SECURITY_DIR/broker.password")"
  for user in "${KAFKA_CLIENT_USERS[@]}"; do
    password="$(node -e 'process.stdout.write(require(process.argv[1]).users[process.argv[2]])' "$CREDENTIALS_FILE" "$user")"
    printf -- '--add-scram\nSCRAM-SHA-512=[name=%s,password=%s]\n' "$user" "$password"
  done
}

# Run after every start; idempotent: Kafka keeps one copy of an ACL however often it is created.
apply_acls() {
  KAFKA_BROKERS="$(all_brokers)" KAFKA_CREDENTIALS_FILE="$CREDENTIALS_FILE" \
    node "$REPO/scripts/kafka/acls.mjs" >>"$LOG_DIR/acls.log" 2>&1 ||
    { tail -n 20 "$LOG_DIR/acls.log" >&2; die "could not create the ACLs (scripts/kafka/acls.mjs)"; }
  log "ACLs in place for ${KAFKA_CLIENT_USERS[*]:1}"
}

# The optional development listener: PLAINTEXT on loopback, anonymous and super user, never used by demo or tests.
dev_listener() {
  if [[ "${KAFKA_DEV_PLAINTEXT:-0}" == 1 ]]; then
    log "WARNING: KAFKA_DEV_PLAINTEXT=1 opens an unauthenticated PLAINTEXT listener on 127.0.0.1:$KAFKA_DEV_PLAINTEXT_PORT"
    printf ',PLAINTEXT://127.0.0.1:%s' "$KAFKA_DEV_PLAINTEXT_PORT"
  fi
}
dev_super_user() { [[ "${KAFKA_DEV_PLAINTEXT:-0}" == 1 ]] && printf ';User:ANONYMOUS' || true; }
