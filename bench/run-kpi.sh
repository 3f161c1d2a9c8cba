#!/usr/bin/env bash
# KPIs by tier at scale on PostgreSQL (issue 16): loads SNAPSHOTS monthly snapshots of up to CUSTOMERS customers
# straight into the database (bench/kpi-snapshots.sql: publishing that many real runs would take hours), then starts
# the server REPEATS times with no stored KPIs: each start computes the KPIs of every snapshot against the one before
# it (KpiTables.computeMissing, in the background, the same compute() a publication calls), logged per snapshot and in
# total. The load writes each snapshot's KPI inputs (snapshot_kpi_input) as a publication does; a cluster loaded before
# them gets them filled from the rows at its first start (logged apart: "KPI inputs of run N filled"). With the
# KPIs stored it times the KPI page and the trend (stored rows, never recomputed) and explains the snapshot read.
#   bench/run-kpi.sh [customers] [snapshots] [repeats]      e.g. bench/run-kpi.sh 1000000 24 5
# LATEST=1 times only what a publication does: the KPIs of the latest snapshot (the others' are marked stored with
# placeholder rows, so the start computes that one alone). REPEATS=0 only loads. KEEP=1 keeps the loaded cluster in bench/data/kpi-<customers>-<snapshots>/pg for the next call (skips the load).
# Needs PostgreSQL 15 binaries, curl, jq; as root the cluster runs as postgres. Prints a Markdown report and appends it
# to bench/results/kpi.md.
set -euo pipefail

CUSTOMERS=${1:-1000000}
SNAPSHOTS=${2:-24}
REPEATS=${3:-5}
SURVEYS=${SURVEYS:-300000}
HEAP=${HEAP:-3g}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ADMIN_PASSWORD=bench-admin-password-1

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER_JAR=${SERVER_JAR:-$ROOT/server/target/strata-server.jar}
DATA=$ROOT/bench/data/kpi-$CUSTOMERS-$SNAPSHOTS
PG_DIR=$DATA/pg
RUN_DIR=$DATA/run-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN_DIR" "$ROOT/bench/results"
REPORT=$RUN_DIR/report.md

say() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
report() { echo "$*" >>"$REPORT"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ -f "$SERVER_JAR" ] || { echo "run-kpi.sh: no $SERVER_JAR (mvn -q -DskipTests -pl core,server package)" >&2; exit 2; }
[ -x "$PG_BIN/initdb" ] || { echo "run-kpi.sh: no PostgreSQL binaries in $PG_BIN (set PG_BIN)" >&2; exit 2; }

PG_PORT=$(free_port)
SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" || true; fi
  SERVER_PID=
}
cleanup() {
  stop_server
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$PG_DIR"
}
trap cleanup EXIT
psql_q() { "$PG_BIN/psql" -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U strata -d strata "$@"; }

LOADED=no
[ -f "$PG_DIR/loaded" ] && LOADED=yes
if [ "$LOADED" = no ]; then
  rm -rf "$PG_DIR" && mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U strata -E UTF8 --no-locale >"$RUN_DIR/initdb.log"
fi
say "starting PostgreSQL on port $PG_PORT"
# As bench/run-server.sh, plus wal_level=minimal so the bulk load of the snapshots skips the WAL.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -o "-p $PG_PORT -k $PG_DIR \
  -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c work_mem=64MB -c maintenance_work_mem=1GB \
  -c max_wal_size=8GB -c checkpoint_timeout=15min -c wal_level=minimal -c max_wal_senders=0" start >/dev/null
[ "$LOADED" = yes ] || "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U strata -d postgres -c "create database strata"

SERVER_PORT=$(free_port)
BASE=http://127.0.0.1:$SERVER_PORT/api/v1
# Starts the server and waits for a line matching $2 in its log, $RUN_DIR/$1.
start_server() {
  local log=$RUN_DIR/$1
  java -Xmx"$HEAP" -jar "$SERVER_JAR" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/strata" \
    --spring.datasource.username=strata --strata.data="$RUN_DIR/strata-data" \
    --strata.admin.password="$ADMIN_PASSWORD" --strata.runs.after-import=false --server.port="$SERVER_PORT" \
    >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1800); do
    grep -q "$2" "$log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died; see $log" >&2; exit 1; }
    ! grep -q "KPIs of run .* not computed" "$log" || { echo "KPIs failed; see $log" >&2; exit 1; }
    sleep 1
  done
}

