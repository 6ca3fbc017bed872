#!/usr/bin/env bash
# Whole-process comparison: time to inventory a folder of APKs (class names, string counts,
# requested permissions) with phonehome, with androguard, and with the Exodus Privacy method
# (dexdump + regex over its output + aapt), then a check that the three agree APK by APK.
#
# Usage: bench/inventory-vs-reference.sh [ROUNDS]      (default 3; run from anywhere)
# Environment: THREADS (phonehome --threads, default 1: the references use one core),
#              KEEP=1 keeps the work folder (printed) for inspection.
# Needs: Debian packages androguard, dexdump, aapt, unzip, perl; Java 17 and Maven to build
# cli/target/phonehome.jar when it is missing.
#
# Corpus (deterministic): every *.apk Debian's androguard package installs under
# /usr/share/doc/androguard/examples (malware folders skipped if any), copied into a temporary
# folder with its relative path flattened into the file name.
#
# Measurement: the tools run one after the other in each round (interleaved, so machine load
# hits them alike) under /usr/bin/time -v: phonehome twice, as `java -jar` with the JVM's defaults
# and through the ./phonehome launcher (its class-data archive and JIT options), then the references: wall time, user+system CPU time and maximum
# resident set size per run, with the 1-minute load average before it. phonehome's Java heap
# peak comes from its GC log (largest "before" size of a collection). The summary gives medians
# and the ratios reference/phonehome for wall and CPU time.
#
# Agreement: bench/reference/compare.py prints every APK whose class set or permission set differs
# between phonehome and androguard / dexdump / aapt; docs/PERFORMANCE.md explains each kind.
set -euo pipefail
rounds=${1:-3}
threads=${THREADS:-1}
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
jar=$root/cli/target/phonehome.jar
python=/usr/bin/python3   # Debian's python, where androguard is installed
work=$(mktemp -d)
[ "${KEEP:-0}" = 1 ] && echo "work folder: $work" || trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8   # byte-order sort, yet UTF-8 file names for Java

[ -f "$jar" ] || (cd "$root" && mvn -q -B -DskipTests package -pl cli -am)

corpus=$work/corpus
mkdir -p "$corpus"
(cd /usr/share/doc/androguard/examples && find . -name '*.apk' ! -ipath '*malware*' | sort | while read -r f; do
  cp "$f" "$corpus/$(echo "${f#./}" | tr '/' '_')"
done)
echo "corpus: $(ls "$corpus" | wc -l) APKs, $(du -sb "$corpus" | cut -f1) bytes"

# Exodus matches each tracker's code signature as a regex over the '/'-separated class paths.
"$python" - "$root/core/src/main/resources/kb/trackers.json" > "$work/signatures" <<'PY'
import json, re, sys
prefixes = {c["value"] for t in json.load(open(sys.argv[1]))["trackers"] for c in t.get("code_prefixes", [])}
for p in sorted(prefixes):
    print(re.escape(p.rstrip(".")).replace(r"\.", "/"))
PY
echo "tracker signatures: $(wc -l < "$work/signatures")"

echo "machine: $(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p'); $(free -h | awk '/Mem:/ {print $2 " RAM"}')"
java -version 2>&1 | head -1
"$python" -c 'import androguard; print("androguard", androguard.__version__)'

run() {  # run ROUND TOOL COMMAND...: one timed run, appended to times.tsv
  local round=$1 tool=$2; shift 2
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null 2> "$work/$tool.stderr" \
    || echo "$tool exited with status $? (its stderr: $work/$tool.stderr)" >&2
  awk -v r="$round" -v t="$tool" -v l="$load" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = (n == 3 ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2]) }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident set size/ { m = $2 }
    END { printf "%s\t%s\t%.2f\t%.2f\t%d\t%s\n", r, t, w, u + s, m, l }' "$work/time.txt" >> "$work/times.tsv"
}

printf 'round\ttool\twall_s\tcpu_s\tmaxrss_kb\tload1\n' > "$work/times.tsv"
# The launcher writes its class-data archive for `scan` on its first run after a build: that run is
# not timed, as a user pays it once.
"$root/phonehome" scan "$corpus" --format json --json "$work/launcher.json" --quiet --threads "$threads" > /dev/null
for round in $(seq 1 "$rounds"); do
  rm -rf "$work/exodus"
  run "$round" phonehome java -Xlog:gc:file="$work/gc-$round.log" -jar "$jar" scan "$corpus" --classes \
      --format json --json "$work/phonehome.json" --quiet --threads "$threads"
  run "$round" launcher "$root/phonehome" scan "$corpus" --classes --format json --json "$work/launcher.json" \
      --quiet --threads "$threads"
  run "$round" androguard "$python" "$bench/reference/androguard_inventory.py" "$corpus" "$work/androguard.jsonl"
  run "$round" exodus "$bench/reference/exodus_inventory.sh" "$corpus" "$work/signatures" "$work/exodus"
  tail -n 4 "$work/times.tsv"
done

cmp -s "$work/phonehome.json" "$work/launcher.json" && same=yes || same=NO
echo "launcher's scan JSON identical to java -jar's: $same"
heap=$(grep -ho '[0-9]*M->' "$work"/gc-*.log | sed 's/M->//' | sort -n | tail -1)
echo "phonehome Java heap peak (largest heap before a GC, all rounds): ${heap:-?} MB"
"$python" - "$work/times.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
med = {}
for tool in ("phonehome", "launcher", "androguard", "exodus"):
    r = [x for x in rows if x["tool"] == tool]
    med[tool] = {k: statistics.median(float(x[k]) for x in r) for k in ("wall_s", "cpu_s", "maxrss_kb")}
    print("%-10s median wall %7.2f s  cpu %7.2f s  max RSS %6.0f MB  (runs %d)" % (
        tool, med[tool]["wall_s"], med[tool]["cpu_s"], med[tool]["maxrss_kb"] / 1024, len(r)))
for ref in ("androguard", "exodus"):
    for tool in ("phonehome", "launcher"):
        print("%s / %s: wall %.1fx, cpu %.1fx" % (ref, tool, med[ref]["wall_s"] / med[tool]["wall_s"],
                                                med[ref]["cpu_s"] / med[tool]["cpu_s"]))
PY
trackers=$(cat "$work"/exodus/*.trackers | sort -u | wc -l)
echo "Exodus method: $trackers distinct class paths matched a tracker signature"

echo "agreement (phonehome vs androguard, dexdump, aapt):"
"$python" "$bench/reference/compare.py" "$corpus" "$work/phonehome.json" "$work/androguard.jsonl" "$work/exodus"
