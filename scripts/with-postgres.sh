#!/usr/bin/env bash
# Runs a command with a PostgreSQL server of its own: a new cluster in a temporary folder, listening only on a
# Unix socket there, stopped and removed when the command ends. The command sees PGHOST, PGUSER and PGDATABASE, so
# `psql` connects without options. Used by SQLCommandTests (Debian's postgresql package; scripts/install-test-deps.sh).
#
#   bash scripts/with-postgres.sh psql -c 'SELECT 1'
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "with-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
dir=$(mktemp -d)
# PostgreSQL refuses to run as root: as root, the server runs as the postgres user the package creates.
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
stop() { as_server "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap stop EXIT
as_server "$bin/initdb" -D "$dir/data" -A trust -U deid -E UTF8 --locale C.UTF-8 >/dev/null
as_server "$bin/pg_ctl" -D "$dir/data" -o "-k $dir -c listen_addresses=''" -l "$dir/server.log" -w start >/dev/null
PGHOST=$dir PGUSER=deid PGDATABASE=postgres "$@"
