#!/usr/bin/env bash
# The portal's load benchmark: builds the jar, seeds a large portal, drives it with wrk and appends
# the figures to bench/results.md. Not part of ./mvnw verify. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in java wrk jcmd jstat python3 curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: '$tool' is missing (Debian: apt-get install -y wrk python3 curl openjdk-17-jdk-headless)" >&2
    exit 2
  fi
done

echo "[bench] building the jar (tests skipped; ./mvnw verify runs them)"
./mvnw -q -B -DskipTests package
jar=$(ls target/mpem-portal-*.jar | grep -v -- '-plain' | head -n 1)

rm -rf bench/work/app
mkdir -p bench/work
# The extracted layout (application jar + lib/) is what a class-data-sharing archive needs.
java -Djarmode=tools -jar "$jar" extract --destination bench/work/app >/dev/null

PORTAL_JAR_NAME=$(basename "$jar") exec python3 bench/bench.py "$@"
