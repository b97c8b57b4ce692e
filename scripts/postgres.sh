#!/usr/bin/env bash
# Ensures the local PostgreSQL server is up and the database named in DATABASE_URL exists. Idempotent.
# Env: DATABASE_URL (default: libs/contracts/src/local/local-defaults.json), PG_START_TIMEOUT seconds (30).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DATABASE_URL="${DATABASE_URL:-$(node -p "require('./libs/contracts/src/local/local-defaults.json').databaseUrl")}"
PG_START_TIMEOUT="${PG_START_TIMEOUT:-30}"

log() { echo "[postgres] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# postgresql://user[:pass]@host[:port]/db[?params] -> parts; a URL we cannot parse is a usage error.
re='^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/?]+)(:([0-9]+))?/([^?]+)'
[[ "$DATABASE_URL" =~ $re ]] || die "cannot parse DATABASE_URL=$DATABASE_URL"
PGUSER_="${BASH_REMATCH[2]}"
PGPASS_="${BASH_REMATCH[4]}"
PGHOST_="${BASH_REMATCH[5]}"
PGPORT_="${BASH_REMATCH[7]:-5432}"
DB="${BASH_REMATCH[8]}"
[[ "$DB" =~ ^[A-Za-z0-9_]+$ ]] || die "database name '$DB' must match [A-Za-z0-9_]+"

export PGPASSWORD="$PGPASS_"
PSQL=(psql -h "$PGHOST_" -p "$PGPORT_" -U "$PGUSER_" -v ON_ERROR_STOP=1 -qtA)

ready() { pg_isready -q -h "$PGHOST_" -p "$PGPORT_"; }

if ! ready; then
  [[ "$PGHOST_" == 127.0.0.1 || "$PGHOST_" == localhost ]] || die "$PGHOST_:$PGPORT_ is not accepting connections"
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$version" ]] || die "no local PostgreSQL cluster under /etc/postgresql; install postgresql or set DATABASE_URL"
  log "starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  deadline=$((SECONDS + PG_START_TIMEOUT))
  until ready; do
    ((SECONDS < deadline)) || die "PostgreSQL did not accept connections within ${PG_START_TIMEOUT}s"
    sleep 0.2
  done
fi

if [[ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" == 1 ]]; then
  log "ready: $PGHOST_:$PGPORT_, database $DB exists"
else
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE \"$DB\"" ||
    [[ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" == 1 ]] ||
    die "could not create database $DB"
  log "ready: $PGHOST_:$PGPORT_, created database $DB"
fi
