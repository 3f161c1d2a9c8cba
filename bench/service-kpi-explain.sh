#!/usr/bin/env bash
# The service KPIs' reads (contact coverage, task completion: bench/service-kpi-explain.sql) on PostgreSQL, before
# and after migration V42's indexes, on data loaded directly in SQL into the server's own schema (migrations up to
# V41 applied in order, then V42 between the two halves). Usage:
#   flock /tmp/strata-bench.lock bench/service-kpi-explain.sh [customers=250000] [passes=5]
# Per customer: 8 interactions over two years (a quarter of them complaints or inquiries) and 4 service tasks of the
# past year and the next two weeks (bench/tasks-generate.sql's mix). INTERACTION_ORDER='random()' scatters the interactions
# over the table instead of appending them in time order. Prints the median execution time of each read
# before and after, and keeps the last pass's plans in bench/results/service-kpi-explain-<customers>-{before,after}.txt
# (gitignored).
set -euo pipefail

CUSTOMERS=${1:-250000}
PASSES=${2:-5}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$ROOT/bench/results"

. "$ROOT/bench/pg-lib.sh"
# V42 held back: applied between the two halves.
for file in $(migrations | awk '$1 < 42 { print $2 }'); do psql -f "$file" >/dev/null; done

echo "[$(date -u +%H:%M:%S)] loading $CUSTOMERS customers, interactions and tasks" >&2
psql >/dev/null <<SQL
select setseed(0.17);
insert into customer (id, name, industry, size, region, owner, phone, email, updated_at)
  select 'C' || lpad(i::text, 7, '0'), '客户' || i, '制造', '中型', '华东', 'owner' || (i % 200), '', '', now()
  from generate_series(1, $CUSTOMERS) i;
-- In time order, as imports and completed tasks append them: a window of days is then a run of pages (with
-- INTERACTION_ORDER='random()', scattered over the table instead).
insert into interaction (record_id, customer_id, at, type, channel, outcome)
  select * from (select 'I' || i, 'C' || lpad((1 + floor(random() * $CUSTOMERS))::int::text, 7, '0'),
    now()::date - (random() * 730)::int + make_interval(mins => (random() * 1440)::int) as at,
    (array['visit', 'call', 'call', 'wechat', 'email', 'visit', 'complaint', 'inquiry'])[1 + i % 8],
    (array['', '', '', '微信', '邮件', '', '', ''])[1 + i % 8], 'bench'
  from generate_series(1, $CUSTOMERS * 8) i) g order by ${INTERACTION_ORDER:-at};
SQL
psql -v n=$((CUSTOMERS * 4)) -f "$ROOT/bench/tasks-generate.sql" >/dev/null
psql -c "vacuum analyze"

passes() {
  local label=$1
  for pass in $(seq "$PASSES"); do
    out=$(psql -v as_of="$(date -u +%F)" -v after="$(date -u -d '-90 days' +%F)" -v window=45 \
      -f "$ROOT/bench/service-kpi-explain.sql")
    [ "$pass" = "$PASSES" ] && echo "$out" >"$ROOT/bench/results/service-kpi-explain-$CUSTOMERS-$label.txt"
    echo "$out" | awk -v l="$label" '/^== / { c = substr($0, 4) } /Execution Time/ { print c "\t" l "\t" $3 }'
  done
}
{
  passes before
  for file in $(migrations | awk '$1 == 42 { print $2 }'); do psql -f "$file" >/dev/null; done
  psql -c "vacuum analyze"
  passes after
} | python3 -c '
import sys, statistics
times = {}
for line in sys.stdin:
    read, label, ms = line.rstrip("\n").split("\t")
    times.setdefault(read, {}).setdefault(label, []).append(float(ms))
print("| read | before ms, median (min-max) | after ms, median (min-max) | ratio |\n|---|---:|---:|---:|")
cell = lambda t: "%.1f (%.1f-%.1f)" % (statistics.median(t), min(t), max(t))
for read, t in times.items():
    b, a = t["before"], t["after"]
    print("| %s | %s | %s | %.1fx |" % (read, cell(b), cell(a), statistics.median(b) / statistics.median(a)))
'
echo "$PASSES passes each; plans of the last passes: bench/results/service-kpi-explain-$CUSTOMERS-{before,after}.txt" >&2
