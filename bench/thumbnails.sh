#!/usr/bin/env bash
# Thumbnail throughput on 24-megapixel JPEGs: Kadr's ImageProcessor.derive (one decode -> 1440 px preview +
# 320 px thumbnail + ThumbHash) beside libvips' vipsthumbnail making the same two JPEGs from the same files.
# Usage: bash bench/thumbnails.sh        (results on stdout and in bench/out/)
# Env:   KADR_BENCH_FILES (default 8), KADR_BENCH_PASSES (default 3), KADR_BENCH_JAVA (default Temurin 25)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/bench/out"
INPUTS="$OUT/inputs"
FILES=${KADR_BENCH_FILES:-8}
PASSES=${KADR_BENCH_PASSES:-3}
WARMUP=2
JAVA=${KADR_BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$JAVA" ] || JAVA=java
source "$ROOT/bench/lib/media.sh"

mkdir -p "$OUT" "$INPUTS"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kadr-thumbs.XXXXXX")
export BENCH_TMP="$WORK"
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

ensure_vips
if [ ! -f "$ROOT/target/kadr.jar" ]; then
  echo "Building target/kadr.jar..." >&2
  (cd "$ROOT" && timeout 1200 ./mvnw -q -DskipTests -Dspotless.apply.skip=true package)
fi

echo "Preparing $FILES photo-like 6000x4000 JPEGs in $INPUTS (cached between runs)..." >&2
ensure_photos "$INPUTS/photos-6000x4000" "$FILES" 6000 4000
mapfile -t PHOTOS < <(ls -1 "$INPUTS"/photos-6000x4000/photo-*-6000x4000.jpg | grep -v '\.part\.' | head -n "$FILES")
[ "${#PHOTOS[@]}" -eq "$FILES" ] || { echo "expected $FILES photos, found ${#PHOTOS[@]}" >&2; exit 1; }
median_kb=$(for f in "${PHOTOS[@]}"; do stat -c %s "$f"; done | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')

# The app's own classes and libraries, straight from the built jar.
mkdir -p "$WORK/app"
(cd "$WORK/app" && unzip -q "$ROOT/target/kadr.jar" 'BOOT-INF/classes/*' 'BOOT-INF/lib/*' 2>/dev/null ||
  "${JAVA%/java}/jar" xf "$ROOT/target/kadr.jar" BOOT-INF/classes BOOT-INF/lib)
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"

kadr() { # kadr THREADS -> prints the bench line
  mkdir -p "$WORK/kadr"
  timeout 1800 "$JAVA" -cp "$CP" "$ROOT/bench/ThumbnailBench.java" "$WORK/kadr" "$1" "$WARMUP" "$PASSES" "${PHOTOS[@]}"
}

vips_pass() { # one pass over all files: 1440 px preview from the original, then 320 px thumbnail from the preview
  local f i=0
  for f in "${PHOTOS[@]}"; do
    vipsthumbnail "$f" --size 1440 -o "$WORK/vips/p$i.jpg[Q=80]"
    vipsthumbnail "$WORK/vips/p$i.jpg" --size 320 -o "$WORK/vips/t$i.jpg[Q=80]"
    i=$((i + 1))
  done
}

vips_bench() { # vips_bench CONCURRENCY -> images/s over PASSES passes after one warm-up pass
  mkdir -p "$WORK/vips"
  export VIPS_CONCURRENCY=$1
  vips_pass
  local t0 t1
  t0=$(date +%s%N)
  for ((p = 0; p < PASSES; p++)); do vips_pass; done
  t1=$(date +%s%N)
  unset VIPS_CONCURRENCY
  awk -v n=$((FILES * PASSES)) -v ns=$((t1 - t0)) 'BEGIN {printf "%.3f", n / (ns / 1e9)}'
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

echo "Kadr derive, 1 thread..." >&2
K1=$(kadr 1)
echo "Kadr derive, 2 threads (2 images at once)..." >&2
K2=$(kadr 2)
echo "vipsthumbnail, 1 thread..." >&2
V1=$(vips_bench 1)
echo "vipsthumbnail, default threading (all cores)..." >&2
V2=$(vips_bench 0)
vt=$(for i in $(seq 0 $((FILES - 1))); do stat -c %s "$WORK/vips/t$i.jpg"; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
vp=$(for i in $(seq 0 $((FILES - 1))); do stat -c %s "$WORK/vips/p$i.jpg"; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

k1=$(echo " $K1" | field images_per_s)
k2=$(echo " $K2" | field images_per_s)
ratio() { awk -v k="$1" -v v="$2" 'BEGIN {printf "%.2f", v / k}'; } # Kadr time / vips time = vips rate / Kadr rate
r1=$(ratio "$k1" "$V1")
r2=$(ratio "$k2" "$V2")
verdict() { awk -v r="$1" 'BEGIN {print (r <= 3 ? "PASS" : "FAIL")}'; }

REPORT=$(cat <<TABLE
Thumbnails: $FILES photo-like 6000x4000 JPEGs (quality 90, median ${median_kb} KB), $PASSES measured passes after warm-up
Kadr: ImageProcessor.derive = decode once -> 1440 px preview + 320 px thumb (JPEG q0.8) + ThumbHash; $WARMUP warm-up passes in the same JVM
vips: vipsthumbnail original --size 1440 -> preview (Q=80), then vipsthumbnail preview --size 320 -> thumb (Q=80); 1 warm-up pass; process start-up included

| Tool | Threads | images/s | ms/image (median) | thumb B (median) | preview B (median) |
|---|---|---|---|---|---|
| Kadr derive | 1 | $k1 | $(echo " $K1" | field median_ms) | $(echo " $K1" | field thumb_bytes_median) | $(echo " $K1" | field preview_bytes_median) |
| Kadr derive | 2 (two images at once) | $k2 | $(echo " $K2" | field median_ms) | | |
| vipsthumbnail | 1 (VIPS_CONCURRENCY=1) | $V1 | $(awk -v r="$V1" 'BEGIN {printf "%.0f", 1000 / r}') | $vt | $vp |
| vipsthumbnail | default (all cores) | $V2 | $(awk -v r="$V2" 'BEGIN {printf "%.0f", 1000 / r}') | | |

| Comparison | Kadr/vips time | Target | Result |
|---|---|---|---|
| one core each | ${r1}x | <= 3x | $(verdict "$r1") |
| whole machine each | ${r2}x | <= 3x | $(verdict "$r2") |
TABLE
)
echo "$REPORT"
echo "$REPORT" >"$OUT/thumbnails-$(date +%Y%m%d-%H%M%S).md"
