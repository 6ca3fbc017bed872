#!/usr/bin/env bash
# Traffic engine against tshark: decrypting and listing the HTTP requests of a large capture.
#
# Usage: bench/traffic-vs-tshark.sh [SIZE_MB [COPIES]]     (default 200 and 1; run from anywhere)
# Environment: ROUNDS (default 2); KEEP_CAPTURES=DIR keeps the two captures and key logs there;
#   CAPTURES=DIR measures the captures a previous run kept there instead of recording new ones.
# 1. Records about SIZE_MB of HTTPS on loopback with tcpdump: curl (SSLKEYLOGFILE) against a
#    keep-alive HTTP/1.1 server (python3 http.server over TLS), openssl s_server -WWW (one
#    request per connection) and nghttpd (HTTP/2, curl --parallel), each over TLS 1.2 and 1.3,
#    bodies of 1 kB to 4 MB; editcap embeds the key log in big.pcapng. Also small.pcapng, a
#    capture of a quarter of the size, to show that phonehome's heap does not grow with the capture.
#    With COPIES > 1, small.pcapng is the SIZE_MB recording and big.pcapng is COPIES copies of it
#    one after another (editcap -t, an hour apart), copy k moved to the address 127.0.k.1 by
#    tcprewrite --pnat, so that every copy is a connection of its own to tshark too (copies on the
#    same addresses and ports would be TCP retransmissions of the first one to it).
# 2. Runs, alternating, ROUNDS times each, under /usr/bin/time -v:
#      java -Xmx512m -Xlog:gc:file=gc.log -jar cli/target/phonehome.jar traffic cap.pcapng --exchanges-only --format json --out report.json -q
#        (report.json is read for its exchange count, then deleted)
#      PHONEHOME_JAVA_OPTS="-Xmx512m -Xlog:gc:file=gc.log" ./phonehome traffic cap.pcapng --exchanges-only --format json --out report.json -q
#        (the same through the launcher, with its JVM options: AppCDS archive, serial collector, JIT inlining sizes)
#      PHONEHOME_JAVA_OPTS="-Xmx512m -Xlog:gc:file=gc.log" ./phonehome traffic cap.pcapng --exchanges-only --out text.out -q
#        (the launcher's text listing, one line per exchange: the CLI output closest to tshark's fields)
#      java -Xmx512m -Xlog:gc:file=gc.log -cp cli/target/phonehome.jar:classes dev.phonehome.bench.TrafficCount cap.pcapng
#      tshark -r cap.pcapng -o tls.keylog_file:keys.txt -Y 'http.request || http2.type == 1' -T fields
#             -e frame.number -e http.request.method -e http.request.uri -e http2.headers.method -e http2.headers.path
#    then TrafficCount once more with 4 passes in one JVM (phonehome-warm: the last pass's own CPU
#    time shows the warmed-up cost, without JVM start-up and JIT compilation),
#    and prints wall and CPU time, max RSS, Java heap (largest occupancy before and after a GC),
#    MB/s of capture per wall and per CPU second, and the number of requests each one found.
# 3. Pass/fail of TrafficCount under -Xmx32m and of the CLI's JSON and HAR under -Xmx64m at both sizes.
# Needs tcpdump (run as root or with capture rights), tshark, editcap, mergecap, curl, openssl, nghttpd,
# python3, and for COPIES > 1 tcprewrite (Debian's tcpreplay).
set -euo pipefail
size_mb=${1:-200}
copies=${2:-1}
[ "$copies" -ge 1 ] && [ "$copies" -le 254 ] || { echo "COPIES must be 1 to 254, not $copies" >&2; exit 2; }
rounds=${ROUNDS:-2}
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
[ -f "$root/cli/target/phonehome.jar" ] || (cd "$root" && mvn -q -B -DskipTests package -pl cli -am)
# TrafficCount is compiled on its own against the CLI jar (which holds the traffic module), so
# this script does not depend on the rest of the bench module building.
javac -d "$work/classes" -cp "$root/cli/target/phonehome.jar" "$bench/src/main/java/dev/phonehome/bench/TrafficCount.java"
host=phonehome.test

