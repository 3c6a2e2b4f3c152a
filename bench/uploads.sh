#!/usr/bin/env bash
# Upload throughput: N videos of about S MB each (default 20 x 200 MB, one real H.264 file made once with ffmpeg and
# sent N times) into a fresh Kadr, on the local disk and on a bucket of s3proxy, by each of Kadr's two ways:
#   multipart  POST /api/v1/shots/{id}/assets (the box page below the direct-upload threshold, scripts)
#   direct     POST /api/v1/shots/{id}/uploads, PUT of the bytes where the ticket says (Kadr's own address on the
#              local disk, a presigned URL of the bucket on S3), POST /api/v1/uploads/{id}/confirm
# beside the plain tool for the same job on the same machine in the same run: `cp` + `sync` of the file (Kadr
# flushes every blob to disk) and `curl -T` straight into the bucket (SigV4). One upload at a time, with curl.
# While Kadr works, its heap is followed: jstat every 250 ms (peak used, garbage included) and the GC log (the heap
# left after each collection); before and after each scenario a full GC (jcmd GC.run) gives what stayed. The
# Kadr process runs with -Xmx512m: a server that held a 200 MB upload in memory would show it or fail.
# Usage: bash bench/uploads.sh            (results on stdout and in bench/out/uploads-*.txt)
# Env:   KADR_BENCH_UPLOADS (20), KADR_BENCH_UPLOAD_MB (200), KADR_BENCH_JAVA (Temurin 25, else java on PATH),
#        KADR_BENCH_STORES ("local s3")
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/bench/out"
INPUTS="$OUT/inputs"
COUNT=${KADR_BENCH_UPLOADS:-20}
SIZE_MB=${KADR_BENCH_UPLOAD_MB:-200}
STORES=${KADR_BENCH_STORES:-local s3}
JAVA=${KADR_BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$JAVA" ] || JAVA=$(command -v java)
JDK_BIN=$(dirname "$(readlink -f "$JAVA")")
S3PROXY_JAR="$ROOT/target/s3proxy/s3proxy.jar"
ACCESS_KEY=kadr-bench
SECRET_KEY=kadr-bench-secret
BUCKET=kadr-bench
PASSWORD=bench-password-1

mkdir -p "$OUT" "$INPUTS"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kadr-uploads.XXXXXX")
APP_PID=""
S3_PID=""
SAMPLER_PID=""
stop_pid() { # stop_pid PID: SIGTERM, then SIGKILL after 30 s
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  stop_pid "$SAMPLER_PID"
  stop_pid "$APP_PID"
  stop_pid "$S3_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now_ns() { date +%s%N; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

if [ ! -f "$ROOT/target/kadr.jar" ]; then
  echo "Building target/kadr.jar..." >&2
  (cd "$ROOT" && timeout 1200 ./mvnw -q -DskipTests -Dspotless.apply.skip=true package)
fi
if [ ! -f "$S3PROXY_JAR" ]; then
  echo "Copying s3proxy to target/s3proxy (the build's generate-test-resources step)..." >&2
  (cd "$ROOT" && timeout 600 ./mvnw -q -Dspotless.apply.skip=true generate-test-resources)
fi

# One real video of about SIZE_MB: noisy 640x360 test pattern, lossless H.264 (so the bitrate is high and the file
# big), cut at the size by ffmpeg itself, which still closes the file properly. Kadr checks it like any upload.
FFMPEG=$(command -v ffmpeg || ls -1 "${TMPDIR:-/tmp}"/kadr-ffmpeg/*/ffmpeg 2>/dev/null | head -1 || true)
[ -n "$FFMPEG" ] || { echo "no ffmpeg: apt-get install -y ffmpeg, or run the studio once to unpack its own" >&2; exit 1; }
VIDEO="$INPUTS/upload-${SIZE_MB}mb.mp4"
if [ ! -f "$VIDEO" ]; then
  echo "Making $VIDEO..." >&2
  "$FFMPEG" -y -hide_banner -loglevel error -f lavfi -i "testsrc2=size=640x360:rate=25:duration=600" \
    -vf "noise=alls=60:allf=t+u" -c:v libx264 -preset ultrafast -qp 0 -pix_fmt yuv420p \
    -fs "$((SIZE_MB * 1000 * 1000))" "$VIDEO.part.mp4"
  mv "$VIDEO.part.mp4" "$VIDEO"
fi
BYTES=$(stat -c %s "$VIDEO")
TOTAL_MB=$(awk -v b="$BYTES" -v n="$COUNT" 'BEGIN {printf "%.0f", b * n / 1e6}')
echo "Video: $VIDEO, $BYTES bytes; $COUNT uploads = $TOTAL_MB MB per scenario" >&2

start_s3proxy() {
  local port
  port=$(free_port)
  S3_ENDPOINT="http://127.0.0.1:$port"
  mkdir -p "$WORK/s3/data"
  cat >"$WORK/s3/s3proxy.conf" <<EOF
s3proxy.endpoint=$S3_ENDPOINT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$ACCESS_KEY
s3proxy.credential=$SECRET_KEY
jclouds.provider=filesystem
jclouds.identity=unused
jclouds.credential=unused
jclouds.filesystem.basedir=$WORK/s3/data
EOF
  "$JAVA" -Xmx512m -jar "$S3PROXY_JAR" --properties "$WORK/s3/s3proxy.conf" >"$WORK/s3/s3proxy.log" 2>&1 &
  S3_PID=$!
  for _ in $(seq 1 60); do
    curl -s -o /dev/null --max-time 1 "$S3_ENDPOINT/" && return 0
    sleep 1
  done
  tail -20 "$WORK/s3/s3proxy.log" >&2; echo "s3proxy did not start" >&2; exit 1
}

start_kadr() { # start_kadr STORE: a fresh Kadr on the local disk or on the bucket
  local store=$1
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  DATA="$WORK/kadr-$store"
  GC_LOG="$WORK/gc-$store.log"
  local -a env=(SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 KADR_DATA_DIR="$DATA")
  if [ "$store" = s3 ]; then
    env+=(KADR_S3_ENDPOINT="$S3_ENDPOINT" KADR_S3_BUCKET="$BUCKET" KADR_S3_ACCESS_KEY="$ACCESS_KEY"
      KADR_S3_SECRET_KEY="$SECRET_KEY")
  fi
  env "${env[@]}" "$JAVA" -Xmx512m "-Xlog:gc:file=$GC_LOG" -jar "$ROOT/target/kadr.jar" >"$WORK/kadr-$store.log" 2>&1 &
  APP_PID=$!
  local up=""
  for _ in $(seq 1 300); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/kadr-$store.log" >&2; echo "Kadr exited" >&2; exit 1; }
    if curl -fsS --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then up=1; break; fi
    sleep 1
  done
  [ -n "$up" ] || { tail -50 "$WORK/kadr-$store.log" >&2; echo "Kadr not healthy after 300 s" >&2; exit 1; }
  curl -fsS -o /dev/null -X POST "$BASE/api/v1/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\",\"displayName\":\"Bench\"}"
  TOKEN=$(curl -fsS -X POST "$BASE/api/v1/auth/tokens" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\",\"name\":\"bench\"}" | json "['token']")
  local project
  project=$(api POST /api/v1/projects '{"name":"Загрузки"}' | json "['id']")
  SHOT=$(api POST "/api/v1/projects/$project/shots" '{"title":"Большие файлы"}' | json "['id']")
}

api() { # api METHOD PATH [JSON]
  curl -fsS -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}

# --- one upload of each kind ---------------------------------------------------------------------------------
kadr_multipart() {
  curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -F "file=@$VIDEO;type=video/mp4;filename=take-$1.mp4" \
    "$BASE/api/v1/shots/$SHOT/assets"
}
kadr_direct() {
  local ticket url upload
  ticket=$(api POST "/api/v1/shots/$SHOT/uploads" "{\"fileName\":\"take-$1.mp4\",\"size\":$BYTES,\"contentType\":\"video/mp4\"}")
  url=$(json "['url']" <<<"$ticket")
  upload=$(json "['uploadId']" <<<"$ticket")
  local -a headers=()
  while IFS= read -r header; do headers+=(-H "$header"); done < <(json "['headers']" <<<"$ticket" |
    python3 -c "import ast,sys; [print(f'{k}: {v}') for k, v in ast.literal_eval(sys.stdin.read()).items()]")
  case "$url" in "$BASE"*) headers+=(-H "Authorization: Bearer $TOKEN") ;; esac
  curl -fsS -o /dev/null -X PUT -T "$VIDEO" "${headers[@]}" "$url"
  api POST "/api/v1/uploads/$upload/confirm" >/dev/null
}
plain_cp() {
  cp "$VIDEO" "$WORK/plain/take-$1.mp4"
  sync "$WORK/plain/take-$1.mp4"
}
plain_curl_s3() {
  curl -fsS -o /dev/null -T "$VIDEO" --aws-sigv4 "aws:amz:us-east-1:s3" --user "$ACCESS_KEY:$SECRET_KEY" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$S3_ENDPOINT/$BUCKET-plain/take-$1.mp4"
}

# --- the heap of the Kadr process ----------------------------------------------------------------------------
heap_used_mb() { # S0U+S1U+EU+OU of jstat -gc, in MB
  "$JDK_BIN/jstat" -gc "$APP_PID" | awk 'NR == 2 {printf "%.0f", ($3 + $4 + $6 + $8) / 1024}'
}
full_gc_mb() { # a full GC, then the heap it left (MB), from the GC log's last line
  "$JDK_BIN/jcmd" "$APP_PID" GC.run >/dev/null
  sleep 1
  grep 'Pause Full' "$GC_LOG" | tail -1 | sed -E 's/.* [0-9]+[KMG]->([0-9]+)([KMG]).*/\1 \2/' |
    awk '{v = $1; if ($2 == "K") v /= 1024; if ($2 == "G") v *= 1024; printf "%.0f", v}'
}
after_gc_peak_mb() { # the most heap left after any collection in the GC log from line $1 on
  tail -n "+$1" "$GC_LOG" | grep -oE '[0-9]+[KMG]->[0-9]+[KMG]' | sed -E 's/.*->([0-9]+)([KMG])/\1 \2/' |
    awk 'BEGIN {m = 0} {v = $1; if ($2 == "K") v /= 1024; if ($2 == "G") v *= 1024; if (v > m) m = v} END {printf "%.0f", m}'
}

RESULTS="$OUT/uploads-$(date -u +%Y%m%dT%H%M%SZ).txt"
printf '%-7s %-26s %6s %9s %8s %11s %11s %11s %9s\n' store way uploads seconds 'MB/s' 'heap-before' 'peak-used' 'after-gc' 'rss-peak' |
  tee "$RESULTS"

scenario() { # scenario STORE WAY FUNCTION [kadr]: COUNT uploads, one at a time, timed
  local store=$1 way=$2 fn=$3 kadr=${4:-}
  local before="-" peak="-" after="-" rss="-" gc_from=1 t0 t1 i
  if [ -n "$kadr" ]; then
    before=$(full_gc_mb)
    gc_from=$(($(wc -l <"$GC_LOG") + 1))
    (while kill -0 "$APP_PID" 2>/dev/null; do
      echo "$(heap_used_mb) $(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status")"
      sleep 0.25
    done) >"$WORK/samples" 2>/dev/null &
    SAMPLER_PID=$!
  fi
  t0=$(now_ns)
  for ((i = 1; i <= COUNT; i++)); do "$fn" "$i"; done
  t1=$(now_ns)
  if [ -n "$kadr" ]; then
    stop_pid "$SAMPLER_PID"; SAMPLER_PID=""
    peak=$(awk 'BEGIN {m = 0} $1 > m {m = $1} END {print m}' "$WORK/samples")
    rss=$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$WORK/samples")
    local left
    left=$(after_gc_peak_mb "$gc_from")
    after=$(full_gc_mb)
    [ "$left" -gt "$after" ] && after=$left
  fi
  awk -v s="$store" -v w="$way" -v n="$COUNT" -v ns=$((t1 - t0)) -v b="$BYTES" -v hb="$before" -v p="$peak" \
    -v a="$after" -v r="$rss" 'BEGIN {printf "%-7s %-26s %6d %9.1f %8.1f %11s %11s %11s %9s\n", s, w, n, ns / 1e9,
      b * n / 1e6 / (ns / 1e9), hb, p, a, r}' | tee -a "$RESULTS"
}

