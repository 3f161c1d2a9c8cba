#!/usr/bin/env bash
# Churn classifier and clusters benchmark (issue 18): wall time and peak memory of
#   1. `strata churn` (two reads, BG/NBD twice, XGBoost training on 70 % and scoring) on a generated file,
#   2. `strata score` alone, with --clusters and with --churn, side by side (the cost of the opt-in predictions).
# See bench/README.md "Churn classifier and clusters".
#
# usage: bench/run-churn.sh [rows] [customers]        (defaults 10000000 1000000)
# environment: SEED=42, STRATA_JAR=cli/target/strata.jar, JAVA_OPTS (default: -Xmx2g, the issue's memory bound)
set -euo pipefail

ROWS=${1:-10000000}
CUSTOMERS=${2:-1000000}
SEED=${SEED:-42}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
STRATA_JAR=${STRATA_JAR:-cli/target/strata.jar}
BENCH_JAR=bench/target/strata-bench.jar
DATA=bench/data
TX=$DATA/tx-$ROWS-$CUSTOMERS-s$SEED.csv
OUT=$DATA/churn-$ROWS-$CUSTOMERS

die() { echo "run-churn: $*" >&2; exit 1; }
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian: apt-get install -y time)"
[[ $ROWS =~ ^[0-9]+$ && $CUSTOMERS =~ ^[0-9]+$ ]] || die "rows and customers must be positive integers"
[ -f "$STRATA_JAR" ] && [ -f "$BENCH_JAR" ] || die "build first: mvn -q -DskipTests -pl cli,bench -am package"
mkdir -p "$DATA" "$OUT"
if [ ! -s "$TX" ] || [ ! -s "$TX.maxdate" ]; then
  echo "== generating $TX"
  java -cp "$BENCH_JAR" strata.bench.GenerateTransactions --rows "$ROWS" --customers "$CUSTOMERS" \
    --seed "$SEED" --out "$TX.tmp" | sed -n 's/^max_date=//p' > "$TX.maxdate.tmp"
  mv "$TX.tmp" "$TX" && mv "$TX.maxdate.tmp" "$TX.maxdate"
fi
MAX=$(cat "$TX.maxdate")
AS_OF=$(date -d "$MAX + 1 day" +%F)
CUT=$(date -d "$AS_OF - 90 days" +%F)

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/$label.time" "$@" > "$OUT/$label.out" 2> "$OUT/$label.err" \
    || { tail -5 "$OUT/$label.err"; die "$label failed"; }
  read -r wall rss < "$OUT/$label.time"
  printf '%-16s %8.1f s %8.0f MiB\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)"
}

# shellcheck disable=SC2086
measure churn java $JAVA_OPTS -jar "$STRATA_JAR" churn --transactions "$TX" --calibration-end "$CUT" \
  --holdout-end "$AS_OF" --json
sed -n '1p' "$OUT/churn.out" | cut -c1-400
for variant in score score-clusters score-churn; do
  flags=()
  [ "$variant" = score-clusters ] && flags=(--clusters)
  [ "$variant" = score-churn ] && flags=(--churn)
  rm -rf "$OUT/$variant-out"
  # shellcheck disable=SC2086
  measure "$variant" java $JAVA_OPTS -jar "$STRATA_JAR" score --transactions "$TX" --as-of "$AS_OF" \
    --out "$OUT/$variant-out" --quiet "${flags[@]}"
done
