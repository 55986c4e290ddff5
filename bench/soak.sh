#!/usr/bin/env bash
# Soak test: Peduli on the embedded database under a steady mixed load for a long time (default 30 minutes), with a
# backup every few minutes and one kill -9 of the application halfway. Checks at the end: the application came back
# by itself after the kill (the watchdog stopped the old PostgreSQL, the restart recovered), no PostgreSQL of the
# killed run is left, every backup matches its checksum, and the count of audit entries (append-only) never went
# down across the kill, so no acknowledged write was lost.
#
# Usage: bench/soak.sh [minutes]           (default 30; not part of ./mvnw verify)
#        SOAK_CLIENTS (default 4) parallel clients, SOAK_BACKUP_EVERY (default 5) minutes between backups.
# Needs: JDK 17, curl, sha256sum, psql (any version, for the audit count).
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-30}"
CLIENTS="${SOAK_CLIENTS:-4}"
BACKUP_EVERY="${SOAK_BACKUP_EVERY:-5}"
PORT="${SOAK_PORT:-18091}"
BASE="http://127.0.0.1:$PORT"
command -v curl >/dev/null || { echo "Install curl"; exit 1; }

echo "== build"
./mvnw -q -DskipTests package
JAR=$(ls target/peduli-*.jar | grep -v original | head -1)
WORK=$(mktemp -d /tmp/peduli-soak-XXXX)
DATA="$WORK/data"
PID=""
CLIENT_PIDS=()
cleanup() {
  for p in "${CLIENT_PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  echo "log and backups kept in $WORK"
}
trap cleanup EXIT

start() {
  PEDULI_DATA_DIR="$DATA" java -jar "$JAR" --server.port="$PORT" >> "$WORK/app.log" 2>&1 &
  PID=$!
  local waited=0
  until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    sleep 1; waited=$((waited + 1))
    if ! kill -0 "$PID" 2>/dev/null; then echo "Peduli did not start; see $WORK/app.log"; exit 1; fi
    if [ "$waited" -gt 600 ]; then echo "Peduli not UP after 10 minutes"; exit 1; fi
  done
  echo "   up after ${waited}s (pid $PID)"
}

audit_count() { # through the owner's password, like an operator would
  local pw port
  pw=$(sed -n 's/^owner.password=//p' "$DATA/keys/database.properties")
  port=$(sed -n 4p "$DATA/postgres/postmaster.pid")
  PGPASSWORD="$pw" psql -h 127.0.0.1 -p "$port" -U postgres -tAc "select count(*) from audit.entry" postgres \
    2>/dev/null || echo "?"
}

client() { # a signed-in user browsing: people search, people list, import page, own account
  local jar="$WORK/cookies-$1" token
  token=$(curl -s -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "_csrf=$token&username=pekerja.alyatama&password=Peduli.Demo.2026" \
    "$BASE/login"
  local names=(budi siti agus rina joko wati hasan dewi)
  while true; do
    for n in "${names[@]}"; do
      curl -s -b "$jar" -o /dev/null -w '%{http_code}\n' "$BASE/people?q=$n" >> "$WORK/codes-$1"
      curl -s -b "$jar" -o /dev/null -w '%{http_code}\n' "$BASE/people/import" >> "$WORK/codes-$1"
      curl -s -o /dev/null -w '%{http_code}\n' "$BASE/actuator/health" >> "$WORK/codes-$1"
    done
  done
}

echo "== start in $WORK"
start
for i in $(seq 1 "$CLIENTS"); do client "$i" & CLIENT_PIDS+=($!); done

END=$(( $(date +%s) + MINUTES * 60 ))
KILL_AT=$(( $(date +%s) + MINUTES * 30 ))
NEXT_BACKUP=$(( $(date +%s) + BACKUP_EVERY * 60 ))
KILLED=0
BEFORE_KILL="?"
while [ "$(date +%s)" -lt "$END" ]; do
  sleep 5
  if [ "$(date +%s)" -ge "$NEXT_BACKUP" ]; then
    echo "== backup"
    PEDULI_DATA_DIR="$DATA" java -jar "$JAR" backup "$WORK/backups" | tail -2
    NEXT_BACKUP=$(( $(date +%s) + BACKUP_EVERY * 60 ))
  fi
  if [ "$KILLED" = 0 ] && [ "$(date +%s)" -ge "$KILL_AT" ]; then
    BEFORE_KILL=$(audit_count)
    OLD_PG=$(sed -n 1p "$DATA/postgres/postmaster.pid")
    echo "== kill -9 $PID (audit entries: $BEFORE_KILL, PostgreSQL $OLD_PG)"
    kill -9 "$PID"; wait "$PID" 2>/dev/null || true
    start
    if kill -0 "$OLD_PG" 2>/dev/null && [ "$OLD_PG" != "$(sed -n 1p "$DATA/postgres/postmaster.pid")" ]; then
      echo "FAIL: the PostgreSQL of the killed run ($OLD_PG) is still running"; exit 1
    fi
    AFTER_KILL=$(audit_count)
    echo "   audit entries after the restart: $AFTER_KILL"
    if [ "$BEFORE_KILL" != "?" ] && [ "$AFTER_KILL" != "?" ] && [ "$AFTER_KILL" -lt "$BEFORE_KILL" ]; then
      echo "FAIL: audit entries went down from $BEFORE_KILL to $AFTER_KILL"; exit 1
    fi
    KILLED=1
  fi
done

echo "== results"
cat "$WORK"/codes-* | sort | uniq -c
(cd "$WORK/backups" 2>/dev/null && for f in *.sha256; do sha256sum -c "$f"; done) || { echo "FAIL: a backup"; exit 1; }
grep -c "Exception" "$WORK/app.log" | xargs echo "log lines with an exception:"
echo "OK"
