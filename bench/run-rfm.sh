#!/usr/bin/env bash
# Side-by-side RFM benchmark: `strata score --only rfm` (RFM alone) and `strata score` (the whole job) against
# DuckDB (strata.bench.DuckDbRfm) on the same generated transaction file, same definition, alternating runs; with
# ENGINES containing spark, also the whole job on the Spark engine (spark/local.sh on SPARK_MASTER).
# See bench/README.md.
#
# usage: bench/run-rfm.sh [rows] [customers] [runs]        (defaults 10000000 1000000 5)
# environment:
#   ENGINES="strata-rfm strata duckdb"   engines to run (strata-rfm: --only rfm; spark: the whole job on Spark;
#                             ENGINES=duckdb: the peer alone)
#   SPARK_MASTER=local[2]     the Spark engine's master; each Spark run writes what it moved (--metrics) to
#                             $OUT/logs/spark-<run>.metrics.json
#   WARMUP=1                  0: no uncounted warm-up run (for runs too long to do twice; the page cache is then
#                             filled only by the generator or an earlier run)
#   SEED=42                   generator seed
#   STRATA_JAVA_OPTS          JVM flags for Strata in place of the `strata` launcher's own (its JAVA_OPTS)
#   DUCKDB_JAVA_OPTS          JVM flags for the DuckDB side (default: none)
set -euo pipefail

ROWS=${1:-10000000}
CUSTOMERS=${2:-1000000}
RUNS=${3:-5}
SEED=${SEED:-42}
ENGINES=${ENGINES:-"strata-rfm strata duckdb"}
SPARK_MASTER=${SPARK_MASTER:-local[2]}
WARMUP=${WARMUP:-1}
STRATA_JAVA_OPTS=${STRATA_JAVA_OPTS:-}
DUCKDB_JAVA_OPTS=${DUCKDB_JAVA_OPTS:-}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
STRATA_JAR=cli/target/strata.jar
BENCH_JAR=bench/target/strata-bench.jar
DATA=bench/data
TX=$DATA/tx-$ROWS-$CUSTOMERS-s$SEED.csv
OUT=$DATA/out-$ROWS-$CUSTOMERS
LOGS=$OUT/logs
RESULTS=bench/results/rfm.md

die() { echo "run-rfm: $*" >&2; exit 1; }
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian: apt-get install -y time)"
[[ $ROWS =~ ^[0-9]+$ && $CUSTOMERS =~ ^[0-9]+$ && $RUNS =~ ^[1-9][0-9]*$ ]] \
  || die "rows, customers and runs must be positive integers; got '$ROWS' '$CUSTOMERS' '$RUNS'"
for engine in $ENGINES; do
  [[ $engine == strata-rfm || $engine == strata || $engine == spark || $engine == duckdb ]] \
    || die "unknown engine '$engine' in ENGINES"
done

build_if_needed() {
  local stale=no
  for jar in "$STRATA_JAR" "$BENCH_JAR"; do
    if [ ! -f "$jar" ] || [ -n "$(find core cmdline cli bench -path '*/target' -prune -o \
        \( -name '*.java' -o -name pom.xml -o -path '*/resources/*' \) -newer "$jar" -print -quit)" ]; then
      stale=yes
    fi
  done
  if [ "$stale" = yes ]; then
    echo "== building (mvn -q -DskipTests -pl cli,bench -am package)"
    mvn -q -DskipTests -pl cli,bench -am package
  fi
  # spark/local.sh builds its jar and class path list when they are stale: here, not inside a timed run.
  if [[ " $ENGINES " == *" spark "* ]]; then spark/local.sh --help > /dev/null; fi
}

generate_if_needed() {
  mkdir -p "$DATA"
  if [ ! -s "$TX" ] || [ ! -s "$TX.maxdate" ]; then
    echo "== generating $TX ($ROWS rows, $CUSTOMERS customers, seed $SEED)"
    local started=$(date +%s.%N)
    java -cp "$BENCH_JAR" strata.bench.GenerateTransactions --rows "$ROWS" --customers "$CUSTOMERS" \
      --seed "$SEED" --out "$TX.tmp" | sed -n 's/^max_date=//p' > "$TX.maxdate.tmp"
    mv "$TX.tmp" "$TX" && mv "$TX.maxdate.tmp" "$TX.maxdate"
    echo "   generated in $(echo "$(date +%s.%N) - $started" | bc) s, $(du -h "$TX" | cut -f1)"
  fi
}

