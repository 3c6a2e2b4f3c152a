#!/usr/bin/env bash
# Storyboard benchmark: seeds one project of 150 shots (100 image + 50 video headliners) through the API of a
# freshly started Kadr, then measures the storyboard page's server time, first-view bytes and derived file sizes.
# Usage: bash bench/storyboard.sh        (results on stdout and in bench/out/)
# Env:   KADR_BENCH_PORT (default: a free port), KADR_BENCH_JAVA (default: Temurin 25, else java on PATH),
#        KADR_BENCH_JFR=1 records a Java Flight Recording of the app (bench/out/storyboard.jfr) and prints the
#        hottest methods sampled on request threads (the figures then carry ~1-2 % profiling overhead)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/bench/out"
INPUTS="$OUT/inputs"
JAVA=${KADR_BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$JAVA" ] || JAVA=java
source "$ROOT/bench/lib/media.sh"

mkdir -p "$OUT" "$INPUTS"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kadr-bench.XXXXXX")
export BENCH_TMP="$WORK"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_vips
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }

if [ ! -f "$ROOT/target/kadr.jar" ]; then
  echo "Building target/kadr.jar..." >&2
  (cd "$ROOT" && timeout 1200 ./mvnw -q -DskipTests -Dspotless.apply.skip=true package)
fi

PORT=${KADR_BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}
echo "Starting Kadr on 127.0.0.1:$PORT (data in $WORK/data)..." >&2
JVM_OPTS=()
if [ "${KADR_BENCH_JFR:-0}" = 1 ]; then
  JVM_OPTS+=("-XX:StartFlightRecording=filename=$OUT/storyboard.jfr,settings=profile,dumponexit=true" "-XX:FlightRecorderOptions=stackdepth=256")
fi
SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 KADR_DATA_DIR="$WORK/data" \
  "$JAVA" "${JVM_OPTS[@]}" -jar "$ROOT/target/kadr.jar" >"$WORK/app.log" 2>&1 &
APP_PID=$!
ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    tail -50 "$WORK/app.log" >&2; echo "Kadr exited during startup" >&2; exit 1
  fi
  if curl -fsS --max-time 2 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
    ready=1; break
  fi
  sleep 1
done
[ -n "$ready" ] || { tail -50 "$WORK/app.log" >&2; echo "Kadr not healthy after 120 s" >&2; exit 1; }
echo "Kadr is up." >&2

# The app extracts its bundled static ffmpeg at startup; use it to make the sample clips.
FFMPEG=""
for _ in $(seq 1 30); do
  FFMPEG=$(ls -1 "${TMPDIR:-/tmp}"/kadr-ffmpeg/*/ffmpeg 2>/dev/null | head -1 || true)
  [ -n "$FFMPEG" ] && [ -x "$FFMPEG" ] && break
  sleep 1
done
[ -n "$FFMPEG" ] || FFMPEG=$(command -v ffmpeg || true)
[ -n "$FFMPEG" ] || { echo "no ffmpeg found (bundled one not extracted)" >&2; exit 1; }

echo "Preparing inputs in $INPUTS (cached between runs)..." >&2
ensure_photos "$INPUTS/photos-3000x2000" 100 3000 2000
ensure_videos "$INPUTS/clips-1280x720" 50 "$FFMPEG"

echo "Seeding and measuring..." >&2
timeout 3600 python3 "$ROOT/bench/storyboard.py" "$PORT" "$INPUTS/photos-3000x2000" "$INPUTS/clips-1280x720" "$OUT"
grep -ciE 'WARN|ERROR' "$WORK/app.log" | xargs -I{} echo "(app log: {} WARN/ERROR lines)" >&2 || true

if [ "${KADR_BENCH_JFR:-0}" = 1 ]; then
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  echo "" ; echo "Where request handling spends its time (JFR execution samples, whole run):"
  timeout 600 "${JAVA%/java}/jfr" print --events jdk.ExecutionSample --stack-depth 256 "$OUT/storyboard.jfr" \
    | python3 "$ROOT/bench/jfr_top.py"
fi
