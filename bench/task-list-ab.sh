#!/bin/bash
# The 200-task list page, before and after jars alternating on copies of one demo data folder:
#   ./strata serve --demo --strata.data=DATA --strata.admin.password=admin-pass-123   (once, then stop it)
#   BEFORE=before.jar AFTER=after.jar DATA=DATA [RUNS=3] bench/task-list-ab.sh
set -u
: "${BEFORE:?} ${AFTER:?} ${DATA:?}"
PORT=${PORT:-8098}
COPY=$(mktemp -d /tmp/strata-task-ab.XXXXXX)
trap 'rm -rf "$COPY"' EXIT
for i in $(seq 1 "${RUNS:-3}"); do for side in BEFORE AFTER; do
  rm -rf "$COPY/data"; cp -r "$DATA" "$COPY/data"
  java -Xmx2g -jar "${!side}" --server.port="$PORT" --strata.data="$COPY/data" > "$COPY/$side.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 180); do curl -s -o /dev/null "localhost:$PORT/api/v1/health" && break; sleep 1; done
  token=$(curl -s -X POST "localhost:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"admin-pass-123"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
  printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$token" > "$COPY/auth.lua"
  wrk -t2 -c8 -d10s -s "$COPY/auth.lua" "http://localhost:$PORT/api/v1/tasks?size=200" > /dev/null
  echo "run $i $side load $(cut -d' ' -f1 /proc/loadavg)"
  wrk -t2 -c8 -d20s -s "$COPY/auth.lua" --latency "http://localhost:$PORT/api/v1/tasks?size=200" \
    | grep -E "Requests/sec|50%|99%"
  kill "$pid"; wait "$pid"
done; done
