#!/bin/sh
# docker-compose.yml's one-shot kafka-init (runs in the apache/kafka image, as root, before the broker): the same setup
# as scripts/kafka.sh, for containers. Idempotent: keeps what an earlier run generated.
#   /etc/kafka/secrets  (volume kafka-secrets, broker only): a local CA, the broker keystore, server.properties,
#                       admin.properties (the healthcheck's client settings)
#   /etc/kafka/ca       (volume kafka-ca, mounted read-only into the services): ca.crt, the CA certificate only
#   /var/lib/kafka/data (volume kafka-data): formatted once, with the SCRAM users, from the passwords in .env
#   KAFKA_NODES=3 (the `cluster` profile): nodes kafka, kafka-2, kafka-3, all controller voters, one cluster id;
#   node N's config server-N.properties and data /var/lib/kafka/data-N (volume kafka-N-data); topic defaults and the
#   internal topics RF 3, min.insync.replicas 2 (KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS).
# Env (from .env, no defaults): KAFKA_BROKER_PASSWORD, KAFKA_ADMIN_PASSWORD, KAFKA_{INGEST,VALIDATOR,PRICING,FEEDBACK}_PASSWORD.
set -eu
SECRETS="${KAFKA_SECRETS_DIR:-/etc/kafka/secrets}"
CA_DIR="${KAFKA_CA_DIR:-/etc/kafka/ca}"
DATA="${KAFKA_DATA_DIR:-/var/lib/kafka/data}"
STORAGE="${KAFKA_STORAGE_TOOL:-/opt/kafka/bin/kafka-storage.sh}"
umask 077
mkdir -p "$SECRETS" "$CA_DIR" "$DATA"

if [ ! -f "$SECRETS/broker.p12" ]; then
  # keytool (in the image's JRE): a CA, and a broker key pair whose certificate the CA signs (SAN kafka, localhost).
  STOREPASS="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  printf '%s' "$STOREPASS" >"$SECRETS/store.password"
  keytool -genkeypair -alias ca -keyalg RSA -keysize 2048 -validity 3650 -dname CN=claimflow-compose-kafka-ca \
    -ext bc:c -keystore "$SECRETS/ca.p12" -storetype PKCS12 -storepass "$STOREPASS"
  keytool -exportcert -rfc -alias ca -keystore "$SECRETS/ca.p12" -storepass "$STOREPASS" -file "$SECRETS/ca.crt"
  keytool -genkeypair -alias broker -keyalg RSA -keysize 2048 -validity 825 -dname CN=claimflow-broker \
    -keystore "$SECRETS/broker.p12" -storetype PKCS12 -storepass "$STOREPASS"
  keytool -certreq -alias broker -keystore "$SECRETS/broker.p12" -storepass "$STOREPASS" -file "$SECRETS/broker.csr"
  keytool -gencert -alias ca -keystore "$SECRETS/ca.p12" -storepass "$STOREPASS" -infile "$SECRETS/broker.csr" \
    -outfile "$SECRETS/broker.crt" -rfc -validity 825 -ext SAN=dns:kafka,dns:kafka-2,dns:kafka-3,dns:localhost -ext EKU=serverAuth,clientAuth
  keytool -importcert -noprompt -alias ca -file "$SECRETS/ca.crt" -keystore "$SECRETS/broker.p12" -storepass "$STOREPASS"
  keytool -importcert -noprompt -alias broker -file "$SECRETS/broker.crt" -keystore "$SECRETS/broker.p12" -storepass "$STOREPASS"
  keytool -importcert -noprompt -alias ca -file "$SECRETS/ca.crt" -keystore "$SECRETS/truststore.p12" \
    -storetype PKCS12 -storepass "$STOREPASS"
  rm -f "$SECRETS/broker.csr"
fi
STOREPASS="$(cat "$SECRETS/store.password")"
cp "$SECRETS/ca.crt" "$CA_DIR/ca.crt"
chmod 755 "$CA_DIR" && chmod 644 "$CA_DIR/ca.crt"

