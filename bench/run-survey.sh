#!/usr/bin/env bash
# The survey page benchmark of issue 16 ("200 answers per second sustained on 2 cores with p99 < 100 ms"): the packaged
# server on its embedded H2 database, N customers invited to an NPS survey, then answers POSTed to their single-use
# links at a fixed rate, open loop (bench/src/main/java/strata/bench/server/FixedRateLoad.java, run from source). One
# warm-up pass, then RUNS measured passes, each on fresh links; the median of the passes is reported. Usage:
#   bench/run-survey.sh [rate per second] [seconds per pass] [passes] [connections]
#   bench/run-survey.sh 200 60 3 32
# SERVER_JAR=<path> runs a given server jar instead of building one; WARMUP=<seconds> (default 20) the warm-up pass.
# Needs: java 17, curl, jq. Prints a Markdown report and appends it to bench/results/survey.md; logs are in
# bench/data/survey-<time>/.
set -euo pipefail

RATE=${1:-200}
SECONDS_PER_PASS=${2:-60}
RUNS=${3:-3}
CONNECTIONS=${4:-32}
WARMUP=${WARMUP:-20}
HEAP=${HEAP:-1g}
ADMIN_PASSWORD=bench-admin-password-1

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_JAR=$([ -z "${SERVER_JAR:-}" ] && echo yes || echo no)
SERVER_JAR=${SERVER_JAR:-$ROOT/server/target/strata-server.jar}
DRIVER=$ROOT/bench/src/main/java/strata/bench/server/FixedRateLoad.java
RUN_DIR=$ROOT/bench/data/survey-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN_DIR" "$ROOT/bench/results"
REPORT=$RUN_DIR/report.md
PER_PASS=$(awk -v r="$RATE" -v s="$SECONDS_PER_PASS" 'BEGIN { printf "%d", r * s }')
WARM=$(awk -v r="$RATE" -v s="$WARMUP" 'BEGIN { printf "%d", r * s }')
CUSTOMERS=$((WARM + PER_PASS * RUNS))

say() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
report() { echo "$*" >>"$REPORT"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

for tool in curl jq java; do
  command -v $tool >/dev/null || { echo "run-survey.sh: $tool is missing (apt-get install -y $tool)" >&2; exit 2; }
done
if [ "$BUILD_JAR" = no ]; then
  [ -f "$SERVER_JAR" ] || { echo "run-survey.sh: no $SERVER_JAR" >&2; exit 2; }
elif [ ! -f "$SERVER_JAR" ] || [ -n "$(find "$ROOT/server/src/main" "$ROOT/core/src/main" -type f -newer "$SERVER_JAR" | head -1)" ]; then
  say "building the server jar"
  (cd "$ROOT" && nice mvn -q -B -DskipTests -pl core,web,server package)
fi

# --- server ------------------------------------------------------------------------------------------------------
SERVER_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$SERVER_PORT
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
say "starting the server on port $SERVER_PORT (heap $HEAP, embedded H2)"
# Every answer comes from 127.0.0.1: the per-address limit is lifted (the per-link one stays).
java -Xmx"$HEAP" -jar "$SERVER_JAR" --strata.data="$RUN_DIR/strata-data" --strata.admin.password="$ADMIN_PASSWORD" \
  --strata.runs.after-import=false --strata.surveys.per-address=100000000 --server.port="$SERVER_PORT" \
  >"$RUN_DIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 300); do
  curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died; see $RUN_DIR/server.log" >&2; exit 1; }
  sleep 1
done
TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/v1/auth/login" | jq -r .token)
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }

# --- customers, a run, invitations -------------------------------------------------------------------------------
say "loading $CUSTOMERS customers, tiering, inviting"
jq -n '{yaml: "tiers:\n  - id: all\n    name: {zh: 全部, en: All}\n    when: true\n    service:\n      survey: {nps_every_days: 90, channel: sms}\n", note: "survey bench"}' \
  | api -X PUT -d @- "$BASE/api/v1/model" >/dev/null