if [ "$LOADED" = no ]; then
  say "first start: schema and tier model"
  start_server server-schema.log "Started StrataServer"
  SESSION=$(curl -sf -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/auth/login" | jq -r .token)
  jq -n --rawfile yaml "$ROOT/bench/kpi-model.yaml" '{yaml: $yaml}' | curl -sf -X PUT -H "Authorization: Bearer $SESSION" \
    -H 'Content-Type: application/json' -d @- "$BASE/model" >/dev/null
  stop_server
  say "loading $SNAPSHOTS snapshots of up to $CUSTOMERS customers"
  T0=$(date +%s)
  psql_q -v customers="$CUSTOMERS" -v snapshots="$SNAPSHOTS" -v surveys="$SURVEYS" \
    -v model="$(psql_q -c "select max(version) from tier_model")" \
    -f "$ROOT/bench/kpi-snapshots.sql" >"$RUN_DIR/load.log" 2>&1
  echo "$(( $(date +%s) - T0 ))" >"$PG_DIR/load-seconds"
  touch "$PG_DIR/loaded"
fi
[ "$REPEATS" != 0 ] || { say "loaded (REPEATS=0: no timing)"; exit 0; }

report "## KPIs at $CUSTOMERS customers × $SNAPSHOTS snapshots, PostgreSQL, $(date -u +%Y-%m-%dT%H:%MZ)"
report ""
report "- command: \`bench/run-kpi.sh $CUSTOMERS $SNAPSHOTS $REPEATS\` (HEAP=$HEAP, SURVEYS=$SURVEYS), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- server core || echo ' + uncommitted changes')"
report "- machine: nproc $(nproc), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"
# Counted once per load: a count reads the whole table.
[ -f "$PG_DIR/rows" ] || psql_q -c "select sum(c) || ' snapshot rows (' || min(c) || '–' || max(c) || ' a snapshot)'
  from (select count(*) c from snapshot_row group by run_id) x" >"$PG_DIR/rows"
report "- data: $(cat "$PG_DIR/rows"), $(psql_q -c "select count(*) from survey") survey answers; load $(cat "$PG_DIR/load-seconds") s; database $(psql_q -c "select pg_size_pretty(pg_database_size('strata'))")"
report ""
report "| start | load average before | KPIs of all snapshots (s) | one snapshot against the one before: median, min–max (s) | the latest snapshot (s; server CPU s) |"
report "|---:|---|---:|---:|---:|"
for r in $(seq "$REPEATS"); do
  psql_q -c "delete from snapshot_kpi"
  # The loaded runs were never published, so each start would plan the tasks of the latest one's 1M customers
  # (TaskPlanning.planCurrent, ~20 s of CPU) beside the KPIs: marked planned, the start computes the KPIs alone.
  psql_q -c "update task_plan set run_id = (select max(id) from tier_run), as_of = current_date, planned_at = now()
    where id = 1"
  if [ "${LATEST:-0}" = 1 ]; then
    psql_q -c "insert into snapshot_kpi (run_id, model_changed, dimension, grp, position, figures)
      select id, false, 'all', '', 0, '{}' from tier_run where id < $SNAPSHOTS"
  fi
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  say "start $r of $REPEATS: computing the KPIs of $SNAPSHOTS snapshots"
  start_server "server-$r.log" "snapshots computed at start"
  total=$(grep -o "KPIs of [0-9]* snapshots computed at start in [0-9]* ms" "$RUN_DIR/server-$r.log" | awk '{print $9 / 1000}')
  per=$(grep -o "KPIs of run [0-9]* computed in [0-9]* ms" "$RUN_DIR/server-$r.log" | awk '{print $7 / 1000}' | sort -n)
  latest=$(grep -o "KPIs of run $SNAPSHOTS computed in [0-9]* ms ([0-9]* ms CPU" "$RUN_DIR/server-$r.log" \
    | awk '{ sub(/\(/, "", $9); print $7 / 1000 " (CPU " $9 / 1000 ")" }')
  median=$(awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }' <<<"$per")
  report "| $r | $load | $total | $median, $(head -1 <<<"$per")–$(tail -1 <<<"$per") | $latest |"
  [ "$r" = "$REPEATS" ] || stop_server
done
report ""

if [ "${LATEST:-0}" = 1 ]; then
  # The trend reads the stored rows of every snapshot: the placeholders become copies of the latest's figures.
  psql_q -c "delete from snapshot_kpi where run_id < $SNAPSHOTS; insert into snapshot_kpi select r.id, k.from_run,
    k.model_changed, k.dimension, k.grp, k.position, k.tier, k.figures from snapshot_kpi k join tier_run r
    on r.id < $SNAPSHOTS where k.run_id = $SNAPSHOTS"
fi
say "timing the KPI page and the trend"
SESSION=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/auth/login" | jq -r .token)
timed() {
  for _ in $(seq 5); do curl -sf -o /dev/null -H "Authorization: Bearer $SESSION" "$BASE$1"; done
  for _ in $(seq 50); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $SESSION" "$BASE$1"; done \
    | sort -n | awk '{ a[NR] = $1 * 1000 } END { printf "%.1f | %.1f | %.1f", a[25], a[48], a[50] }'
}
report "| GET (50 calls after 5 warm-up, one client) | median ms | p95 ms | max ms | bytes |"
report "|---|---:|---:|---:|---:|"
for path in "/kpis?snapshot=$SNAPSHOTS" "/kpis/trend" "/kpis/trend?dimension=owner&group=owner-7"; do
  bytes=$(curl -sf -H "Authorization: Bearer $SESSION" "$BASE$path" | wc -c)
  report "| \`$path\` | $(timed "$path") | $bytes |"
done
report ""
# The KPIs' read of a snapshot: its narrow inputs (V21); before them, the wide rows with their metrics JSON.
psql_q -c "explain (analyze, buffers) select customer_id, tier, orders, purchase_days, net_cents, last_purchase_day, clv,
  p_alive, complaints, owner, region, industry from snapshot_kpi_input where run_id = $SNAPSHOTS order by customer_id" \
  >"$RUN_DIR/explain-inputs.txt"
psql_q -c "explain (analyze, buffers) select customer_id, model_tier, owner, recency_days, frequency, monetary_cents, clv,
  p_alive, metrics from snapshot_row where run_id = $SNAPSHOTS order by customer_id" >"$RUN_DIR/explain-snapshot.txt"
psql_q -c "explain (analyze, buffers) select model_changed, figures from snapshot_kpi where run_id = $SNAPSHOTS
  order by position" >"$RUN_DIR/explain-page.txt"
report "Plans: \`$RUN_DIR/explain-*.txt\`; logs: \`$RUN_DIR\`. Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
stop_server
cat "$REPORT"
cat "$REPORT" >>"$ROOT/bench/results/kpi.md"