# Runs one engine once under /usr/bin/time -v; appends "wall_s rss_kib cpu_s" to $OUT/<engine>.runs
# unless the label is "warmup".
run_engine() {
  local engine=$1 label=$2 log=$LOGS/$1-$2.log timing=$LOGS/$1-$2.time
  local -a cmd
  if [ "$engine" = spark ]; then
    rm -rf "${OUT:?}/$engine"
    cmd=(spark/local.sh --master "$SPARK_MASTER" --transactions "$TX" --as-of "$AS_OF" --out "$OUT/$engine"
         --metrics "$LOGS/$engine-$label.metrics.json")
  elif [ "$engine" != duckdb ]; then
    rm -rf "${OUT:?}/$engine"
    local -a only=()
    [ "$engine" = strata-rfm ] && only=(--only rfm)
    # The product's own command: the `strata` launcher's JVM flags, class-data sharing archive and compiler choice.
    local -a env=()
    [ -n "$STRATA_JAVA_OPTS" ] && env=(JAVA_OPTS="$STRATA_JAVA_OPTS")
    cmd=(env "${env[@]}" ./strata score --transactions "$TX" --as-of "$AS_OF" "${only[@]}" --out "$OUT/$engine")
  else
    rm -f "$OUT/duckdb.csv"
    # shellcheck disable=SC2086
    cmd=(java $DUCKDB_JAVA_OPTS -cp "$BENCH_JAR" strata.bench.DuckDbRfm --transactions "$TX" --as-of "$AS_OF"
         --out "$OUT/duckdb.csv" --threads 2)
  fi
  if ! /usr/bin/time -v -o "$timing" "${cmd[@]}" > "$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "$engine run '$label' failed: ${cmd[*]} (log: $log)"
  fi
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
           n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$timing")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$timing")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$timing")
  printf '   %-10s %-7s %7.2f s %8.0f MiB  cpu %6.2f s\n' "$engine" "$label" "$wall" "$(echo "$rss / 1024" | bc -l)" "$cpu"
  [ "$label" = warmup ] || echo "$wall $rss $cpu" >> "$OUT/$engine.runs"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The CLI contract fixes --out DIR, not the file name: take scores.csv, else the one CSV whose
