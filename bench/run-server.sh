#!/usr/bin/env bash
# The server benchmark of issue 4: imports, a full tiering run and API latency under load, on loopback against a
# private PostgreSQL cluster (DB=h2: the embedded H2 database instead). Usage:
#   bench/run-server.sh [customers] [rows] [wrk duration] [wrk connections]
#   bench/run-server.sh 1000000 20000000 30s 16
#   DB=h2 bench/run-server.sh 250000 5000000 30s 16
#   TASKS=5000000 bench/run-server.sh 1000000 2000000 20s 16   (task lists: bench/tasks-load.sh; PostgreSQL only)
# AFTER_JAR=<path>: the latency passes of KINDS run on SERVER_JAR, then again on AFTER_JAR over the same database.
# RUNS=n repeats the tiering run; SERVER_JAR_B=<path> alternates it with a second jar (see the run section).
# RATES="lookup:500 task_rep_today:100" adds open-loop passes at fixed rates (see "fixed rate" below).
# PG_OPTS adds PostgreSQL settings (e.g. "-c log_min_duration_statement=200"; the log is kept as postgres.log).
# IMPORT_ONLY=1 stops after the imports; PEER_COPY=1 (PostgreSQL) then times PostgreSQL's own COPY of the same rows.
# HOLD=1 keeps the server and PostgreSQL up after the report (for plans by hand) until its run folder's hold file goes.
# SERVER_JAR=<path> runs a given server jar (e.g. a copy of an older build, for before/after) instead of building.
# Needs: PostgreSQL 15 binaries (/usr/lib/postgresql/15/bin), wrk, curl, jq; run as root (the cluster runs as the
# postgres user through runuser) or as a user who can run initdb itself. Prints a Markdown report and appends it to
# bench/results/server.md; logs are in bench/data/server-<customers>-<rows>/run-<time>/.
set -euo pipefail

CUSTOMERS=${1:-100000}
ROWS=${2:-2000000}
DURATION=${3:-30s}
CONNECTIONS=${4:-16}
PART_ROWS=${PART_ROWS:-5000000}     # uploads are capped at 200 MB; 5M rows of the generator's CSV are ~135 MB
HEAP=${HEAP:-6g}
DB=${DB:-postgres}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ADMIN_PASSWORD=bench-admin-password-1

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_JARS=$([ -z "${SERVER_JAR:-}" ] && echo yes || echo no)
SERVER_JAR=${SERVER_JAR:-$ROOT/server/target/strata-server.jar}
BENCH_JAR=${BENCH_JAR:-$ROOT/bench/target/strata-bench.jar}
DATA=$ROOT/bench/data/server-$CUSTOMERS-$ROWS
RUN_DIR=$DATA/run-$DB-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN_DIR" "$ROOT/bench/results"
REPORT=$RUN_DIR/report.md

say() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
report() { echo "$*" >>"$REPORT"; }

for tool in curl jq wrk; do
  command -v $tool >/dev/null || { echo "run-server.sh: $tool is missing (apt-get install -y $tool)" >&2; exit 2; }
done
[ -x "$PG_BIN/initdb" ] || { echo "run-server.sh: no PostgreSQL binaries in $PG_BIN (set PG_BIN)" >&2; exit 2; }

# --- build -------------------------------------------------------------------------------------------------------
newest_source() { find "$ROOT/$1/src/main" "$ROOT/core/src/main" -type f -newer "$2" 2>/dev/null | head -1; }
if [ "$BUILD_JARS" = no ]; then
  [ -f "$SERVER_JAR" ] || { echo "run-server.sh: no $SERVER_JAR" >&2; exit 2; }
elif [ ! -f "$SERVER_JAR" ] || [ -n "$(newest_source server "$SERVER_JAR")" ] \
    || [ ! -f "$BENCH_JAR" ] || [ -n "$(newest_source bench "$BENCH_JAR")" ]; then
  say "building server and bench jars"
  (cd "$ROOT" && mvn -q -B -DskipTests -pl server,bench -am package)
fi

# --- data --------------------------------------------------------------------------------------------------------
if [ ! -f "$DATA/customers.csv" ]; then
  say "generating $CUSTOMERS customers"
  java -cp "$BENCH_JAR" strata.bench.server.GenerateCustomers --customers "$CUSTOMERS" --out "$DATA/customers.csv" \
    --owners-out "$DATA/owners.txt"
