#!/usr/bin/env bash
# Before/after of the Spark engine on one file: two checkouts' spark/local.sh (each builds its own jar when stale),
# alternating, the order swapped every second pair; /usr/bin/time -v and --metrics for each run, and a byte comparison
# of customers.csv and quality.json after each pair. See bench/README.md ("The Spark engine reads the file once").
#
# usage: bench/ab-spark.sh BEFORE_DIR AFTER_DIR TRANSACTIONS [pairs]     (e.g. a `git worktree` of the base commit)
# environment: SPARK_MASTER=local[2], AS_OF=2025-01-01, OUT=bench/data/ab-spark, JOB_ARGS="--customers FILE …" (added to
# every run: side files, options)
set -uo pipefail
BEFORE=$1; AFTER=$2; TX=$3; PAIRS=${4:-3}
MASTER=${SPARK_MASTER:-local[2]}; AS_OF=${AS_OF:-2025-01-01}
OUT=${OUT:-$(cd "$(dirname "$0")" && pwd)/data/ab-spark}
mkdir -p "$OUT"
field() { grep "$1" "$2" | awk '{print $NF}'; }
for i in $(seq 1 "$PAIRS"); do
  order="before after"; [ $((i % 2)) = 0 ] && order="after before"
  for v in $order; do
    dir=$BEFORE; [ "$v" = after ] && dir=$AFTER
    rm -rf "${OUT:?}/$v"
    /usr/bin/time -v -o "$OUT/$v-$i.time" "$dir/spark/local.sh" --master "$MASTER" --transactions "$TX" \
      --as-of "$AS_OF" --out "$OUT/$v" --metrics "$OUT/$v-$i.metrics.json" ${JOB_ARGS:-} > "$OUT/$v-$i.log" 2>&1
    echo "$v run $i rc=$? wall=$(field Elapsed "$OUT/$v-$i.time") rss_kib=$(field Maximum "$OUT/$v-$i.time")" \
      "user=$(field 'User time' "$OUT/$v-$i.time") sys=$(field 'System time' "$OUT/$v-$i.time")" \
      "load=$(cut -d' ' -f1 /proc/loadavg)"
  done
  if cmp -s "$OUT/before/customers.csv" "$OUT/after/customers.csv" \
      && cmp -s "$OUT/before/quality.json" "$OUT/after/quality.json"; then
    echo "pair $i: customers.csv and quality.json equal"
  else
    echo "pair $i: OUTPUTS DIFFER" >&2; exit 1
  fi
done