# header has customer_id and r_score (customers.csv for the whole job, rfm.csv for --only rfm).
strata_scores_file() {  # engine
  if [ -f "$OUT/$1/scores.csv" ]; then echo "$OUT/$1/scores.csv"; return; fi
  local f
  for f in "$OUT/$1"/*.csv; do
    if head -n 1 "$f" | grep -q customer_id && head -n 1 "$f" | grep -q r_score; then echo "$f"; return; fi
  done
  die "no score CSV (header with customer_id and r_score) in $OUT/$1"
}

# --only rfm promises DuckDB's file: same header, and the same rows byte for byte once sorted (row order is free).
same_bytes_sorted() {  # a.csv b.csv
  [ "$(head -n 1 "$1")" = "$(head -n 1 "$2")" ] || return 1
  cmp -s <(tail -n +2 "$1" | LC_ALL=C sort -S 25% --parallel=2) <(tail -n +2 "$2" | LC_ALL=C sort -S 25% --parallel=2)
}

build_if_needed
generate_if_needed
MAX_DATE=$(cat "$TX.maxdate")
AS_OF=$(date -d "$MAX_DATE + 1 day" +%F)
mkdir -p "$LOGS"
for engine in $ENGINES; do rm -f "$OUT/$engine.runs"; done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $TX: max date $MAX_DATE, as-of $AS_OF; engines: $ENGINES; $RUNS runs each"
if [ "$WARMUP" != 0 ]; then
  echo "== warm-up (page cache cannot be dropped here, so one uncounted run of each fills it)"
  for engine in $ENGINES; do run_engine "$engine" warmup; done
fi
echo "== measured runs, alternating"
for i in $(seq 1 "$RUNS"); do
  for engine in $ENGINES; do run_engine "$engine" "run$i"; done
done

declare -A WALL RSS_MIB CPU
for engine in $ENGINES; do
  WALL[$engine]=$(cut -d' ' -f1 "$OUT/$engine.runs" | median)
  RSS_MIB[$engine]=$(cut -d' ' -f2 "$OUT/$engine.runs" | median | awk '{ printf "%.0f", $1 / 1024 }')
  CPU[$engine]=$(cut -d' ' -f3 "$OUT/$engine.runs" | median)
done

COMPARISON="not run (needs DuckDB and a Strata engine)"
COMPARE_STATUS=0
if [[ " $ENGINES " == *" duckdb "* ]]; then
  for engine in $ENGINES; do
    [ "$engine" = duckdb ] && continue
    [ "$COMPARISON" = "not run (needs DuckDB and a Strata engine)" ] && COMPARISON=""
    echo "== comparing scores: $engine against duckdb"
    status=0
    java -cp "$BENCH_JAR" strata.bench.CompareScores "$(strata_scores_file "$engine")" "$OUT/duckdb.csv" \
      | tee "$LOGS/compare-$engine.txt" || status=$?
    [ "$status" -eq 0 ] || COMPARE_STATUS=$status
    COMPARISON="$COMPARISON $engine: $(tail -n 1 "$LOGS/compare-$engine.txt") ($(head -n 1 "$LOGS/compare-$engine.txt"))"
    if [ "$engine" = strata-rfm ]; then
      if same_bytes_sorted "$(strata_scores_file "$engine")" "$OUT/duckdb.csv"; then
        COMPARISON="$COMPARISON, the same bytes once rows are sorted;"
      else
        COMPARISON="$COMPARISON, NOT the same bytes once rows are sorted;"
        COMPARE_STATUS=1
      fi
    fi
  done
fi

ratio() {  # engine/duckdb for a key, or "-" when either is missing
  if [[ -n ${2:-} && -n ${3:-} ]]; then echo "$2 / $3" | bc -l | awk '{ printf "%.2f", $1 }'; else echo "-"; fi
}
TABLE=$(
  echo "| engine | rows | customers | median wall s | median peak RSS MiB | median CPU s (user+sys) | ratio to duckdb (wall / RSS / CPU) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for engine in $ENGINES; do
    r="-"
    if [ "$engine" != duckdb ]; then
      r="$(ratio wall "${WALL[$engine]:-}" "${WALL[duckdb]:-}") / $(ratio rss "${RSS_MIB[$engine]:-}" "${RSS_MIB[duckdb]:-}")"
      r="$r / $(ratio cpu "${CPU[$engine]:-}" "${CPU[duckdb]:-}")"
    fi
    printf '| %s | %s | %s | %.2f | %s | %.2f | %s |\n' "$engine" "$ROWS" "$CUSTOMERS" "${WALL[$engine]}" \
      "${RSS_MIB[$engine]}" "${CPU[$engine]}" "$r"
  done
)
echo
echo "$TABLE"
echo
echo "scores: $COMPARISON"

mkdir -p "$(dirname "$RESULTS")"
{
  echo "## $(date -Iseconds) - RFM, $ROWS rows, $CUSTOMERS customers, $RUNS runs"
  echo
  echo "Command: \`bench/run-rfm.sh $ROWS $CUSTOMERS $RUNS\` (ENGINES=\"$ENGINES\", SEED=$SEED," \
       "Strata through ./strata, STRATA_JAVA_OPTS=\"$STRATA_JAVA_OPTS\", DUCKDB_JAVA_OPTS=\"$DUCKDB_JAVA_OPTS\"), commit" \
       "$(git rev-parse --short HEAD 2>/dev/null || echo unknown), as-of $AS_OF. $([ "$WARMUP" != 0 ] && echo "One warm-up run of each first" || echo "No warm-up run (WARMUP=0)")" \
       "(page cache not dropped); wall time includes JVM start; RSS = max RSS from /usr/bin/time -v."
  echo
  echo "$TABLE"
  echo
  echo "Scores: $COMPARISON"
  echo
  echo "Runs (wall s, max RSS KiB, CPU s):"
  for engine in $ENGINES; do echo "- $engine: $(tr '\n' ';' < "$OUT/$engine.runs")"; done
  echo
  echo "Machine: nproc=$(nproc); $(uname -srm); load average before the runs: $LOAD_BEFORE"
  echo '```'
  free -g
  java -version 2>&1
  echo '```'
  echo
} >> "$RESULTS"
echo "appended to $RESULTS"
exit "$COMPARE_STATUS"
