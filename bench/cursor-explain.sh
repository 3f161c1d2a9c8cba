#!/usr/bin/env bash
# Deep pages of the customer list by offset and by cursor (after=) on PostgreSQL: EXPLAIN ANALYZE of the server's
# SQL (bench/cursor-explain.sql) on a snapshot loaded directly in SQL into the server's own schema (its migrations
# applied in order), so the plans are those of the real indexes without a 10-minute import first. Usage:
#   flock /tmp/strata-bench.lock bench/cursor-explain.sh [customers=250000] [passes=7]
# Prints the median execution time of each query over the passes (offset and cursor alternate within a pass) and
# keeps the last pass's plans in bench/results/cursor-explain-<customers>.txt (gitignored).
set -euo pipefail

CUSTOMERS=${1:-250000}
PASSES=${2:-7}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$ROOT/bench/results"
PLANS=$ROOT/bench/results/cursor-explain-$CUSTOMERS.txt

. "$ROOT/bench/pg-lib.sh"
for file in $(migrations | cut -d' ' -f2); do psql -f "$file" >/dev/null; done

echo "[$(date -u +%H:%M:%S)] loading $CUSTOMERS customers and one snapshot" >&2
# Scores on a 0.001 grid (ties of ~250 customers each, every 50th without one), purchase counts skewed to 1-3 (ties of
# tens of thousands), 200 owners, wide metrics and explanation texts as the server writes them (~1 KB each).
psql <<SQL
insert into tier_run (id, status, trigger_kind, started_at, finished_at, progress)
  values (1, 'succeeded', 'manual', now(), now(), 1);
insert into customer (id, name, industry, size, region, owner, phone, email, updated_at)
  select 'C' || lpad(i::text, 7, '0'), '客户' || i, '制造', '中型', '华东', 'owner' || (i % 200), '', '', now()
  from generate_series(1, $CUSTOMERS) i;
insert into snapshot_row (run_id, customer_id, tier, model_tier, lifecycle, recency_days, frequency, monetary_cents,
    composite_score, clv, p_alive, metrics, explanation, owner)
  select 1, 'C' || lpad(i::text, 7, '0'), 't' || (i % 5), 't' || (i % 5), 'active', (random() * 700)::int,
    1 + floor(-ln(1 - random()) * 2)::int, (random() * 1000000)::bigint,
    case when i % 50 = 0 then null else round(random()::numeric, 3)::real end, (random() * 5000)::real,
    random()::real, repeat('m', 1000), repeat('e', 1000), 'owner' || (i % 200)
  from generate_series(1, $CUSTOMERS) i;
vacuum analyze;
SQL

for pass in $(seq "$PASSES"); do
  out=$(psql -v run=1 -v owner=owner7 -f "$ROOT/bench/cursor-explain.sql")
  [ "$pass" = "$PASSES" ] && echo "$out" >"$PLANS"
  echo "$out" | awk '/^== / { c = substr($0, 4) } /^-- (offset|cursor|count)/ { k = $2 } /Execution Time/ { print c "\t" k "\t" $3 }'
done | python3 -c '
import sys, statistics
times = {}
for line in sys.stdin:
    case, kind, ms = line.rstrip("\n").split("\t")
    times.setdefault(case, {}).setdefault(kind, []).append(float(ms))
print("| page | offset ms, median (min-max) | cursor ms, median (min-max) | ratio |\n|---|---:|---:|---:|")
cell = lambda t: "%.1f (%.1f-%.1f)" % (statistics.median(t), min(t), max(t))
for case, kinds in times.items():
    if "count" in kinds:
        print("| %s | %s | | |" % (case, cell(kinds["count"])))
        continue
    o, c = kinds["offset"], kinds["cursor"]
    print("| %s | %s | %s | %.0fx |" % (case, cell(o), cell(c), statistics.median(o) / statistics.median(c)))
'
echo "$PASSES passes; plans of the last pass: $PLANS" >&2
