#!/usr/bin/env bash
# Runs the Spark engine on this machine without a Spark installation or Docker: Spark's jars come from the local
# Maven repository (fetched once by the build), the job from spark/target/strata-spark.jar.
#   spark/local.sh --transactions tx.csv --out out/ [--master local[4]] [--customers c.csv] [--as-of 2024-06-30] ...
set -euo pipefail
dir="$(cd "$(dirname "$0")/.." && pwd)"
jar="$dir/spark/target/strata-spark.jar"
cp_file="$dir/spark/target/spark-classpath.txt"
if [ ! -f "$jar" ] || [ -n "$(find "$dir/core/src/main" "$dir/cmdline/src/main" "$dir/spark/src/main" "$dir/spark/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "building strata-spark.jar ..." >&2
  (cd "$dir" && mvn -q -B -DskipTests -pl spark -am package) >&2
fi
if [ ! -f "$cp_file" ] || [ "$dir/spark/pom.xml" -nt "$cp_file" ]; then
  # compile: the reactor's own modules (core, cmdline) resolve from their build, not from ~/.m2; the job jar holds them.
  (cd "$dir" && mvn -q -B -pl spark -am compile dependency:build-classpath -Dmdep.includeScope=provided \
    -Dmdep.outputFile="$cp_file") >&2
fi
# The module options Spark's own launcher passes on Java 17 (as in spark/pom.xml's surefire argLine).
opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
master=(--master "local[*]")
for a in "$@"; do [ "$a" = "--master" ] && master=(); done
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} $opens -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -Dlog4j2.configurationFile="$dir/spark/conf/log4j2.properties" -cp "$jar:$(cat "$cp_file")" strata.spark.ScoreJob "${master[@]}" "$@"
