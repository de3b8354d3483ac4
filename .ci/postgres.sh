#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 for the tests and prints the line to export its URL:
#   eval "$(bash .ci/postgres.sh)"    # sets ALEMBIC_LS_TEST_PG=postgresql://postgres@127.0.0.1:PORT/postgres
# Works as root (initdb refuses root: runs as `postgres` via runuser). Installs Debian's
# postgresql if missing. Data in a temporary directory, fsync off, trust authentication on
# 127.0.0.1 only, plus a password-protected role `alembic_ls_pw` for the wrong-password tests.
# Stop it and remove its data with: bash .ci/postgres.sh --stop "$ALEMBIC_LS_TEST_PG_DIR"
set -euo pipefail
log() { echo "postgres.sh: $*" >&2; }
BIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "${1:-}" = "--stop" ]; then
  [ -d "${2:-}/data" ] || exit 0
  as_pg "$BIN/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi
if [ ! -x "$BIN/initdb" ]; then
  log "installing postgresql-15"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-15 >&2
fi
DIR=$(mktemp -d /tmp/alembic-ls-pg.XXXXXX)
chmod 755 "$DIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
[ "$(id -u)" -ne 0 ] || chown postgres "$DIR"
as_pg "$BIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
# Password authentication for the role the wrong-password tests use; trust for the rest.
{ echo "host all alembic_ls_pw 127.0.0.1/32 scram-sha-256"; echo "host all all 127.0.0.1/32 trust"; echo "local all all trust"; } >"$DIR/data/pg_hba.conf"
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" \
  -o "-k $DIR -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" -w start >&2 \
  || { cat "$DIR/server.log" >&2; exit 1; }
"$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qAt \
  -c "CREATE ROLE alembic_ls_pw LOGIN PASSWORD 'right-secret'" >&2
log "PostgreSQL 15 on 127.0.0.1:$PORT (data in $DIR)"
echo "export ALEMBIC_LS_TEST_PG='postgresql://postgres@127.0.0.1:$PORT/postgres'"
echo "export ALEMBIC_LS_TEST_PG_DIR='$DIR'"
