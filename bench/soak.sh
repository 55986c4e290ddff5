#!/usr/bin/env bash
# Soak test: Peduli on the embedded database under a steady mixed load for a long time (default 30 minutes): signed-in
# users searching and opening profiles, registrations through the API, an import (upload, validate, commit) every few
# minutes, exports with a reason, and a backup every few minutes. Figures at the start (after one minute of warm-up)
# and at the end: resident set size, heap used after a full GC, the connection pool (active, idle, pending), and every
# answer's status code. Checks at the end: no error answers, the pool back to zero active connections once the load
# stops, and every backup matches its checksum.
# With SOAK_KILL=1 the application is also killed with kill -9 halfway: it must come back by itself (the watchdog
# stopped the old PostgreSQL, the restart recovered), no PostgreSQL of the killed run may be left, and the count of
# audit entries (append-only) must not go down across the kill, so no acknowledged write was lost. The memory figures
# of such a run compare the restart (after its warm-up) with the end.
#
# Usage: bench/soak.sh [minutes]           (default 30; not part of ./mvnw verify)
#        SOAK_CLIENTS (default 4) browsing clients, SOAK_BACKUP_EVERY (default 5) and SOAK_IMPORT_EVERY (default 5)
#        minutes between backups and imports, SOAK_KILL (default 0).
# Needs: JDK 17 (with jcmd), curl, jq, sha256sum, psql (any version, for the audit count).
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-30}"
CLIENTS="${SOAK_CLIENTS:-4}"
BACKUP_EVERY="${SOAK_BACKUP_EVERY:-5}"
IMPORT_EVERY="${SOAK_IMPORT_EVERY:-5}"
KILL="${SOAK_KILL:-0}"
PASSWORD="${SOAK_PASSWORD:-Peduli.Demo.2026}"
PORT="${SOAK_PORT:-18091}"
BASE="http://127.0.0.1:$PORT"
for tool in curl jq jcmd; do command -v "$tool" >/dev/null || { echo "Install $tool"; exit 1; }; done

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

