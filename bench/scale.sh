#!/usr/bin/env bash
# Scale on PostgreSQL (issue 21, goal 5): the five pages with 100 and with 10,000 organisations of ten
# assessments each (1.1 million ratings), then export and import of the whole data set, timed, with
# the memory of each process. Needs PostgreSQL (the cluster .ci/run creates on 127.0.0.1:5433 is
# used and started when present; or set BENCH_PG_URL and BENCH_IMPORT_PG_URL to two empty databases
# of your own, with BENCH_PG_USER and BENCH_PG_PASSWORD), wrk, python3, psql and curl. About
# 15 minutes. Not part of ./mvnw verify. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in java wrk python3 psql curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: '$tool' is missing (Debian: apt-get install -y wrk python3 postgresql-client curl)" >&2
    exit 2
  fi
done

if [ -z "${BENCH_PG_URL:-}" ]; then
  source bench/postgres.sh portal_bench_import || exit 2
  BENCH_IMPORT_PG_URL=$BENCH_PG_URL
  unset BENCH_PG_URL
  source bench/postgres.sh portal_bench_scale || exit 2
  export BENCH_IMPORT_PG_URL
elif [ -z "${BENCH_IMPORT_PG_URL:-}" ]; then
  echo "bench: with BENCH_PG_URL set, set BENCH_IMPORT_PG_URL to a second, empty database for the import" >&2
  exit 2
fi

echo "[bench] building the jar (tests skipped; ./mvnw verify runs them)"
./mvnw -q -B -DskipTests package
jar=$(ls target/mpem-portal-*.jar | grep -v -- '-plain' | head -n 1)
mkdir -p bench/work
PORTAL_JAR="$jar" exec python3 bench/scale.py "$@"