takes_made() { # how many takes the shot has: every upload answered 201 or confirmed must be one
  api GET "/api/v1/shots/$SHOT/assets?limit=200" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['items']))"
}

echo "load before: $(cat /proc/loadavg)" >&2
for store in $STORES; do
  [ "$store" = s3 ] && start_s3proxy
  start_kadr "$store"
  echo "Kadr on $store up (pid $APP_PID)" >&2
  if [ "$store" = local ]; then
    mkdir -p "$WORK/plain"
    scenario local "cp + sync (plain)" plain_cp
    rm -rf "$WORK/plain"
  else
    curl -fsS -o /dev/null -X PUT --aws-sigv4 "aws:amz:us-east-1:s3" --user "$ACCESS_KEY:$SECRET_KEY" \
      -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$S3_ENDPOINT/$BUCKET-plain"
    scenario s3 "curl -T to s3proxy (plain)" plain_curl_s3
    rm -rf "$WORK/s3/data/$BUCKET-plain"
  fi
  scenario "$store" "Kadr multipart POST" kadr_multipart kadr
  scenario "$store" "Kadr direct PUT + confirm" kadr_direct kadr
  made=$(takes_made)
  [ "$made" -eq $((2 * COUNT)) ] || { echo "$store: $made takes for $((2 * COUNT)) uploads" >&2; exit 1; }
  grep -ciE ' WARN | ERROR ' "$WORK/kadr-$store.log" | xargs -I{} echo "($store: {} WARN/ERROR lines in Kadr's log)" >&2 || true
  stop_pid "$APP_PID"; APP_PID=""
  rm -rf "$DATA"
  if [ "$store" = s3 ]; then stop_pid "$S3_PID"; S3_PID=""; rm -rf "$WORK/s3"; fi
done
echo "load after: $(cat /proc/loadavg)" >&2
echo "saved: $RESULTS" >&2
