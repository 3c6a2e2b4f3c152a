# Shared helpers for the bench scripts: sourced, not run. Starts a fresh Kadr on a free port and stops it on exit.

# start_kadr WORK [JVM_OPTS...] — starts target/kadr.jar (building it when missing) with an empty data folder in
# WORK (KADR_BENCH_JAR names another jar), waits until it is healthy and sets PORT and APP_PID. The caller's EXIT trap should call stop_kadr.
start_kadr() {
  local work=$1 ready="" _
  shift
  JAR=${KADR_BENCH_JAR:-$ROOT/target/kadr.jar}
  if [ ! -f "$JAR" ]; then
    echo "Building target/kadr.jar..." >&2
    (cd "$ROOT" && timeout 1200 ./mvnw -q -DskipTests -Dspotless.apply.skip=true package)
  fi
  PORT=${KADR_BENCH_PORT:-$(free_port)}
  echo "Starting Kadr on 127.0.0.1:$PORT (data in $work/data)..." >&2
  SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 KADR_DATA_DIR="$work/data" \
    "$JAVA" "$@" -jar "$JAR" >"$work/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 "${KADR_BENCH_START_S:-300}"); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -50 "$work/app.log" >&2; echo "Kadr exited during startup" >&2; return 1
    fi
    if curl -fsS --max-time 2 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      ready=1; break
    fi
    sleep 1
  done
  [ -n "$ready" ] || { tail -50 "$work/app.log" >&2; echo "Kadr not healthy after ${KADR_BENCH_START_S:-300} s" >&2; return 1; }
  echo "Kadr is up." >&2
}

stop_kadr() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# bundled_ffmpeg — prints the ffmpeg that the running app extracted at startup (or one on PATH).
bundled_ffmpeg() {
  local ff="" _
  for _ in $(seq 1 30); do
    ff=$(ls -1 "${TMPDIR:-/tmp}"/kadr-ffmpeg/*/ffmpeg 2>/dev/null | head -1 || true)
    [ -n "$ff" ] && [ -x "$ff" ] && break
    sleep 1
  done
  [ -n "$ff" ] || ff=$(command -v ffmpeg || true)
  [ -n "$ff" ] || { echo "no ffmpeg found (bundled one not extracted)" >&2; return 1; }
  echo "$ff"
}
