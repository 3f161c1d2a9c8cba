#!/usr/bin/env bash
# The KPIs of the latest snapshot against the one before in a warm JVM (bench/kpi-walk/KpiWalkTiming.java), for each
# number of ranges in turn, on the cluster bench/run-kpi.sh kept (KEEP=1): what a publication computes in a running
# server, without the cold start that bench/run-kpi.sh times.
#   bench/run-kpi-walk.sh [customers] [snapshots] [repeats] [ranges...]    e.g. bench/run-kpi-walk.sh 1000000 3 5 1 2 4
set -euo pipefail
CUSTOMERS=${1:-1000000}
SNAPSHOTS=${2:-3}
REPEATS=${3:-5}
shift 3 || true
RANGES=${*:-1 4}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER_JAR=${SERVER_JAR:-$ROOT/server/target/strata-server.jar}
PG_DIR=$ROOT/bench/data/kpi-$CUSTOMERS-$SNAPSHOTS/pg
CLASSES=$ROOT/bench/data/kpi-walk-classes
[ -f "$PG_DIR/loaded" ] || { echo "run-kpi-walk.sh: no kept cluster in $PG_DIR (KEEP=1 bench/run-kpi.sh $CUSTOMERS $SNAPSHOTS 0)" >&2; exit 2; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

rm -rf "$CLASSES" && mkdir -p "$CLASSES/jar"
(cd "$CLASSES/jar" && unzip -q "$SERVER_JAR" 'BOOT-INF/*')
CP="$CLASSES/jar/BOOT-INF/classes:$(ls -d "$CLASSES"/jar/BOOT-INF/lib/*.jar | tr '\n' ':')"
javac -d "$CLASSES/out" -cp "$CP" "$ROOT/bench/kpi-walk/KpiWalkTiming.java"

PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# As bench/run-kpi.sh.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -o "-p $PG_PORT -k $PG_DIR \
  -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c work_mem=64MB" start >/dev/null
trap 'as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null' EXIT
echo "KPIs of the latest of $SNAPSHOTS snapshots of up to $CUSTOMERS customers, warm JVM, $(date -u +%Y-%m-%dT%H:%MZ)," \
  "commit $(git -C "$ROOT" rev-parse --short HEAD), nproc $(nproc)"
java -Xmx3g -cp "$CLASSES/out:$CP" strata.server.kpi.KpiWalkTiming "$PG_PORT" "$REPEATS" $RANGES 2>/dev/null
