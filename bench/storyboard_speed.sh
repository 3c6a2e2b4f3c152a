#!/usr/bin/env bash
# Storyboard speed beside nginx: seeds two projects of 150 and 1,000 shots (small images, every third shot a short
# video) through the API of a freshly started Kadr, saves each storyboard page's HTML, has nginx serve those same
# bytes, and times both servers in the same run, alternating, with the same client. 90 distinct takes are uploaded
# once; every shot's headliner is a copy of one of them (same files), so seeding 1,150 shots takes minutes.
# Usage: bash bench/storyboard_speed.sh        (results on stdout and in bench/out/)
# Env:   KADR_BENCH_JAVA (default: Temurin 25, else java on PATH); KADR_BENCH_JFR=1 also records a Java Flight
#        Recording (bench/out/storyboard-speed.jfr) and prints the hottest request frames;
#        KADR_BENCH_SHOTS="150 1000" chooses the storyboard sizes.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/bench/out"
INPUTS="$OUT/inputs/small"
JAVA=${KADR_BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$JAVA" ] || JAVA=java
source "$ROOT/bench/lib/kadr.sh"

mkdir -p "$OUT" "$INPUTS"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kadr-speed.XXXXXX")
NGINX_PID=""
cleanup() {
  stop_kadr
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$NGINX" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    timeout 600 apt-get install -y -q nginx-light >&2
  else
    echo "nginx missing. Run: sudo apt-get install -y nginx-light" >&2; exit 1
  fi
fi

JVM_OPTS=()
if [ "${KADR_BENCH_JFR:-0}" = 1 ]; then
  JVM_OPTS+=("-XX:StartFlightRecording=filename=$OUT/storyboard-speed.jfr,settings=profile,dumponexit=true" "-XX:FlightRecorderOptions=stackdepth=256")
fi
start_kadr "$WORK" "${JVM_OPTS[@]}"
FFMPEG=$(bundled_ffmpeg)

# Small distinct inputs, cached: stills 640x360 and two-second clips 320x180 (frames of a moving test card).
if [ ! -f "$INPUTS/done" ]; then
  echo "Preparing small inputs in $INPUTS..." >&2
  rm -rf "$INPUTS" && mkdir -p "$INPUTS/img" "$INPUTS/vid"
  timeout 600 "$FFMPEG" -nostdin -v error -f lavfi -i "testsrc2=size=640x360:rate=25" -frames:v 60 -q:v 4 "$INPUTS/img/%04d.jpg"
  timeout 900 "$FFMPEG" -nostdin -v error -f lavfi -i "testsrc2=size=320x180:rate=25" -f lavfi -i "sine=frequency=440" \
    -t 60 -c:v libx264 -preset ultrafast -g 50 -c:a aac -b:a 64k -f segment -segment_time 2 -reset_timestamps 1 \
    "$INPUTS/vid/%04d.mp4"
  touch "$INPUTS/done"
fi

# nginx serves the saved pages as static files, gzip on, one worker, on its own free port.
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
chmod 755 "$WORK" "$WORK/nginx" "$WORK/nginx/html"  # nginx's worker runs as an unprivileged user
cat >"$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log stderr warn;
events { worker_connections 64; }
http {
  access_log off;
  default_type text/html;
  keepalive_requests 100000;
  gzip on;
  client_body_temp_path $WORK/nginx/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/nginx/html; }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!

echo "Seeding and measuring (load average before: $(cut -d' ' -f1-3 /proc/loadavg))..." >&2
timeout 3600 python3 "$ROOT/bench/storyboard_speed.py" "$PORT" "$NGINX_PORT" "$WORK/nginx/html" "$INPUTS" "$OUT" \
  ${KADR_BENCH_SHOTS:-150 1000}

if [ "${KADR_BENCH_JFR:-0}" = 1 ]; then
  stop_kadr
  echo "" ; echo "Where request handling spends its time (JFR execution samples, whole run):"
  timeout 600 "${JAVA%/java}/jfr" print --events jdk.ExecutionSample --stack-depth 256 "$OUT/storyboard-speed.jfr" \
    | python3 "$ROOT/bench/jfr_top.py"
fi
