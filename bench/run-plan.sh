#!/usr/bin/env bash
# Planning benchmark (issue 15): plans 14 days for N generated customers of the default model in one JVM each
# (strata.bench.plan.PlanBenchmark) under /usr/bin/time, with the `strata` launcher's JVM flags and a fixed heap.
# Prints the benchmark's own figures (median wall, CPU of the planning thread, GC, heap) and the process's peak RSS,
# with the load average before and after. See bench/README.md "Planning 1M customers (issue 15)".
#
# usage: bench/run-plan.sh [customers...]            (default 1000000)
# environment: RUNS=5, SEED=42, XMX=2g, EXTRA_OPTS (more JVM flags, last wins), BENCH_CP (default
#   bench/target/strata-bench.jar)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-5}
SEED=${SEED:-42}
XMX=${XMX:-2g}
BENCH_CP=${BENCH_CP:-bench/target/strata-bench.jar}
OUT=bench/data/plan
die() { echo "run-plan: $*" >&2; exit 1; }
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian: apt-get install -y time)"
[ "$BENCH_CP" != bench/target/strata-bench.jar ] || [ -f "$BENCH_CP" ] \
  || die "build first: mvn -q -DskipTests -pl core,bench package"
mkdir -p "$OUT"
OPTS="-XX:+UseSerialGC -XX:MaxNewSize=64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 -Xmx$XMX ${EXTRA_OPTS:-}"
for n in "${@:-1000000}"; do
  [[ $n =~ ^[0-9]+$ ]] || die "customers must be a positive integer, got '$n'"
  echo "== $n customers, $RUNS runs, seed $SEED, java $OPTS; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$OUT/time-$n.txt" java $OPTS -cp "$BENCH_CP" strata.bench.plan.PlanBenchmark "$n" "$RUNS" \
    "$SEED" | tee "$OUT/out-$n.txt"
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/time-$n.txt")
  echo "peak RSS $((rss / 1024)) MiB; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
