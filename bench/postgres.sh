# Sourced by the benchmarks: prepares an empty PostgreSQL database named $1 and exports BENCH_PG_URL,
# BENCH_PG_USER and BENCH_PG_PASSWORD for it. With BENCH_PG_URL already set, uses that (an empty
# database of your own). Otherwise uses the cluster 'ci' that .ci/run creates (127.0.0.1:5433),
# starting it when it exists; returns 1 when there is none.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

if [ -z "${BENCH_PG_URL:-}" ]; then
  PG_VERSION=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PG_VERSION" ] || ! as_root pg_lsclusters -h 2>/dev/null | grep -q "^${PG_VERSION} ci "; then
    echo "bench: no PostgreSQL cluster 'ci' (run .ci/run once, or set BENCH_PG_URL)" >&2
    return 1
  fi
  as_root pg_ctlcluster "$PG_VERSION" ci start 2>/dev/null || true
  for attempt in $(seq 1 50); do pg_isready -h 127.0.0.1 -p 5433 -q && break; sleep 0.2; done
  as_root runuser -u postgres -- psql -p 5433 -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $1"
  as_root runuser -u postgres -- psql -p 5433 -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $1 OWNER portal"
  export BENCH_PG_URL="jdbc:postgresql://127.0.0.1:5433/$1" BENCH_PG_USER=portal BENCH_PG_PASSWORD=portal
fi
return 0
