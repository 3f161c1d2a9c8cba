# Sourced by the EXPLAIN benchmarks (cursor-explain.sh, service-kpi-explain.sh): a private PostgreSQL cluster with
# bench/run-server.sh's settings, removed on exit, a `psql` on its `strata` database, and `migrations`, the server's
# migration files in Flyway's order ("version file" lines: by version, V7_1 after V7, the common folder and
# PostgreSQL's together). Needs PG_BIN and ROOT set; sets PG_DIR and PG_PORT.
MIGRATIONS=$ROOT/server/src/main/resources/db
PG_DIR=$(mktemp -d /tmp/strata-explain-pg.XXXXXX)
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U strata -E UTF8 --no-locale >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -o "-p $PG_PORT -k $PG_DIR \
  -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c work_mem=64MB -c maintenance_work_mem=512MB \
  -c max_wal_size=8GB" start >/dev/null
psql() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U strata -d strata "$@"; }
"$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U strata -d postgres -c "create database strata"

migrations() {
  ls "$MIGRATIONS"/migration/*.sql "$MIGRATIONS"/postgresql/*.sql \
    | awk -F/ '{ v = $NF; sub(/^V/, "", v); sub(/__.*/, "", v); split(v, p, "_"); printf "%d %d %s\n", p[1], p[2], $0 }' \
    | sort -n -k1,1 -k2,2 | awk '{ print $1, $3 }'
}
