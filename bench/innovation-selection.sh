#!/usr/bin/env bash
# Competition algorithms benchmark (innovation selection): one period of 5,000 proposals, 500 agencies and 60
# evaluators (conflict-free balanced assignment, rubric totals, second evaluators near the pass mark, normalisation
# and the quota-constrained Top 99, together), the conflict computation at a large conference's size (6,000 x 2,800),
# and the near-duplicate search of one proposal among 20,000 earlier ones; each against a naive baseline measured in
# the same run. Runs the measuring class several times, each in a fresh JVM, and prints the median and the spread
# (lowest-highest) of the runs' medians, wall-clock and CPU time of the measuring thread.
#
# Usage: bench/innovation-selection.sh [runs]      (default 3; about 3 minutes a run on 2 busy cores)
# Needs: JDK 17. Output of each run in target/bench/innovation-selection/run-<n>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
OUT=target/bench/innovation-selection
mkdir -p "$OUT"

echo "== build"
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
  echo "== run $run of $RUNS"
  java -Xmx2g -cp "$CP" id.peduli.innovation.selection.bench.InnovationSelectionBenchmark > "$OUT/run-$run.txt"
  grep -v '^RESULT' "$OUT/run-$run.txt"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== medians of $RUNS runs, milliseconds (spread: lowest-highest run)"
cat "$OUT"/run-*.txt | awk '$1 == "RESULT" { values[$2] = values[$2] " " $3; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
  END {
    for (i = 1; i <= n; i++) {
      name = order[i]; count = split(substr(values[name], 2), v, " ")
      for (a = 1; a <= count; a++) for (b = a + 1; b <= count; b++) if (v[b] + 0 < v[a] + 0) { t = v[a]; v[a] = v[b]; v[b] = t }
      median = count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
      printf "%-34s %10.1f   (%.1f-%.1f)\n", name, median, v[1], v[count]
    }
  }'
