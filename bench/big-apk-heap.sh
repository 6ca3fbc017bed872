#!/usr/bin/env bash
# Heap test: phonehome must inventory a 200 MB APK within a 512 MB Java heap.
#
# Usage: bench/big-apk-heap.sh [MEGABYTES]     (default 200; run from anywhere)
# Writes the APK with dev.phonehome.bench.BigApk (about half DEX, half random stored and
# deflated assets, signed v1+v2), then runs
#   java -Xmx512m -jar cli/target/phonehome.jar scan big.apk --format json --quiet --threads 1
# under /usr/bin/time -v with a GC log, and prints: exit status, wall and CPU time, maximum
# resident set size, the largest heap occupancy seen before a collection, the app's DEX count
# and class total, and its problems (an OutOfMemoryError would show as a failed run or as an
# apk.internal-error problem). Needs bench/target/benchmarks.jar and cli/target/phonehome.jar
# (built with Maven when missing).
set -euo pipefail
megabytes=${1:-200}
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$root/cli/target/phonehome.jar" ] && [ -f "$bench/target/benchmarks.jar" ] \
  || (cd "$root" && mvn -q -B -DskipTests package -pl cli,bench -am)

apk=$work/big.apk
java -Xmx3g -cp "$bench/target/benchmarks.jar" dev.phonehome.bench.BigApk "$apk" "$megabytes"
echo "APK: $(stat -c %s "$apk") bytes; $(unzip -l "$apk" | grep -c 'classes[0-9]*\.dex') DEX entries"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
/usr/bin/time -v -o "$work/time.txt" java -Xmx512m -Xlog:gc:file="$work/gc.log" -jar "$root/cli/target/phonehome.jar" \
  scan "$apk" --format json --quiet --threads 1 > "$work/scan.json" || status=$?
echo "exit status: $status"
grep -E 'Elapsed|User time|System time|Maximum resident' "$work/time.txt"
echo "heap peak before a GC: $(grep -o '[0-9]*M->' "$work/gc.log" | sed 's/M->//' | sort -n | tail -1) MB (limit 512 MB)"
/usr/bin/python3 - "$work/scan.json" <<'PY'
import json, sys
app = json.load(open(sys.argv[1]))["apps"][0]
print("DEX files: %d, classes: %d, problems: %s" % (len(app["dex"]), sum(d["classes"] for d in app["dex"]),
                                                    [p["code"] for p in app["problems"]] or "none"))
PY