cd "$work"
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -subj "/CN=$host" -days 2 2>/dev/null
mkdir www
for spec in 1k:1000 16k:16000 128k:128000 1m:1000000 4m:4000000; do
  head -c "${spec#*:}" /dev/urandom > "www/s${spec%%:*}.bin"
done
cat > h1server.py <<'PY'
import http.server, ssl, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: many requests per TLS connection
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])),
                                         lambda *a: Handler(*a, directory=sys.argv[2]))
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain("cert.pem", "key.pem")
server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
PY
read -r h1port wwwport h2port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

await_port() {
  for _ in $(seq 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
  echo "nothing listens on $1" >&2; return 1
}
python3 h1server.py "$h1port" www > h1server.log 2>&1 & pids+=($!)
(cd www && exec openssl s_server -accept "127.0.0.1:$wwwport" -key ../key.pem -cert ../cert.pem -quiet -WWW) \
  > s_server.log 2>&1 & pids+=($!)
nghttpd --address=127.0.0.1 -d www "$h2port" key.pem cert.pem > nghttpd.log 2>&1 & pids+=($!)
for p in "$h1port" "$wwwport" "$h2port"; do await_port "$p"; done

# One batch: 19 requests (10 x 1 kB, 5 x 16 kB, 2 x 128 kB, 1 MB, 4 MB), ~5.3 MB of bodies.
paths=()
for _ in $(seq 10); do paths+=(s1k.bin); done
for _ in $(seq 5); do paths+=(s16k.bin); done
paths+=(s128k.bin s128k.bin s1m.bin s4m.bin)
batch() { # PORT CURL-OPTIONS...: one curl process, so one connection reused where the server allows
  local port=$1; shift
  local urls=()
  for p in "${paths[@]}"; do urls+=("https://$host:$port/$p"); done
  SSLKEYLOGFILE=$keys curl -sk --no-progress-meter --max-time 60 --resolve "$host:$port:127.0.0.1" "$@" "${urls[@]}" > /dev/null
}
record() { # NAME MEGABYTES: writes NAME.pcap, NAME.pcapng (key log embedded), NAME.keys and NAME.sent (requests sent)
  local name=$1 target=$(( $2 * 1000000 )) sent=0
  keys=$work/$name.keys
  : > "$keys"
  tcpdump -i lo -U --immediate-mode -B 131072 -w "$name.pcap" \
    "port $h1port or port $wwwport or port $h2port" 2> "$name.tcpdump.log" & local dump=$!
  pids+=($dump)
  for _ in $(seq 100); do grep -q "listening on" "$name.tcpdump.log" && break; sleep 0.1; done
  while [ "$(stat -c %s "$name.pcap")" -lt "$target" ]; do
    batch "$h1port" --http1.1 --tlsv1.2 --tls-max 1.2
    batch "$h1port" --http1.1 --tlsv1.3
    batch "$wwwport" --http1.1 --tlsv1.2 --tls-max 1.2
    batch "$wwwport" --http1.1 --tlsv1.3
    batch "$h2port" --http2 --tlsv1.2 --tls-max 1.2 --parallel --parallel-max 4
    batch "$h2port" --http2 --tlsv1.3 --parallel --parallel-max 4
    sent=$(( sent + 6 * ${#paths[@]} ))
  done
  sleep 0.3
  kill "$dump"; wait "$dump" || true
  editcap --inject-secrets "tls,$keys" "$name.pcap" "$name.pcapng"
  echo "$sent" > "$name.sent"
}
replicate() { # NAME SOURCE COPIES: NAME.pcapng (and .keys, .sent) of COPIES copies of SOURCE.pcap
  local name=$1 src=$2 n=$3 parts=()
  for k in $(seq "$n"); do
    tcprewrite --pnat="127.0.0.1/32:127.0.$k.1/32" --infile="$src.pcap" --outfile="copy.pcap"
    editcap -t $(( (k - 1) * 3600 )) copy.pcap "copy$k.pcap"
    parts+=("copy$k.pcap")
  done
  mergecap -a -F pcap -w "$name.pcap" "${parts[@]}"
  rm copy.pcap "${parts[@]}"
  cp "$src.keys" "$name.keys"
  editcap --inject-secrets "tls,$name.keys" "$name.pcap" "$name.pcapng"
  echo $(( $(cat "$src.sent") * n )) > "$name.sent"
  cp "$src.tcpdump.log" "$name.tcpdump.log"
}

# Prints: wall s, CPU s, max RSS MB, heap before GC MB, heap after GC MB, requests
measure() { # TOOL CAPTURE
  local tool=$1 cap=$2 out=$work/out.txt gc=$work/gc.log
  rm -f "$gc"
  case $tool in
    phonehome-json) /usr/bin/time -v -o time.txt java -Xmx512m -Xlog:gc:file="$gc" -jar "$root/cli/target/phonehome.jar" \
        traffic "$cap" --exchanges-only --format json --out json.out -q > "$out" 2> "$tool.err" ;;
    phonehome-launcher) PHONEHOME_JAVA_OPTS="-Xmx512m -Xlog:gc:file=$gc" /usr/bin/time -v -o time.txt "$root/phonehome" \
        traffic "$cap" --exchanges-only --format json --out json.out -q > "$out" 2> "$tool.err" ;;
    phonehome-text) PHONEHOME_JAVA_OPTS="-Xmx512m -Xlog:gc:file=$gc" /usr/bin/time -v -o time.txt "$root/phonehome" \
        traffic "$cap" --exchanges-only --out text.out -q > "$out" 2> "$tool.err" ;;
    phonehome-stream) /usr/bin/time -v -o time.txt java -Xmx512m -Xlog:gc:file="$gc" \
        -cp "$root/cli/target/phonehome.jar:$work/classes" dev.phonehome.bench.TrafficCount "$cap" > "$out" 2> "$tool.err" ;;
    phonehome-warm) /usr/bin/time -v -o time.txt java -Xmx512m -Xlog:gc:file="$gc" \
        -cp "$root/cli/target/phonehome.jar:$work/classes" dev.phonehome.bench.TrafficCount "$cap" 4 > "$out" 2> "$tool.err" ;;
    tshark) /usr/bin/time -v -o time.txt tshark -r "$cap" -o "tls.keylog_file:${cap%.pcapng}.keys" \
        -Y 'http.request || http2.type == 1' -T fields -e frame.number -e http.request.method -e http.request.uri \
        -e http2.headers.method -e http2.headers.path > "$out" 2> "$tool.err" ;;
  esac
  python3 - "$tool" time.txt "$gc" "$out" json.out <<'PY'
