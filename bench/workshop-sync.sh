#!/usr/bin/env bash
# Workshop sync benchmark: 500 offline entries from one phone in one POST to the batch endpoint over HTTP, against 500
# single-entry posts and a plain SQL INSERT of the same rows in the same run. Three timings of each with median and
# spread are printed as lines starting with BENCH.
#
# Usage: bench/workshop-sync.sh   (runs on the embedded PostgreSQL of the test set-up, demo data included)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -Dtest=SessionSyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false test
grep -h "BENCH" target/surefire-reports/id.peduli.workshop.bench.SessionSyncBenchmark-output.txt
