#!/usr/bin/env bash
# Kills the server (SIGKILL) at many seeded random moments of file imports and tiering runs and checks after each
# restart that the stored data is the state before the write or after it, never between (issue 14).
# Usage: bench/kill-writes.sh [points] [seed] [h2|postgres]   (CI runs the same test with the fixed seed: 20 points on
# H2, 6 on PostgreSQL)
set -euo pipefail
POINTS=${1:-200}
SEED=${2:-20261203}
case "${3:-h2}" in
  h2) TEST=KilledWritesTest ;;
  postgres) TEST=KilledWritesPostgresTest ;;
  *) echo "usage: bench/kill-writes.sh [points] [seed] [h2|postgres]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
LOG=$(mktemp)
mvn -B -pl server -am verify -Dtest="$TEST" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dstrata.kill.points="$POINTS" -Dstrata.kill.seed="$SEED" | tee "$LOG" | grep -E "$TEST:|Tests run:|FAIL"
echo "outcomes of the killed writes:"
grep "left it" "$LOG" | awk '{ n[$4 " " $NF]++ } END { for (s in n) printf "  %s: %d\n", s, n[s] }'
rm -f "$LOG"
