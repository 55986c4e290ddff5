#!/usr/bin/env bash
# Demo people seed benchmark: starts Peduli on a fresh embedded PostgreSQL without the demo, loads the story's seed,
# then loads the registry's demo people (registry-people-v1) several times, each in one transaction rolled back
# afterwards so that every run starts from an empty registry. Prints each run and the median.
#
# Usage: bench/registry-demo-seed.sh [runs]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
./mvnw -q -DskipTests test-compile
CP_FILE=target/bench-classpath.txt
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test > /dev/null
echo "Demo people seed benchmark: $RUNS runs on $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  id.peduli.registry.person.DemoPeopleSeedBenchmark "$RUNS" target/bench-demo-seed
