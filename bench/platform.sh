#!/usr/bin/env bash
# Platform benchmark: time from launch to healthy (first start on an empty data directory, then a restart),
# resident memory after start, and requests per second of GET /actuator/health with wrk (the framework's
# ceiling on this machine, the baseline later endpoints are compared to).
#
# Usage: bench/platform.sh [duration-seconds]   (needs: a built jar in target/, curl, wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-30}"
PORT="${BENCH_PORT:-18181}"
JAR=$(ls target/peduli-*.jar 2>/dev/null | grep -v original | head -1)
[ -n "$JAR" ] || { echo "Build first: ./mvnw -DskipTests package"; exit 1; }
command -v wrk >/dev/null || { echo "Install wrk (apt-get install wrk)"; exit 1; }
DATA=$(mktemp -d /tmp/peduli-bench-XXXX)
PID=""
ELAPSED=0
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; sleep 2; rm -rf "$DATA"' EXIT

if curl -s -o /dev/null "http://localhost:$PORT/"; then
  echo "Port $PORT is already in use; set BENCH_PORT to a free port"; exit 1
fi

now_ms() { date +%s%3N; }

start() {
  local started=$(now_ms)
  PEDULI_DATA_DIR="$DATA" PORT="$PORT" java -jar "$JAR" > "$DATA/app-$1.log" 2>&1 &
  PID=$!
  until curl -fs "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$PID" 2>/dev/null || { echo "Peduli exited; see $DATA/app-$1.log"; cat "$DATA/app-$1.log" | tail -20; exit 1; }
    sleep 0.05
  done
  ELAPSED=$(( $(now_ms) - started ))
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

stop() {
  local started=$(now_ms)
  kill -TERM "$PID"
  wait "$PID" 2>/dev/null || true
  ELAPSED=$(( $(now_ms) - started ))
}

echo "Peduli platform benchmark on $(nproc) cores, $(java -version 2>&1 | head -1)"
start first
FIRST=$ELAPSED
FIRST_RSS=$(rss_mb "$PID")
stop
FIRST_STOP=$ELAPSED
start second
SECOND=$ELAPSED
sleep 5
SECOND_RSS=$(rss_mb "$PID")
echo "launch to healthy, empty data directory (schema, 91,599 regions, demo data): ${FIRST} ms"
echo "launch to healthy, restart on existing data:                                 ${SECOND} ms"
echo "resident memory after start: first ${FIRST_RSS} MB, restart ${SECOND_RSS} MB (JVM only; PostgreSQL runs in its own processes)"
echo "clean shutdown (SIGTERM until the JVM and PostgreSQL are gone): ${FIRST_STOP} ms"
PG_RSS=$(for p in $(pgrep -f "$DATA/postgres"); do awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null; done | awk '{s+=$1} END {printf "%.0f", s/1024}')
echo "embedded PostgreSQL processes: ${PG_RSS:-0} MB resident"

echo "warming up GET /actuator/health for 10 s"
wrk -t2 -c20 -d10s "http://localhost:$PORT/actuator/health" > /dev/null
echo "GET /actuator/health, ${DURATION} s, 2 threads, 50 connections:"
wrk -t2 -c50 -d"${DURATION}s" --latency "http://localhost:$PORT/actuator/health" | sed 's/^/  /'
AFTER_RSS=$(rss_mb "$PID")
echo "resident memory after the load: ${AFTER_RSS} MB"
