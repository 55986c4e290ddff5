#!/usr/bin/env bash
# Test time: runs `./mvnw -B verify` (every test) and prints how long each build phase took, with the load average
# before and after. Usage: bench/test-time.sh [clean] [other Maven arguments]; `clean` first measures a build from
# scratch, as on CI. The full log goes to ${TMPDIR:-/tmp}/peduli-test-time.log (outside target/, which clean deletes).
set -euo pipefail
cd "$(dirname "$0")/.."

log=${TMPDIR:-/tmp}/peduli-test-time.log

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
start=$(date +%s)
set +e
./mvnw -B "$@" verify 2>&1 | while IFS= read -r line; do printf '%s %s\n' "$(date +%s)" "$line"; done > "$log"
status=${PIPESTATUS[0]}
set -e
end=$(date +%s)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Each plugin execution starts with a line like "[INFO] --- surefire:3.5.4:test (default-test) @ peduli ---";
# it lasts until the next one starts (or the build ends).
awk -v end="$end" '
  / --- / {
    if (name != "") { total[name] += $1 - since }
    name = $0; sub(/^[0-9]+ \[INFO\] --- /, "", name); sub(/ @ .*$/, "", name); sub(/:[0-9.]+:/, ":", name)
    since = $1
    if (!(name in seen)) { order[++n] = name; seen[name] = 1 }
  }
  END {
    if (name != "") { total[name] += end - since }
    for (i = 1; i <= n; i++) if (total[order[i]] >= 1) printf "%6d s  %s\n", total[order[i]], order[i]
  }' "$log"
echo "$(( end - start )) s  whole ./mvnw verify (exit status $status)"
exit "$status"
