#!/usr/bin/env bash
# The live-workshop benchmark (see bench/workshop.py): builds the jar, then runs the scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
exec python3 bench/workshop.py "$@"
