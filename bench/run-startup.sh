#!/usr/bin/env bash
# Start-up on a small file: `./strata score` on a generated 1,000-row file, end to end, and the JVM's part of it with
# each start-up measure on and off, by hyperfine (median of N runs after one warm-up). See bench/README.md,
# "Small files: start-up".
#
# usage: bench/run-startup.sh [rows] [runs]        (defaults 1000 10; the file has rows / 5 customers)
# needs: hyperfine (Debian: apt-get install -y hyperfine), cli/target/strata.jar and strata.jsa and
#        bench/target/strata-bench.jar (mvn -q -DskipTests package)
set -euo pipefail

ROWS=${1:-1000}
RUNS=${2:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
JAR=$ROOT/cli/target/strata.jar
JSA=$ROOT/cli/target/strata.jsa
DATA=bench/data
TX=$DATA/tx-$ROWS-$((ROWS / 5))-s42.csv
OUT=$DATA/out-startup
RESULTS=bench/results/startup.md

die() { echo "run-startup: $*" >&2; exit 1; }
command -v hyperfine >/dev/null || die "hyperfine not found (Debian: apt-get install -y hyperfine)"
[ -f "$JAR" ] && [ -f "$JSA" ] && [ -f bench/target/strata-bench.jar ] \
  || die "build first: mvn -q -DskipTests package"
mkdir -p "$DATA" "$OUT" bench/results
[ -s "$TX" ] || java -cp bench/target/strata-bench.jar strata.bench.GenerateTransactions --rows "$ROWS" \
  --customers $((ROWS / 5)) --seed 42 --out "$TX" >/dev/null

score="score --transactions $TX --as-of 2025-01-01 --quiet --out"
# The launcher's flags before start-up work (commit 7227714), then each measure on its own and both.
base="-XX:+UseSerialGC -XX:MaxNewSize=64m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 -XX:CompileCommand=quiet"
base="$base -XX:CompileCommand=exclude,org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer::bobyqb"
cds="-XX:SharedArchiveFile=$JSA -Xlog:cds=off -Xlog:cds+dynamic=off"
c1="-XX:TieredStopAtLevel=1"
# The launcher as it was (commit 7227714), run from the repository's root as ./strata is; and a stand-in java that
# exits at once, to see what each launcher itself costs.
before=$ROOT/.strata-7227714
stand_in=$(mktemp -d)
trap 'rm -rf "$stand_in" "$before"' EXIT
git show 7227714:strata >"$before" && chmod +x "$before"
printf '#!/bin/sh\nexit 0\n' >"$stand_in/java" && chmod +x "$stand_in/java"

echo "== $ROWS rows, $RUNS runs; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
export MALLOC_ARENA_MAX=2
hyperfine -N -w 1 -r "$RUNS" --export-json "$OUT/runs.json" \
  -n "./strata score, launcher of 7227714" "$before $score $OUT/before" \
  -n "./strata score" "./strata $score $OUT/strata" \
  -n "java, flags of 7227714" "java $base -jar $JAR $score $OUT/base" \
  -n "java, + CDS archive" "java $base $cds -jar $JAR $score $OUT/cds" \
  -n "java, + C1 only" "java $base $c1 -jar $JAR $score $OUT/c1" \
  -n "java, + CDS archive + C1 only" "java $base $cds $c1 -jar $JAR $score $OUT/both"
PATH="$stand_in:$PATH" hyperfine -N -w 3 -r 30 --export-json "$OUT/launcher.json" \
  -n "launcher of 7227714, stand-in java" "$before $score $OUT/none" \
  -n "./strata, stand-in java" "./strata $score $OUT/none"
for d in before base cds c1 both; do
  for f in customers.csv kpi.csv quality.json duplicates.csv rejected.csv; do
    cmp -s "$OUT/strata/$f" "$OUT/$d/$f" || die "$d/$f differs from ./strata's"
  done
done
table() { # hyperfine JSON files -> one markdown row per command: median wall, mean user and system CPU
  python3 - "$@" <<'PY'
import json, sys
print("| command | median wall | user CPU | system CPU | runs |")
print("|---|---:|---:|---:|---:|")
for f in sys.argv[1:]:
    for r in json.load(open(f))["results"]:
        print(f"| {r['command']} | {r['median']:.3f} s | {r['user']:.3f} s | {r['system']:.3f} s | {len(r['times'])} |")
PY
}
{
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), $ROWS rows, $RUNS runs"
  echo "- nproc $(nproc), load after: $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  echo "- outputs byte-equal across all six (customers.csv, kpi.csv, quality.json, duplicates.csv, rejected.csv)"
  echo
  table "$OUT/runs.json" "$OUT/launcher.json"
  echo
} | tee -a "$RESULTS"
