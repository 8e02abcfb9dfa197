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

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

if [ -z "${BENCH_PG_URL:-}" ]; then
  # The CI cluster: started if it exists, a fresh database portal_bench owned by portal.
  PG_VERSION=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PG_VERSION" ] || ! as_root pg_lsclusters -h | grep -q "^${PG_VERSION} ci "; then
    echo "bench: no PostgreSQL cluster 'ci' (run .ci/run once, or set BENCH_PG_URL)" >&2
    exit 2
  fi
  as_root pg_ctlcluster "$PG_VERSION" ci start 2>/dev/null || true
  for attempt in $(seq 1 50); do pg_isready -h 127.0.0.1 -p 5433 -q && break; sleep 0.2; done
  as_root runuser -u postgres -- psql -p 5433 -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS portal_bench"
  as_root runuser -u postgres -- psql -p 5433 -v ON_ERROR_STOP=1 -qc "CREATE DATABASE portal_bench OWNER portal"
  export BENCH_PG_URL="jdbc:postgresql://127.0.0.1:5433/portal_bench" BENCH_PG_USER=portal BENCH_PG_PASSWORD=portal
fi

echo "[bench] building the jar (tests skipped; ./mvnw verify runs them)"
./mvnw -q -B -DskipTests package
jar=$(ls target/mpem-portal-*.jar | grep -v -- '-plain' | head -n 1)
mkdir -p bench/work
PORTAL_JAR="$jar" exec python3 bench/portfolio.py "$@"