session() { # signs in with a form, like a browser; the cookie jar is $1
  local jar="$1" user="$2" token
  token=$(curl -s -c "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "_csrf=$token&username=$user&password=$PASSWORD" "$BASE/login"
}

api_token() { # a personal access token of $1, made on the account page
  local jar="$WORK/cookies-token-$1" csrf
  session "$jar" "$1"
  csrf=$(curl -s -b "$jar" "$BASE/account/tokens" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -d "_csrf=$csrf&name=soak&days=7" "$BASE/account/tokens" \
    | sed -n 's/.*id="newToken" value="\([^"]*\)".*/\1/p' | head -1
}

code() { # appends the status code of a request to the client's file $1; the rest are curl's arguments
  local file="$1"; shift
  curl -s -o /dev/null -w '%{http_code}\n' "$@" >> "$WORK/codes-$file"
}

browser() { # a signed-in worker: searches, opens a profile and its tabs, the import page
  local jar="$WORK/cookies-$1"
  session "$jar" pekerja.alyatama
  local names=(budi siti agus rina joko wati hasan dewi)
  while true; do
    for n in "${names[@]}"; do
      code "browse" -b "$jar" "$BASE/people?q=$n"
      id=$(curl -s -H "Authorization: Bearer $WORKER" "$BASE/api/v1/people?q=$n&size=1" | jq -r '.items[0].id // empty')
      if [ -n "$id" ]; then
        code "browse" -b "$jar" "$BASE/people/$id"
        code "browse" -b "$jar" "$BASE/people/$id?tab=household"
      fi
      code "browse" -b "$jar" "$BASE/people/import"
      code "browse" "$BASE/actuator/health"
    done
  done
}

registrar() { # registrations through the API, one every two seconds
  local first=(Budi Siti Agus Rina Joko Wati Hasan Dewi Slamet Sri Eko Ani) last=(Santoso Lestari Wibowo Rahayu)
  local i=0
  while true; do
    i=$((i + 1))
    local name="${first[$((RANDOM % 12))]} ${last[$((RANDOM % 4))]} Soak $i"
    code "register" -H "Authorization: Bearer $WORKER" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: soak-$$-$i" \
      -d "{\"orgUnitId\":$UNIT,\"fullName\":\"$name\",\"sex\":\"F\",\"birthYear\":$((1950 + RANDOM % 60)),\"acceptWarnings\":true}" \
      "$BASE/api/v1/people"
    sleep 2
  done
}

exporter() { # an export with a reason every minute, as the data-protection officer would
  while true; do
    code "export" -H "Authorization: Bearer $DPO" -H 'Content-Type: application/json' \
      -d '{"q":"soak","reason":"Pemeriksaan data rutin","format":"CSV"}' "$BASE/api/v1/people/export"
    sleep 60
  done
}

import_once() { # upload, validate, wait, commit VALID_ONLY, wait: 200 rows
  local file="$WORK/import-$1.csv" id state
  echo "full_name,sex,birth_year,external_id" > "$file"
  for r in $(seq 1 200); do echo "Peserta Impor $1-$r,L,$((1950 + r % 60)),soak-$1-$r" >> "$file"; done
  local answer
  answer=$(curl -s -H "Authorization: Bearer $WORKER" -F "file=@$file;type=text/csv" -F "orgUnitId=$UNIT" \
    -w '\n%{http_code}' "$BASE/api/v1/people/imports")
  echo "$answer" | tail -1 >> "$WORK/codes-import"
  id=$(echo "$answer" | head -1 | jq -r '.id')
  code "import" -H "Authorization: Bearer $WORKER" -X POST "$BASE/api/v1/people/imports/$id/validate"
  for _ in $(seq 1 120); do
    state=$(curl -s -H "Authorization: Bearer $WORKER" "$BASE/api/v1/people/imports/$id" | jq -r '.status')
    [ "$state" = "VALIDATED" ] && break; sleep 1
  done
  code "import" -H "Authorization: Bearer $WORKER" -X POST "$BASE/api/v1/people/imports/$id/commit?mode=VALID_ONLY"
  for _ in $(seq 1 120); do
    state=$(curl -s -H "Authorization: Bearer $WORKER" "$BASE/api/v1/people/imports/$id" | jq -r '.status')
    case "$state" in COMMITTED|FAILED|INTERRUPTED) break ;; esac; sleep 1
  done
  echo "   import $1: $state"
  echo "$state" >> "$WORK/imports"
}

figures() { # label: RSS, heap used after a full GC, connection pool
  jcmd "$PID" GC.run > /dev/null
  sleep 2
  local rss heap active idle pending
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$PID/status")
  heap=$(jcmd "$PID" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
  active=$(metric hikaricp.connections.active); idle=$(metric hikaricp.connections.idle)
  pending=$(metric hikaricp.connections.pending)
  echo "$1: RSS ${rss} MB, heap after full GC $((heap / 1024)) MB, pool active $active idle $idle pending $pending" \
    | tee -a "$WORK/figures"
}

metric() { # a gauge of the Prometheus scrape, summed over its series (national administrators only)
  local name="${1//./_}"
  curl -s -H "Authorization: Bearer $ADMIN" "$BASE/actuator/prometheus" \
    | awk -v m="$name" '$1 ~ "^"m"([{]|$)" {sum += $2} END {printf "%d", sum}'
}

echo "== start in $WORK"
start
WORKER=$(api_token pekerja.alyatama)
ADMIN=$(api_token admin)
DPO=$(api_token dpo)
UNIT=$(curl -s -H "Authorization: Bearer $WORKER" "$BASE/api/v1/me" | jq -r '.grants[0].unitId')
[ -n "$WORKER" ] && [ -n "$ADMIN" ] && [ "$UNIT" != "null" ] || { echo "FAIL: could not get tokens"; exit 1; }

begin_load() {
  for i in $(seq 1 "$CLIENTS"); do browser "$i" & CLIENT_PIDS+=($!); done
  registrar & CLIENT_PIDS+=($!)
  exporter & CLIENT_PIDS+=($!)
}
stop_load() {
  for p in "${CLIENT_PIDS[@]:-}"; do
    [ -n "$p" ] && { pkill -P "$p" 2>/dev/null; kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; } || true
  done
  CLIENT_PIDS=()
}
begin_load
sleep 60
figures "start"

END=$(( $(date +%s) + MINUTES * 60 ))
KILL_AT=$(( $(date +%s) + MINUTES * 30 ))
NEXT_BACKUP=$(( $(date +%s) + BACKUP_EVERY * 60 ))
NEXT_IMPORT=$(( $(date +%s) + 30 ))
IMPORTS=0
KILLED=0
BEFORE_KILL="?"
while [ "$(date +%s)" -lt "$END" ]; do
  sleep 5
  if [ "$(date +%s)" -ge "$NEXT_IMPORT" ]; then
    IMPORTS=$((IMPORTS + 1))
    import_once "$IMPORTS"
    NEXT_IMPORT=$(( $(date +%s) + IMPORT_EVERY * 60 ))
  fi
  if [ "$(date +%s)" -ge "$NEXT_BACKUP" ]; then
    echo "== backup"
    PEDULI_DATA_DIR="$DATA" java -jar "$JAR" backup "$WORK/backups" | tail -2
    NEXT_BACKUP=$(( $(date +%s) + BACKUP_EVERY * 60 ))
  fi
  if [ "$KILL" = 1 ] && [ "$KILLED" = 0 ] && [ "$(date +%s)" -ge "$KILL_AT" ]; then
    BEFORE_KILL=$(audit_count)
    OLD_PG=$(sed -n 1p "$DATA/postgres/postmaster.pid")
    echo "== kill -9 $PID (audit entries: $BEFORE_KILL, PostgreSQL $OLD_PG)"
    stop_load
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
    # requests cut off by the kill are not errors of the application
    for f in "$WORK"/codes-*; do grep -v '^000$' "$f" > "$f.tmp" || true; mv "$f.tmp" "$f"; done
    begin_load
    sleep 60
    figures "after the restart"
    KILLED=1
  fi
done
figures "end (under load)"
stop_load
sleep 5
figures "end (load stopped)"

echo "== results"
for f in "$WORK"/codes-*; do echo "$(basename "$f" | sed 's/codes-//'):"; sort "$f" | uniq -c; done
cat "$WORK/figures"
echo "imports: $(sort "$WORK/imports" 2>/dev/null | uniq -c | xargs)"
ERRORS=$(cat "$WORK"/codes-* | grep -cvE '^(200|201|202|204|302)$' || true)
echo "answers other than 2xx/302: $ERRORS"
[ "$ERRORS" = 0 ] || { echo "FAIL: error answers"; exit 1; }
grep -q "load stopped.*pool active 0 " "$WORK/figures" || { echo "FAIL: connections still active"; exit 1; }
if grep -qv COMMITTED "$WORK/imports" 2>/dev/null; then echo "FAIL: an import did not commit"; exit 1; fi
(cd "$WORK/backups" 2>/dev/null && for f in *.sha256; do sha256sum -c "$f"; done) || { echo "FAIL: a backup"; exit 1; }
echo "log lines with an exception: $(grep -c "Exception" "$WORK/app.log" || true)"
echo "OK"