fi
if [ ! -f "$DATA/tx.parts" ]; then
  say "generating $ROWS transactions"
  java -cp "$BENCH_JAR" strata.bench.GenerateTransactions --rows "$ROWS" --customers "$CUSTOMERS" --seed 42 \
    --out "$DATA/tx.csv" >"$DATA/tx.maxdate"
  rm -f "$DATA"/tx-part-*.csv
  tail -n +2 "$DATA/tx.csv" | split -l "$PART_ROWS" -d -a 3 --additional-suffix=.csv - "$DATA/tx-part-"
  for part in "$DATA"/tx-part-*.csv; do
    { echo "customer_id,order_date,amount"; cat "$part"; } >"$part.tmp" && mv "$part.tmp" "$part"
  done
  rm -f "$DATA/tx.csv"
  ls "$DATA"/tx-part-*.csv >"$DATA/tx.parts"
fi

# --- PostgreSQL (or H2) -----------------------------------------------------------------------------------------
PG_DIR=$(mktemp -d /tmp/strata-srvbench-pg.XXXXXX)
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
SERVER_PID=
SAMPLER_PID=
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  [ "$DB" = h2 ] || as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  [ -f "$PG_DIR/postgres.log" ] && cp "$PG_DIR/postgres.log" "$RUN_DIR/postgres.log"
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
if [ "$DB" = h2 ]; then
  # The server's default: an embedded H2 file database under strata.data (here the run folder).
  DB_ARGS=()
else
say "starting PostgreSQL on port $PG_PORT"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U strata -E UTF8 --no-locale >"$RUN_DIR/initdb.log"
# Durable defaults (fsync and synchronous commit on); only memory and checkpoint spacing are raised for a bulk load.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -o "-p $PG_PORT -k $PG_DIR \
  -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c work_mem=64MB -c maintenance_work_mem=512MB \
  -c max_wal_size=8GB -c checkpoint_timeout=15min ${PG_OPTS:-}" start >/dev/null
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U strata -d postgres -c "create database strata"
DB_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/strata?reWriteBatchedInserts=true"
  --spring.datasource.username=strata)
fi

# --- server ------------------------------------------------------------------------------------------------------
SERVER_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$SERVER_PORT/api/v1
# JAVA_OPTS: extra JVM options, e.g. -XX:StartFlightRecording=filename=run.jfr for a profile.
# start_server JAR [seconds to wait for it, 120 by default: migrations over large tables take longer]
start_server() {
  say "starting the server $1 on port $SERVER_PORT (heap $HEAP)"
  java -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$1" "${DB_ARGS[@]}" --strata.data="$RUN_DIR/strata-data" \
    --strata.admin.password="$ADMIN_PASSWORD" --strata.runs.after-import=false --server.port="$SERVER_PORT" \
    >>"$RUN_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq "${2:-120}"); do
    curl -sf "http://127.0.0.1:$SERVER_PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died; see $RUN_DIR/server.log" >&2; exit 1; }
    sleep 1
  done
  # Resident memory of the server JVM every second (peak per phase is read from this file).
  ( while kill -0 "$SERVER_PID" 2>/dev/null; do
      echo "$(date +%s) $(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status 2>/dev/null)"; sleep 1; done ) \
    >>"$RUN_DIR/rss.log" &
  SAMPLER_PID=$!
}
# Waits until the server spends under a tenth of a core for 2 s, at most $1 seconds (180 by default): what follows a
# publication (re-planning tasks, duplicate pairs) must not overlap the next run or pass. If it never does, it says so
# and returns 0 (a non-zero status here was a silent exit under set -e).
await_idle() {
  local before after
  for _ in $(seq $(( ${1:-180} / 2 ))); do
    before=$(awk '{print $14 + $15}' /proc/$SERVER_PID/stat); sleep 2
    after=$(awk '{print $14 + $15}' /proc/$SERVER_PID/stat)
    [ $((after - before)) -lt 20 ] && return 0
  done
  say "the server is still busy after ${1:-180} s; measuring anyway"
  report "The server was still busy (its re-plan) ${1:-180} s after the run; the passes below ran beside it."
  return 0
}
stop_server() {
  kill "$SAMPLER_PID" 2>/dev/null || true
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
}
start_server "$SERVER_JAR"
rss_peak_mib() { awk -v a="${1%.*}" -v b="${2%.*}" '$1 >= a && $1 <= b + 1 && $2 > m { m = $2 } END { printf "%d", m / 1024 }' "$RUN_DIR/rss.log"; }