for ((from = 0; from < CUSTOMERS; from += 5000)); do
  to=$((from + 5000 < CUSTOMERS ? from + 5000 : CUSTOMERS))
  jq -n --argjson a "$from" --argjson b "$to" '[range($a; $b) | {id: "S\(.)", name: "Customer \(.)", owner: "rep\(. % 20)"}]' \
    | api -d @- "$BASE/api/v1/batch/customers" >/dev/null
  jq -n --argjson a "$from" --argjson b "$to" '[range($a; $b) | {recordId: "t\(.)", customerId: "S\(.)", date: "2026-01-05", amount: "100"}]' \
    | api -d @- "$BASE/api/v1/batch/transactions" >/dev/null
done
RUN_ID=$(api -d '{}' "$BASE/api/v1/runs" | jq -r .id)
while [ "$(api "$BASE/api/v1/runs/$RUN_ID" | jq -r .status)" = running ]; do sleep 1; done
api -d '{}' "$BASE/api/v1/surveys/invitations" >"$RUN_DIR/planned.json"
api "$BASE/api/v1/surveys/invitations?status=open&limit=$CUSTOMERS" | jq -r '.[].url' | sed 's|^https\?://[^/]*||' \
  >"$RUN_DIR/links.txt"
[ "$(wc -l <"$RUN_DIR/links.txt")" -ge "$CUSTOMERS" ] || { echo "only $(wc -l <"$RUN_DIR/links.txt") links" >&2; exit 1; }

# --- load --------------------------------------------------------------------------------------------------------
report "## Survey page benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
report ""
report "- command: \`bench/run-survey.sh $RATE $SECONDS_PER_PASS $RUNS $CONNECTIONS\` (WARMUP=$WARMUP, HEAP=$HEAP), $([ "$BUILD_JAR" = yes ] && echo "commit $(git -C "$ROOT" rev-parse --short HEAD)" || echo "server jar $SERVER_JAR")"
report "- machine: nproc $(nproc), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1), embedded H2; driver and server share the cores"
report "- $CUSTOMERS customers and invitations; answers POSTed open loop at $RATE/s to distinct links over at most $CONNECTIONS connections, latency from each answer's planned send time"
report ""
report "| pass | answers | 200 | other | errors | achieved /s | p50 ms | p90 ms | p99 ms | max ms | load avg before | after |"
report "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
pass() { # name first seconds
  local before out
  before=$(loadavg)
  out=$(java "$DRIVER" --survey-answer "$BASE" "$RUN_DIR/links.txt" "$2" "$RATE" "$3" "$CONNECTIONS")
  echo "$out" >"$RUN_DIR/pass-$1.txt"
  read -r sent ok other errors secs achieved p50 p90 p99 max <<<"$out"
  report "| $1 | $sent | $ok | $other | $errors | $achieved | $p50 | $p90 | $p99 | $max | $before | $(loadavg) |"
}
say "warm-up: $WARMUP s at $RATE/s"
pass warm-up 0 "$WARMUP"
for ((k = 0; k < RUNS; k++)); do
  say "pass $((k + 1)) of $RUNS: $SECONDS_PER_PASS s at $RATE/s"
  pass $((k + 1)) $((WARM + k * PER_PASS)) "$SECONDS_PER_PASS"
done
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
col() { for ((k = 1; k <= RUNS; k++)); do awk -v c="$1" '{ print $c }' "$RUN_DIR/pass-$k.txt"; done | median; }
ANSWERED=$(api "$BASE/api/v1/surveys/invitations?status=answered&limit=100000" | jq length)
report ""
report "Median of the $RUNS passes: $(col 6) answers/s achieved, p50 $(col 7) ms, p99 $(col 9) ms. Invitations answered"
report "after all passes: $ANSWERED of $((WARM + PER_PASS * RUNS)) sent ($(cat "$RUN_DIR"/pass-*.txt | awk '{ s += $2 } END { print s }') acknowledged with 200;"
report "an answer whose client gave up after 30 s may still be stored)."
report ""
cat "$REPORT"
cat "$REPORT" >>"$ROOT/bench/results/survey.md"
