#!/usr/bin/env bash
# The portfolio benchmark (issue 20): 10,000 organisations on PostgreSQL, the portfolio page and
# API and a report with benchmarks driven with wrk; p99 of the portfolio page must stay under
# 200 ms. Needs PostgreSQL (the cluster .ci/run creates on 127.0.0.1:5433 is used and started when
# present; or set BENCH_PG_URL, BENCH_PG_USER, BENCH_PG_PASSWORD to an empty database of your own),
# wrk, python3 and curl. Not part of ./mvnw verify. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in java wrk python3 psql; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: '$tool' is missing (Debian: apt-get install -y wrk python3 postgresql-client)" >&2
    exit 2
  fi
done

source bench/postgres.sh portal_bench || exit 2

echo "[bench] building the jar (tests skipped; ./mvnw verify runs them)"
./mvnw -q -B -DskipTests package
jar=$(ls target/mpem-portal-*.jar | grep -v -- '-plain' | head -n 1)
mkdir -p bench/work
PORTAL_JAR="$jar" exec python3 bench/portfolio.py "$@"
