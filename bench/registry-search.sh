#!/usr/bin/env bash
# Registry search benchmark: 1,000,000 generated people (Indonesian names, real village codes, households with KK,
# NIKs that agree with sex and birth date) loaded with COPY into a fresh Peduli, then measured through the HTTP API
# with wrk: search by a name with one typo (as DPO, who sees every unit, and as a social worker of one unit) and
# exact NIK lookup. Also the platform baseline (GET /actuator/health) on the same instance, and the recall of the
# typo search (how often the intended name is on the first page).
#
# Usage: bench/registry-search.sh [people] [seconds per run]      (defaults: 1000000, 30)
#        BENCH_CONNECTIONS (default 4), BENCH_SHARED_BUFFERS (default 256MB, Peduli's default) change the run.
# Needs: JDK 17, curl, wrk (apt-get install wrk). About 10 minutes on 2 cores, most of it generating and loading.
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE="${1:-1000000}"
DURATION="${2:-30}"
PORT="${BENCH_PORT:-18081}"
PG_PORT="${BENCH_PG_PORT:-15433}"
CONNECTIONS="${BENCH_CONNECTIONS:-4}"
KEY="${BENCH_KEY:-cGVkdWxpLWJlbmNobWFyay1rZXktZml4ZWQtMzItYnl0ZXM=}"
command -v wrk >/dev/null || { echo "Install wrk (apt-get install wrk)"; exit 1; }
command -v curl >/dev/null || { echo "Install curl"; exit 1; }

echo "== build"
./mvnw -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
JAR=$(ls target/peduli-*.jar | grep -v original | head -1)
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
DATA_SET="target/bench/people-$PEOPLE"
if [ ! -f "$DATA_SET/people.csv" ]; then
  echo "== generate $PEOPLE people"
  java -cp "$CP" id.peduli.registry.bench.PeopleGenerator "$PEOPLE" "$DATA_SET"
fi

WORK=$(mktemp -d /tmp/peduli-search-bench-XXXX)
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== start Peduli on a fresh data directory"
PEDULI_DATA_DIR="$WORK/data" PORT="$PORT" PEDULI_ENCRYPTION_KEY="$KEY" \
  PEDULI_EMBEDDED_SHARED_BUFFERS="${BENCH_SHARED_BUFFERS:-256MB}" \
  java -jar "$JAR" --peduli.embedded.port="$PG_PORT" > "$WORK/app.log" 2>&1 &
PID=$!
until curl -fs "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  kill -0 "$PID" 2>/dev/null || { echo "Peduli exited:"; tail -20 "$WORK/app.log"; exit 1; }
  sleep 0.5
done

echo "== load"
# The loader drops and rebuilds indexes: it connects as the owner, whose password is in the data directory.
OWNER_PASSWORD=$(sed -n 's/^owner.password=//p' "$WORK/data/keys/database.properties")
java -Xmx3g -cp "$CP" id.peduli.registry.bench.PeopleLoader --jdbc "jdbc:postgresql://localhost:$PG_PORT/postgres" \
  --password "$OWNER_PASSWORD" \
  --key "$KEY" --dir "$DATA_SET" --tokens dpo,pekerja.alyatama --token-file "$WORK/tokens"
DPO=$(awk '$1 == "dpo" {print $2}' "$WORK/tokens")
WORKER=$(awk '$1 == "pekerja.alyatama" {print $2}' "$WORK/tokens")
BASE="http://localhost:$PORT"

run() { # title, token, script, queries, [extra env]
  local title="$1" token="$2" script="$3" queries="$4"
  TOKEN="$token" QUERIES="$queries" wrk -t1 -c"$CONNECTIONS" -d10s -s "$script" "$BASE" > /dev/null
  local result
  result=$(TOKEN="$token" QUERIES="$queries" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$script" "$BASE" \
    | grep '^RESULT' | sed 's/^RESULT //')
  printf '%-46s %s\n' "$title" "$result"
}

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"\
  "$(java -version 2>&1 | head -1)"
echo "== load average before the runs (other work on the machine): $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== wrk: 1 thread, $CONNECTIONS connections, ${DURATION} s per run after a 10 s warm-up;"\
  "embedded shared_buffers ${BENCH_SHARED_BUFFERS:-256MB}"
wrk -t1 -c"$CONNECTIONS" -d10s "$BASE/actuator/health" > /dev/null
HEALTH=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/actuator/health" | awk '/Requests\/sec/ {print $2}')
printf '%-46s rps=%s\n' "GET /actuator/health (baseline)" "$HEALTH"
run "name with a typo, DPO (all units)" "$DPO" bench/wrk/search-names.lua "$DATA_SET/names-typo.tsv"
run "name with a typo, social worker (one unit)" "$WORKER" bench/wrk/search-names.lua "$DATA_SET/names-typo.tsv"
run "exact NIK lookup, DPO" "$DPO" bench/wrk/lookup-nik.lua "$DATA_SET/niks.txt"
echo "== load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== recall of the typo search (first 1,000 queries, first page of 20)"
java -cp "$CP" id.peduli.registry.bench.SearchRecall "$BASE" "$DPO" "$DATA_SET/names-typo.tsv" 1000
