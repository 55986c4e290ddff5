#!/usr/bin/env bash
# Registry import benchmark: generates a CSV of people with valid, unique NIKs, then in the same run and on the same
# embedded PostgreSQL (a) COPYs it into a bare table with the file's columns and indexes like registry.person's and
# (b) imports it with Peduli (inspection, row rules, NIK encryption and HMAC, duplicate checks, writes), then
# (c) imports it again (idempotent: nothing created). Prints rows per second and the ratio import/COPY.
#
# Usage: bench/registry-import.sh [rows] [heap]   (default 1000000 rows, -Xmx1g to show that memory stays flat)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
HEAP="${2:-1g}"
./mvnw -q -DskipTests test-compile
CP_FILE=target/bench-classpath.txt
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test > /dev/null
echo "Registry import benchmark: $ROWS rows on $(nproc) cores, $(java -version 2>&1 | head -1), -Xmx$HEAP"
java "-Xmx$HEAP" -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  id.peduli.registry.imports.ImportBenchmark "$ROWS" target/bench-import