SESSION=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/auth/login" | jq -r .token)
TOKEN=$(curl -sf -H "Authorization: Bearer $SESSION" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "$BASE/tokens" | jq -r .token)
AUTH="Authorization: Bearer $TOKEN"
api() { curl -sf -H "$AUTH" "$@"; }

# Uploads one file and waits for its import; prints "seconds accepted inserted".
import_file() {
  local kind=$1 file=$2 t0 id status job
  t0=$(now)
  id=$(api -F "kind=$kind" -F "file=@$file;type=text/csv" "$BASE/imports" | jq -r .id)
  while :; do
    job=$(api "$BASE/imports/$id")
    status=$(jq -r .status <<<"$job")
    [ "$status" = succeeded ] && break
    [ "$status" = failed ] && { echo "import of $file failed: $(jq -r .error <<<"$job")" >&2; exit 1; }
    sleep 1
  done
  echo "$(secs "$t0" "$(now)") $(jq -r '.quality.accepted' <<<"$job") $(jq -r '.quality.inserted' <<<"$job")"
}

report "## Server benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
report ""
report "- command: \`DB=$DB bench/run-server.sh $CUSTOMERS $ROWS $DURATION $CONNECTIONS\` (HEAP=$HEAP, PART_ROWS=$PART_ROWS), $([ "$BUILD_JARS" = yes ] && echo "commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- server core || echo ' + uncommitted changes')" || echo "server jar $SERVER_JAR")"
report "- machine: nproc $(nproc), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1), $([ "$DB" = h2 ] && echo "H2 (embedded)" || echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
report "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
report ""

# --- imports -----------------------------------------------------------------------------------------------------
say "importing customers"
T_IMPORT=$(now)
read -r secs_c accepted_c inserted_c < <(import_file customers "$DATA/customers.csv")
report "| import | rows accepted | inserted | wall s | rows/s |"
report "|---|---:|---:|---:|---:|"
report "| customers.csv | $accepted_c | $inserted_c | $secs_c | $(awk -v n="$accepted_c" -v s="$secs_c" 'BEGIN { printf "%.0f", n / s }') |"
T_TX=$(now)
total_tx=0
while read -r part; do
  say "importing $(basename "$part")"
  read -r secs_t accepted_t inserted_t < <(import_file transactions "$part")
  total_tx=$((total_tx + accepted_t))
  report "| $(basename "$part") | $accepted_t | $inserted_t | $secs_t | $(awk -v n="$accepted_t" -v s="$secs_t" 'BEGIN { printf "%.0f", n / s }') |"
done <"$DATA/tx.parts"
T_TX_END=$(now)
secs_tx=$(secs "$T_TX" "$T_TX_END")
report "| **all transactions** | $total_tx | | **$secs_tx** | $(awk -v n="$total_tx" -v s="$secs_tx" 'BEGIN { printf "%.0f", n / s }') |"
report ""
report "Server peak RSS during imports: $(rss_peak_mib "$T_IMPORT" "$T_TX_END") MiB."
report ""
# The database's own COPY of the very rows the import stored, into a copy of the table with the same indexes: the
# floor for any import that writes those rows (PEER_COPY=1, PostgreSQL only).
if [ -n "${PEER_COPY:-}" ] && [ "$DB" != h2 ]; then
  psql_c() { "$PG_BIN/psql" -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U strata -d strata "$@"; }
  say "peer: COPY of the same rows"
  psql_c -c "\\copy (select * from purchase) to '$RUN_DIR/purchase-rows.csv' (format csv)"
  psql_c -c "create table purchase_peer (like purchase including all)" -c "checkpoint"
  T_PEER=$(now)
  psql_c -c "\\copy purchase_peer from '$RUN_DIR/purchase-rows.csv' (format csv)" >/dev/null
  secs_peer=$(secs "$T_PEER" "$(now)")
  report "Peer: PostgreSQL's own \`COPY\` of the same $total_tx rows into a table like \`purchase\` (same indexes), right"
  report "after: **$secs_peer s**, $(awk -v n="$total_tx" -v s="$secs_peer" 'BEGIN { printf "%.0f", n / s }') rows/s; Strata's import took $(awk -v a="$secs_tx" -v b="$secs_peer" 'BEGIN { printf "%.2f", a / b }')× as long."
  report ""
  psql_c -c "drop table purchase_peer" -c "checkpoint"
  rm -f "$RUN_DIR/purchase-rows.csv"
