#!/usr/bin/env bash
# Workshop demo seed benchmark: starts Peduli on a fresh embedded PostgreSQL without the demo, loads the seeds the
# workshop's demo year depends on once, then several times loads the registry's demo people (registry-people-v1, the
# baseline) and the workshop's three seeds (workshop-participants-v1, casework-cases-v1, workshop-goods-v1) in one
# transaction rolled back afterwards, so that every run starts from an empty registry and workshop. Prints each seed's
# time per run, the load average, and the median and spread of each.
#
# Usage: bench/workshop-demo-seed.sh [runs]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
./mvnw -q -o -DskipTests test-compile
CP_FILE=target/bench-classpath.txt
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test > /dev/null
echo "Workshop demo seed benchmark: $RUNS runs on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "load average before: $(cat /proc/loadavg)"
java -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  id.peduli.demo.WorkshopDemoSeedBenchmark "$RUNS" target/bench-workshop-seed