NODES="${KAFKA_NODES:-1}"
if [ "$NODES" -ge 3 ]; then RF="${KAFKA_REPLICATION_FACTOR:-3}"; else RF="${KAFKA_REPLICATION_FACTOR:-$NODES}"; fi
if [ "$RF" -gt 1 ]; then MIN_ISR="${KAFKA_MIN_INSYNC_REPLICAS:-$((RF - 1))}"; else MIN_ISR="${KAFKA_MIN_INSYNC_REPLICAS:-1}"; fi
host() { if [ "$1" = 1 ]; then echo kafka; else echo "kafka-$1"; fi; }
VOTERS=""
n=1
while [ "$n" -le "$NODES" ]; do
  VOTERS="${VOTERS:+$VOTERS,}$n@$(host "$n"):9093"
  n=$((n + 1))
done

# The same listeners and authorizer as scripts/kafka/server.properties.template (see the comments there).
# write_config NODE FILE DATA
write_config() {
cat >"$2" <<EOF
process.roles=broker,controller
node.id=$1
controller.quorum.voters=$VOTERS
listeners=SASL_SSL://0.0.0.0:19092,CONTROLLER://0.0.0.0:9093
advertised.listeners=SASL_SSL://$(host "$1"):19092
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
listener.security.protocol.map=CONTROLLER:SSL,SASL_SSL:SASL_SSL
listener.name.controller.ssl.client.auth=required
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$KAFKA_BROKER_PASSWORD";
ssl.keystore.type=PKCS12
ssl.keystore.location=$SECRETS/broker.p12
ssl.keystore.password=$STOREPASS
ssl.key.password=$STOREPASS
ssl.truststore.type=PKCS12
ssl.truststore.location=$SECRETS/truststore.p12
ssl.truststore.password=$STOREPASS
ssl.principal.mapping.rules=RULE:^CN=([^,]+)\$/\$1/,DEFAULT
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:broker;User:claimflow-broker
log.dirs=$3
num.partitions=3
default.replication.factor=$RF
min.insync.replicas=$MIN_ISR
offsets.topic.replication.factor=$RF
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=$RF
transaction.state.log.min.isr=$MIN_ISR
share.coordinator.state.topic.replication.factor=$RF
share.coordinator.state.topic.min.isr=$MIN_ISR
group.initial.rebalance.delay.ms=0
EOF
}
cat >"$SECRETS/admin.properties" <<EOF
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=$SECRETS/ca.crt
EOF

# One cluster id for every node (kept with the secrets).
[ -s "$SECRETS/cluster.id" ] || $STORAGE random-uuid | tail -n 1 >"$SECRETS/cluster.id"
CLUSTER_ID="$(cat "$SECRETS/cluster.id")"
n=1
while [ "$n" -le "$NODES" ]; do
  if [ "$n" = 1 ]; then CONFIG="$SECRETS/server.properties" NODE_DATA="$DATA"; else CONFIG="$SECRETS/server-$n.properties" NODE_DATA="$DATA-$n"; fi
  mkdir -p "$NODE_DATA"
  write_config "$n" "$CONFIG" "$NODE_DATA"
  if [ ! -f "$NODE_DATA/meta.properties" ]; then
  # KRaft creates SCRAM users at format time only (KIP-900); later users: kafka-configs.sh --alter --add-config.
  $STORAGE format -t "$CLUSTER_ID" -c "$CONFIG" \
    --add-scram "SCRAM-SHA-512=[name=broker,password=$KAFKA_BROKER_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=ingest,password=$KAFKA_INGEST_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=validator,password=$KAFKA_VALIDATOR_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=pricing,password=$KAFKA_PRICING_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=feedback,password=$KAFKA_FEEDBACK_PASSWORD]"
  fi
  # The broker runs as the image's appuser.
  if id appuser >/dev/null 2>&1; then chown -R appuser:appuser "$NODE_DATA"; fi
  n=$((n + 1))
done
if id appuser >/dev/null 2>&1; then chown -R appuser:appuser "$SECRETS"; fi