import json, os, re, sys
tool, timefile, gc, out, jsonout = sys.argv[1:]
t = open(timefile).read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", t).group(1).strip()
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"))))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
before = after = "-"
if os.path.exists(gc):
    pairs = re.findall(r"(\d+)M->(\d+)M", open(gc).read())
    if pairs:
        before, after = max(int(b) for b, _ in pairs), max(int(a) for _, a in pairs)
status = int(field("Exit status"))
if tool == "tshark":  # one row per frame; a frame may carry several HTTP/2 HEADERS frames
    requests = 0
    for row in open(out):
        cols = row.rstrip("\n").split("\t")
        requests += sum(len([v for v in c.split(",") if v]) for c in (cols[1], cols[3]))
elif tool == "phonehome-text":  # one line per exchange, then "N exchanges on M connections, ..."
    requests = open("text.out").readlines()[-1].split()[0] if status == 0 else "-"
    os.remove("text.out") if os.path.exists("text.out") else None
elif tool in ("phonehome-json", "phonehome-launcher"):
    requests = len(json.load(open(jsonout))["exchanges"]) if status == 0 else "-"
    os.remove(jsonout) if os.path.exists(jsonout) else None
else:  # TrafficCount: the last pass
    requests = open(out).read().strip().split("\n")[-1]
