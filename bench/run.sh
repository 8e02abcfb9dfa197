#!/usr/bin/env bash
# The portal's load benchmark: builds the jar and the documented fast start, seeds a large portal,
# drives it with wrk and appends the figures to bench/results.md. Not part of ./mvnw verify.
# See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in java wrk jcmd jstat python3 curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: '$tool' is missing (Debian: apt-get install -y wrk python3 curl openjdk-17-jdk-headless)" >&2
    exit 2
  fi
done

# The JDK of the fast start (README, "Starting fast"): FAST_START_JAVA_HOME, else the newest JDK 25+
# under /usr/lib/jvm (its ahead-of-time cache), else the java on the PATH (class-data sharing).
if [ -z "${FAST_START_JAVA_HOME:-}" ]; then
  for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 25 ] 2>/dev/null; then FAST_START_JAVA_HOME=${home%/}; break; fi
  done
fi
FAST_START_JAVA_HOME=${FAST_START_JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
export FAST_START_JAVA_HOME

# PostgreSQL for the two-instance session figures: BENCH_PG_URL (and _USER, _PASSWORD), else a fresh
# database in the cluster .ci/run creates (127.0.0.1:5433) when there is one; else not measured.
source bench/postgres.sh portal_bench_sessions || true

echo "[bench] building the jar and the fast start with $FAST_START_JAVA_HOME (tests skipped; ./mvnw verify runs them)"
JAVA_HOME=$FAST_START_JAVA_HOME ./mvnw -q -B -Pfast-start -DskipTests package
jar=$(ls target/mpem-portal-*.jar | grep -v -- '-plain' | head -n 1)

PORTAL_JAR_NAME=$(basename "$jar") exec python3 bench/bench.py "$@"
