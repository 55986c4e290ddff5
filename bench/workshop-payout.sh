#!/usr/bin/env bash
# Workshop payout benchmark: the month-end payout run over 1,000 sites x 20 participants with 600,000 production
# records (and as many attendance rows) in the month, against a plain SQL SUM ... GROUP BY over the same records in the
# same run. Three timings of each with median and spread are printed as lines starting with BENCH.
#
# Usage: bench/workshop-payout.sh   (runs on the embedded PostgreSQL of the test set-up; takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -Dtest=PayoutRunBenchmark -Dsurefire.failIfNoSpecifiedTests=false test
grep -h "BENCH" target/surefire-reports/id.peduli.workshop.bench.PayoutRunBenchmark-output.txt