print(f"{wall:.1f} {cpu:.1f} {rss:.0f} {before} {after} exit={status} | {requests}")
PY
}

echo "machine: $(nproc) cores; $(free -h | awk '/Mem:/{print $2}') RAM; $(java -version 2>&1 | head -1); $(tshark --version | head -1)"
small_mb=$(( size_mb / 4 ))
[ "$copies" -gt 1 ] && small_mb=$size_mb
for name in small big; do
  if [ -n "${CAPTURES:-}" ]; then
    cp "$CAPTURES/$name.pcapng" "$CAPTURES/$name.keys" "$CAPTURES/$name.sent" . && touch "$name.tcpdump.log"
  elif [ "$name" = big ] && [ "$copies" -gt 1 ]; then
    replicate big small "$copies"
  elif [ "$name" = big ]; then
    record big "$size_mb"
  else
    record small "$small_mb"
  fi
  sent=$(cat "$name.sent")
  bytes=$(stat -c %s "$name.pcapng")
  echo "capture $name.pcapng: $bytes bytes, $sent requests sent by curl, $(wc -l < "$name.keys") key log lines;" \
       "tcpdump: $(grep -h 'dropped by kernel' "$name.tcpdump.log" || echo "(kept from $CAPTURES)")"
done
for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
pids=()
rm -f small.pcap big.pcap

printf '%-8s %-17s %5s %7s %6s %8s %8s %8s %8s %s\n' capture tool round wall_s cpu_s rss_MB heapB_MB heapA_MB load1 "MB/s wall, MB/s CPU | requests"
run() { # NAME TOOL ROUND
  local bytes load r
  bytes=$(stat -c %s "$1.pcapng")
  load=$(cut -d' ' -f1 /proc/loadavg)
  r=$(measure "$2" "$work/$1.pcapng")
  read -r wall cpu rss hb ha status _ <<< "$r"
  printf '%-8s %-17s %5s %7s %6s %8s %8s %8s %8s %s\n' "$1" "$2" "$3" "$wall" "$cpu" "$rss" "$hb" "$ha" "$load" \
    "$(python3 -c "import sys; b,w,c=map(float,sys.argv[1:]); print(f'{b/1e6/w:.1f}, {b/1e6/c:.1f}')" "$bytes" "$wall" "$cpu") $status | ${r#*| }"
}
# The launcher's first run after a build writes its AppCDS archive: done here, not timed.
"$root/phonehome" traffic small.pcapng --format json --out /dev/null -q 2> /dev/null
for round in $(seq "$rounds"); do
  run big phonehome-stream "$round"
  run big tshark "$round"
  run big phonehome-json "$round"
  run big phonehome-launcher "$round"
  run big phonehome-text "$round"
done
run small phonehome-stream 1
run small phonehome-text 1
run small phonehome-json 1
run small phonehome-launcher 1
run big phonehome-warm 1
# Pass/fail under small heaps: streaming must fit 32 MB at both sizes, the CLI's JSON and HAR 64 MB.
heap_check() { # NAME XMX ARGS...
  local name=$1 xmx=$2; shift 2
  if java "-Xmx$xmx" "$@" > heap.out 2>&1; then echo "-Xmx$xmx $name: pass"
  else echo "-Xmx$xmx $name: FAIL ($(grep -m1 -o 'OutOfMemoryError.*' heap.out || tail -1 heap.out))"; fi
}
for name in small big; do
  heap_check "TrafficCount $name.pcapng" 32m -cp "$root/cli/target/phonehome.jar:$work/classes" \
    dev.phonehome.bench.TrafficCount "$name.pcapng"
  for format in json har; do
    heap_check "phonehome traffic $name.pcapng --format $format" 64m -jar "$root/cli/target/phonehome.jar" \
      traffic "$name.pcapng" --format "$format" --out /dev/null -q
  done
done
if [ -n "${KEEP_CAPTURES:-}" ]; then # for profiling afterwards
  mkdir -p "$KEEP_CAPTURES" && cp big.pcapng big.keys big.sent small.pcapng small.keys small.sent "$KEEP_CAPTURES"
fi