fi
if [ -n "${IMPORT_ONLY:-}" ]; then cat "$REPORT"; cat "$REPORT" >>"$ROOT/bench/results/server.md"; exit 0; fi

# --- run ---------------------------------------------------------------------------------------------------------
# RUNS=n runs the tiering n times in a row on the same data (the second and later runs also compute tier flows from
# the previous snapshot); each is reported. A run queued behind the previous one's re-planning shows it as its first
# phase.
# SERVER_JAR_B=<path>: even-numbered runs use that jar instead (the server restarted on the same database), for a
# before/after side by side on one import.
for run_no in $(seq "${RUNS:-1}"); do
[ "$run_no" -gt 1 ] && await_idle
if [ -n "${SERVER_JAR_B:-}" ] && [ "$run_no" -gt 1 ]; then
  stop_server
  start_server "$([ $((run_no % 2)) = 0 ] && echo "$SERVER_JAR_B" || echo "$SERVER_JAR")"
  await_idle
fi
say "running a full tiering ($run_no of ${RUNS:-1})"
report "Run $run_no, server $(if [ -n "${SERVER_JAR_B:-}" ] && [ $((run_no % 2)) = 0 ]; then echo "$SERVER_JAR_B"; else echo "$SERVER_JAR"; fi), load average $(cut -d' ' -f1-3 /proc/loadavg):"
report ""
T_RUN=$(now)
RUN_ID=$(api -H 'Content-Type: application/json' -d '{}' "$BASE/runs" | jq -r .id)
last_phase=
report "| run phase (polled every 0.5 s) | started at s |"
report "|---|---:|"
while :; do
  run=$(api "$BASE/runs/$RUN_ID")
  status=$(jq -r .status <<<"$run")
  phase=$(jq -r 'if (.phase | type) == "object" then .phase.en else .phase end' <<<"$run") # {code, zh, en}; older servers sent text
  if [ "$phase" != "$last_phase" ]; then
    report "| $phase | $(secs "$T_RUN" "$(now)") |"
    last_phase=$phase
  fi
  [ "$status" = succeeded ] && break
  [ "$status" = failed ] && { echo "run failed: $(jq -r .error <<<"$run")" >&2; exit 1; }
  sleep 0.5
done
T_RUN_END=$(now)
report "| **succeeded** ($(jq -r .customers <<<"$run") customers) | **$(secs "$T_RUN" "$T_RUN_END")** |"
report ""
report "Tier counts: \`$(jq -c .tierCounts <<<"$run")\`. Server peak RSS during the run: $(rss_peak_mib "$T_RUN" "$T_RUN_END") MiB."
report ""
done
if [ "$DB" != h2 ]; then
psql_q() { "$PG_BIN/psql" -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U strata -d strata -c "$1"; }
report "Database: $(psql_q "select pg_size_pretty(pg_database_size('strata'))"); largest relations: $(psql_q "select string_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid)), ', ' order by pg_total_relation_size(c.oid) desc) from (select oid, relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by pg_total_relation_size(oid) desc limit 5) c")."
report ""
else
report "Database: $(du -sh "$RUN_DIR/strata-data/db" | cut -f1) on disk (H2)."
report ""
fi

