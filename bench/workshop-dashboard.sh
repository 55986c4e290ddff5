#!/usr/bin/env bash
# Workshop dashboard benchmark: the programme dashboard per province over twelve months of 1,000 sites x 20
# participants with attendance and production every working day (about 6 million records of each) and the months'
# approved payout runs, loaded through HTTP with wrk as the centre's programme manager. Baselines in the same run:
# GET /actuator/health with the same wrk settings, and the plain SQL of the same figures straight from the records.
# Three runs; lines starting with BENCH give each run and the median and spread of the p95.
#
# Usage: bench/workshop-dashboard.sh [seconds per wrk run]   (default 20; needs wrk: apt-get install wrk)
#        BENCH_SITES=100 for a quick smaller run. Runs on the embedded PostgreSQL of the test set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "Install wrk (apt-get install wrk)"; exit 1; }
./mvnw -B -q -o -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.seconds="${1:-20}" -Dbench.sites="${BENCH_SITES:-1000}" test
grep -h "BENCH" target/surefire-reports/id.peduli.workshop.bench.DashboardBenchmark-output.txt
