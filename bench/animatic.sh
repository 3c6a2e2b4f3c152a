#!/usr/bin/env bash
# Animatic export at 1080p beside plain ffmpeg: a freshly started Kadr exports films of 10 and 150 shots (each shot a
# copy of one of ten prepared 1080p clips with sound, KADR_BENCH_CLIP_S seconds long, 1 by default), and one plain ffmpeg process concatenates the same
# clips in the same order with the same encoder settings, in the same run. Prints wall time and peak RSS of both
# (Kadr's JVM and its ffmpeg children sampled from /proc), so that 10 and 150 shots can be compared too.
# Usage: bash bench/animatic.sh        (results on stdout and in bench/out/animatic.json)
# Env:   KADR_BENCH_JAVA (default: Temurin 25, else java on PATH); KADR_BENCH_SHOTS="10 150" chooses the sizes;
#        KADR_BENCH_CLIP_S (default 1) the length of each clip, hence of each shot.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/bench/out"
CLIP_S=${KADR_BENCH_CLIP_S:-1}
CLIPS="$OUT/inputs/clips-1080p-${CLIP_S}s"
JAVA=${KADR_BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$JAVA" ] || JAVA=java
source "$ROOT/bench/lib/kadr.sh"

mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kadr-animatic.XXXXXX")
cleanup() {
  stop_kadr
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }
start_kadr "$WORK"
FFMPEG=$(bundled_ffmpeg)

# Ten distinct 1080p clips at 24 fps with a tone, cached: a moving test card, a different start each.
if [ ! -f "$CLIPS/done" ]; then
  echo "Preparing 1080p clips in $CLIPS..." >&2
  rm -rf "$CLIPS" && mkdir -p "$CLIPS"
  for n in 0 1 2 3 4 5 6 7 8 9; do
    timeout 600 "$FFMPEG" -nostdin -v error -ss $((n * 7)) -f lavfi -i "testsrc2=size=1920x1080:rate=24" \
      -f lavfi -i "sine=frequency=$((300 + n * 50)):sample_rate=48000" -t "$CLIP_S" -c:v libx264 -preset veryfast -crf 23 \
      -pix_fmt yuv420p -c:a aac -b:a 128k "$CLIPS/clip$n.mp4"
  done
  touch "$CLIPS/done"
fi

echo "Machine: $(nproc) cores; uptime before: $(uptime)" >&2
# shellcheck disable=SC2086
timeout 7200 python3 "$ROOT/bench/animatic.py" "$PORT" "$APP_PID" "$FFMPEG" "$CLIPS" "$OUT" ${KADR_BENCH_SHOTS:-10 150}
echo "uptime after: $(uptime)" >&2