# --- latency under load ------------------------------------------------------------------------------------------
# The run's re-plan (about a task per customer, in one transaction: minutes at 1M customers) follows its publication;
# the passes wait for it, or they measure requests beside a plan being written (PostgreSQL; H2 waits for an idle server).
if [ "$DB" != h2 ]; then
  say "waiting for the re-plan after run $RUN_ID"
  for _ in $(seq 1800); do
    [ "$(psql_q "select coalesce(run_id, 0) from task_plan where id = 1")" = "$RUN_ID" ] && break
    sleep 1
  done
  # The plan's and the run's writes leave autovacuum's work (visibility maps, statistics) to a time of its own, which
  # fell into the first latency pass; done here, as autovacuum would, so that each pass and each jar start alike.
  T_VACUUM=$(now)
  psql_q "vacuum analyze" >/dev/null
  report "Before the latency passes: \`vacuum analyze\` of the database, $(secs "$T_VACUUM" "$(now)") s."
  report ""
fi
# H2 has no task_plan probe here: the server's own CPU tells when its re-plan is done (minutes at 250k).
await_idle "$([ "$DB" = h2 ] && echo 1800 || echo 180)"
TIERS=$(api "$BASE/meta" | jq -r '[.tiers[].id] | map("\"" + . + "\"") | join(",")')
OWNERS=$(head -n 50 "$DATA/owners.txt" | awk '{ printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 }')
WORDS='"华信","恒达","中科","鼎盛","瑞丰","博远","金桥","新元","C00012","C0004"'
LUA=$RUN_DIR/load.lua
cat >"$LUA" <<EOF
-- Generated by bench/run-server.sh: random requests of one kind (wrk's args: lookup, list or search).
local customers, digits = $CUSTOMERS, math.max(7, string.len(tostring($CUSTOMERS - 1)))
local tiers = { $TIERS }
local owners = { $OWNERS }
local words = { $WORDS }
local kind = "lookup"
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init(args)
  kind = args[1] or "lookup"
  math.randomseed((seed or 1) * 7919 + os.time())
  wrk.headers["Authorization"] = "Bearer $TOKEN"
  wrk.headers["Accept-Encoding"] = "gzip"
end
local function enc(s) return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)) end
function request()
  if kind == "lookup" then
    return wrk.format("GET", string.format("/api/v1/customers/C%0" .. digits .. "d", math.random(0, customers - 1)))
  elseif kind == "list" then
    return wrk.format("GET", "/api/v1/customers?tier=" .. enc(tiers[math.random(#tiers)]) .. "&owner="
      .. enc(owners[math.random(#owners)]) .. "&page=" .. math.random(0, 4) .. "&size=50")
  elseif kind == "list_sort" then
    return wrk.format("GET", "/api/v1/customers?sort=" .. (math.random(2) == 1 and "id" or "monetary,desc") .. "&page="
      .. math.random(0, 19) .. "&size=50")
  elseif kind == "list_metric_sort" then
    local sorts = { "frequency", "recencyDays", "clv", "pAlive", "name" }
    return wrk.format("GET", "/api/v1/customers?sort=" .. sorts[math.random(#sorts)] .. (math.random(2) == 1 and ",asc"
      or ",desc") .. "&page=" .. math.random(0, 19) .. "&size=50")
  elseif kind == "list_owner_sort" then
    local sorts = { "monetary,desc", "frequency,desc", "recencyDays", "clv,desc", "pAlive,desc" }
    return wrk.format("GET", "/api/v1/customers?owner=" .. enc(owners[math.random(#owners)]) .. "&sort="
      .. sorts[math.random(#sorts)] .. "&page=" .. math.random(0, 4) .. "&size=50")
  elseif kind == "dashboard" then
    return wrk.format("GET", "/api/v1/dashboard")
  elseif kind == "list_tier" then
    return wrk.format("GET", "/api/v1/customers?tier=" .. enc(tiers[math.random(#tiers)]) .. "&page="
      .. math.random(0, 19) .. "&size=50")
  else
    return wrk.format("GET", "/api/v1/customers?q=" .. enc(words[math.random(#words)]) .. "&page=0&size=50")
  end
end
EOF
lua_for() { case $1 in task_*) echo "$TASK_LUA" ;; *) echo "$LUA" ;; esac; }
[ -n "${TASKS:-}" ] && . "$ROOT/bench/tasks-load.sh"
# AFTER_JAR=<path>: every kind of KINDS is loaded first on SERVER_JAR, then the server is restarted on AFTER_JAR over the same
# database (its migrations run then) and run-server.sh loads them again: before and after side by side on one data set.
kinds_pass() {
  local kind out p50 p90 p99 max non2xx
  report "| request ($1) | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx |"
  report "|---|---:|---:|---:|---:|---:|---:|"
  for kind in ${KINDS:-lookup list list_tier list_sort search dashboard}; do
    say "load ($1): $kind (warm-up 10s, then $DURATION)"
    wrk -t2 -c"$CONNECTIONS" -d10s -s "$(lua_for "$kind")" "http://127.0.0.1:$SERVER_PORT" -- "$kind" >/dev/null 2>&1
    out=$RUN_DIR/wrk-$kind-before.txt
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s "$(lua_for "$kind")" "http://127.0.0.1:$SERVER_PORT" \
      -- "$kind" >"$out" 2>&1
    ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }
    p50=$(awk '$1 == "50%" {print $2}' "$out"); p90=$(awk '$1 == "90%" {print $2}' "$out")
    p99=$(awk '$1 == "99%" {print $2}' "$out"); max=$(awk '/Latency/ && NF >= 4 {print $4; exit}' "$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$out")
    report "| $kind | $(awk '/Requests\/sec/ {printf "%.0f", $2}' "$out") | $(ms "$p50") | $(ms "$p90") | $(ms "$p99") | $(ms "$max") | ${non2xx:-0} |"
  done
  report ""
}
if [ -n "${AFTER_JAR:-}" ]; then
  kinds_pass "$(basename "$SERVER_JAR")"
  [ -n "${TASKS:-}" ] && { "$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U strata -d strata -v before=1 \
    -v owner="$REP_OWNER" -v today="$TODAY" -v team="$(printf "'%s'," "${TEAM[@]}" | sed 's/,$//')" \
    -f "$ROOT/bench/tasks-explain.sql" >"$RUN_DIR/tasks-explain-before.txt" 2>&1 || true; }
  say "restarting the server on $AFTER_JAR"
  stop_server
  T_RESTART=$(now)
  start_server "$AFTER_JAR" 900
  report "Restarted on AFTER_JAR $(basename "$AFTER_JAR") (its migrations over the $CUSTOMERS customers${TASKS:+ and $TASKS tasks} included): up in $(secs "$T_RESTART" "$(now)") s."
  if [ -n "${TASKS:-}" ]; then
    # A migration that rewrites every task (V31) leaves the visibility map empty until autovacuum has passed, and
    # index-only scans read the rows meanwhile; the before side was measured after a vacuum too.
    T_VACUUM=$(now)
    psql_q "vacuum analyze service_task" >/dev/null
    report "Then vacuum analyze service_task, as autovacuum would after the migration: $(secs "$T_VACUUM" "$(now)") s."
  fi
  report "The tables below are AFTER_JAR's."
  report ""
fi
report "Latency under load: \`wrk -t2 -c$CONNECTIONS -d$DURATION --latency -s load.lua\` on loopback after a 10 s warm-up of"
report "the same kind (wrk, the server and PostgreSQL share the $(nproc) cores). lookup = \`GET /customers/{random id}\`;"
report "list = \`?tier=<random>&owner=<one of the 50 largest books>&page=0..4&size=50\`; list_tier = \`?tier=<random>&page=0..19&size=50\`;"
report "search = \`?q=<company-name word or id prefix>&size=50\`; list_sort = \`?sort=id|monetary,desc&page=0..19&size=50\`;"
report "list_owner_sort (only when asked for in KINDS) = \`?owner=<one of the 50 largest books>&sort=<a metric>&page=0..4&size=50\`;"
report "list_metric_sort (only when asked for in KINDS) = \`?sort=frequency|recencyDays|clv|pAlive|name,asc|desc&page=0..19&size=50\`;"
report "dashboard = \`GET /dashboard\`."
report ""
report "| request | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | server peak RSS MiB |"
report "|---|---:|---:|---:|---:|---:|---:|---:|"
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }
for kind in ${KINDS:-lookup list list_tier list_sort search dashboard}; do
  say "load: $kind (warm-up 10s, then $DURATION)"
  wrk -t2 -c"$CONNECTIONS" -d10s -s "$(lua_for "$kind")" "http://127.0.0.1:$SERVER_PORT" -- "$kind" >"$RUN_DIR/wrk-$kind-warmup.txt" 2>&1
  T_LOAD=$(now)
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s "$(lua_for "$kind")" "http://127.0.0.1:$SERVER_PORT" -- "$kind" \
    >"$RUN_DIR/wrk-$kind.txt" 2>&1
  out=$RUN_DIR/wrk-$kind.txt
  p() { awk -v q="$1" '$1 == q {print $2}' "$out"; }
  max=$(awk '/Latency/ && NF >= 4 {print $4; exit}' "$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$out")
  report "| $kind | $(awk '/Requests\/sec/ {printf "%.0f", $2}' "$out") | $(to_ms "$(p 50%)") | $(to_ms "$(p 90%)") | $(to_ms "$(p 99%)") | $(to_ms "$max") | ${non2xx:-0} | $(rss_peak_mib "$T_LOAD" "$(now)") |"
done
report ""

# --- fixed rate --------------------------------------------------------------------------------------------------
# RATES="lookup:500 task_rep_today:100": each kind open loop at that many requests a second (FixedRateLoad, latency
# from each request's planned send time, at most RATE_CONNECTIONS in flight; each pass's first 2 s, the driver's own
# start, sent and not counted), a warm-up of 10 s, then RATE_PASSES
# passes of the wrk duration; the median pass is the figure. Kinds: health (the floor), lookup, search and the task kinds (TASKS=N).
# Requests slower than RATE_SLOW_MS (100) are listed in slow-<kind>-<pass>.txt with the wall-clock time they were due.
if [ -n "${RATES:-}" ]; then
  DRIVER=$ROOT/bench/src/main/java/strata/bench/server/FixedRateLoad.java
  RATE_SECONDS=${DURATION%s}
  # Random requests of a kind, drawn as load.lua and tasks.lua draw them (seeded, so every run asks the same).
  paths_for() {
    KIND=$1 N=$2 CUSTOMERS=$CUSTOMERS WORDS=$WORDS TEAM_LIST="$(printf '%s\n' "${TEAM[@]:-}")" \
      REP_LIST="$(echo "${REP_CUSTOMERS:-}" | tr -d '"' | tr ',' '\n')" TOMORROW="${TODAY:+$(date -d "$TODAY + 1 day" +%F)}" \
      FORTNIGHT="${TODAY:+$(date -d "$TODAY + 15 days" +%F)}" TODAY="${TODAY:-}" python3 - <<'PY'
import os, random, urllib.parse as u
r = random.Random(42)
kind, n = os.environ["KIND"], int(os.environ["N"])
customers = int(os.environ["CUSTOMERS"])
digits = max(7, len(str(customers - 1)))
team = [t for t in os.environ["TEAM_LIST"].split("\n") if t]
reps = [c for c in os.environ["REP_LIST"].split("\n") if c]
words = [w.strip('"') for w in os.environ["WORDS"].split(",")]
e = lambda s: u.quote(s, safe="")
tomorrow, fortnight, today = os.environ["TOMORROW"], os.environ["FORTNIGHT"], os.environ["TODAY"]
for _ in range(n):
    if kind == "health":  # the floor: the HTTP stack, the driver and the machine, no query
        p = "/actuator/health"
    elif kind == "lookup":
        p = "/api/v1/customers/C%0*d" % (digits, r.randrange(customers))
    elif kind == "search":
        p = "/api/v1/customers?q=%s&page=0&size=50" % e(r.choice(words))
    elif kind == "task_rep_today":
        p = "/api/v1/tasks?status=open&dueBefore=%s&size=200" % tomorrow
    elif kind == "task_rep_upcoming":
        p = "/api/v1/tasks?status=open&dueBefore=%s&size=200" % fortnight
    elif kind == "task_rep_customer":
        p = "/api/v1/tasks?customerId=%s&size=200" % e(r.choice(reps))
    elif kind == "task_team_today":
        owner = "" if r.random() < 0.5 else "&owner=" + e(r.choice(team))
        p = "/api/v1/tasks?status=open&dueBefore=%s%s&size=200" % (tomorrow, owner)
    elif kind == "task_team_counts":
        f = r.choice(["status=open", "status=open&dueBefore=" + today, "status=done"])
        p = "/api/v1/tasks?%s&owner=%s&size=1" % (f, e(r.choice(team)))
    else:
        raise SystemExit("run-server.sh: no fixed-rate requests for " + kind)
    print(p)
PY
  }
  token_for() { case $1 in task_team*) echo "$MANAGER_TOKEN" ;; task_*) echo "$REP_TOKEN" ;; *) echo "$TOKEN" ;; esac; }
  report "Fixed rate (\`bench/src/main/java/strata/bench/server/FixedRateLoad.java\`, open loop: latency from each request's planned"
  report "send time, at most ${RATE_CONNECTIONS:-64} in flight; a 10 s warm-up, then ${RATE_PASSES:-3} passes of $DURATION, each after 2 s not counted (the driver's"
  report "own start in its JVM); the same seeded requests each run):"
  report ""
  report "| request | rate /s | pass | sent | 2xx | other | errors | achieved /s | p50 ms | p90 ms | p99 ms | max ms | load avg before → after |"
  report "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for pair in $RATES; do
    kind=${pair%%:*} rate=${pair#*:}
    paths=$RUN_DIR/rate-$kind.txt
    paths_for "$kind" 200000 >"$paths"
    p99s=()
    for pass in warm-up $(seq "${RATE_PASSES:-3}"); do
      secs_pass=$([ "$pass" = warm-up ] && echo 10 || echo "$RATE_SECONDS")
      say "fixed rate: $kind at $rate/s, pass $pass"
      before=$(cut -d' ' -f1-3 /proc/loadavg)
      read -r sent ok other errors _ achieved p50 p90 p99 max < <(java "$DRIVER" --cycle --warm-up 2 \
        --slow "${RATE_SLOW_MS:-100}" "$RUN_DIR/slow-$kind-$pass.txt" \
        --header "Authorization: Bearer $(token_for "$kind")" --header "Accept-Encoding: gzip" \
        "http://127.0.0.1:$SERVER_PORT" "$paths" "$(( ${pass/warm-up/0} * 50000 ))" "$rate" "$secs_pass" "${RATE_CONNECTIONS:-64}")
      report "| $kind | $rate | $pass | $sent | $ok | $other | $errors | $achieved | $p50 | $p90 | $p99 | $max | $before → $(cut -d' ' -f1-3 /proc/loadavg) |"
      [ "$pass" = warm-up ] || p99s+=("$p99")
    done
    report "| **$kind** | **$rate** | median p99 | | | | | | | | **$(printf '%s\n' "${p99s[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')** | | |"
  done
  report ""
fi
# Plans of the list queries at this size (bench/server-explain.sql), for "what dominates".
[ "$DB" = h2 ] || "$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U strata -d strata -v run="$RUN_ID" \
  -v tier="$(api "$BASE/meta" | jq -r '.tiers[-1].id')" -v owner="$(head -n 1 "$DATA/owners.txt")" \
  -f "$ROOT/bench/server-explain.sql" >"$RUN_DIR/explain.txt" 2>&1 || true
[ -n "${TASKS:-}" ] && { "$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U strata -d strata -v owner="$REP_OWNER" \
  -v today="$TODAY" -v team="$(printf "'%s'," "${TEAM[@]}" | sed 's/,$//')" -f "$ROOT/bench/tasks-explain.sql" \
  >"$RUN_DIR/tasks-explain.txt" 2>&1 || true; }
report "Server peak RSS overall: $(awk '$2 > m { m = $2 } END { printf "%d", m / 1024 }' "$RUN_DIR/rss.log") MiB (heap -Xmx$HEAP); load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
report ""
cat "$REPORT"
cat "$REPORT" >>"$ROOT/bench/results/server.md"
if [ -n "${HOLD:-}" ]; then
  # For plans by hand on the same database: the server and PostgreSQL stay up until the hold file is removed.
  echo "$BASE $TOKEN 127.0.0.1:$PG_PORT" >"$RUN_DIR/hold"
  say "holding: server $BASE, psql -h 127.0.0.1 -p $PG_PORT -U strata strata; rm $RUN_DIR/hold to stop"
  while [ -f "$RUN_DIR/hold" ]; do sleep 5; done
fi
