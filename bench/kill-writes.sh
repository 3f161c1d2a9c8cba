#!/usr/bin/env bash
# Kills the server (SIGKILL) at many seeded random moments of file imports and tiering runs and checks after each
# restart that the stored data is the state before the write or after it, never between (issue 14).
# Usage: bench/kill-writes.sh [points] [seed]   (CI runs the same test with 20 points and the fixed seed)
set -euo pipefail
POINTS=${1:-200}
SEED=${2:-20261203}
cd "$(dirname "$0")/.."
LOG=$(mktemp)
mvn -B -pl server -am verify -Dtest=KilledWritesTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dstrata.kill.points="$POINTS" -Dstrata.kill.seed="$SEED" | tee "$LOG" | grep -E "KilledWritesTest:|Tests run:|FAIL"
echo "outcomes of the killed writes:"
grep "left it" "$LOG" | awk '{ n[$4 " " $NF]++ } END { for (s in n) printf "  %s: %d\n", s, n[s] }'
rm -f "$LOG"
