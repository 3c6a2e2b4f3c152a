# Shared helpers for the bench scripts: sourced, not run. Generates photo-like test media with libvips and ffmpeg.
# Generated inputs are cached under bench/out/inputs (gitignored); delete that folder to regenerate.

ensure_vips() {
  if ! command -v vips >/dev/null || ! command -v vipsthumbnail >/dev/null; then
    echo "libvips-tools missing; installing (needs root: apt-get install -y libvips-tools)" >&2
    if [ "$(id -u)" -eq 0 ]; then
      timeout 600 apt-get install -y -q libvips-tools >&2
    else
      echo "Run: sudo apt-get install -y libvips-tools" >&2
      return 1
    fi
  fi
}

# make_texture W H SEED OUT.v — a photo-like uchar sRGB picture: 1/f-ish luminance octaves (Perlin noise),
# hard-edged "objects" from thresholded fields, slow colour fields per band and a little sensor grain.
make_texture() {
  local W=$1 H=$2 S=$3 OUT=$4 T
  T=$(mktemp -d "${BENCH_TMP:-/tmp}/tex.XXXXXX")
  local p i w
  p() { vips perlin "$T/$1.v" "$W" "$H" --cell-size "$2" --seed "$3"; }
  p l0 $((W / 3)) $((S + 1)); p l1 500 $((S + 2)); p l2 120 $((S + 3)); p l3 24 $((S + 4)); p l4 5 $((S + 5))
  i=0
  for w in 120 60 40 24 12; do vips linear "$T/l$i.v" "$T/w$i.v" "$w" 0; i=$((i + 1)); done
  rm -f "$T"/l?.v
  p m0 350 $((S + 6)); p m1 90 $((S + 7))
  vips relational_const "$T/m0.v" "$T/b0.v" moreeq 0
  vips relational_const "$T/m1.v" "$T/b1.v" moreeq 0.25
  vips linear "$T/b0.v" "$T/e0.v" 0.18 0
  vips linear "$T/b1.v" "$T/e1.v" 0.12 0
  vips sum "$T/w0.v $T/w1.v $T/w2.v $T/w3.v $T/w4.v $T/e0.v $T/e1.v" "$T/L.v"
  rm -f "$T"/w?.v "$T"/m?.v "$T"/b?.v "$T"/e?.v
  p c0 700 $((S + 8)); p c1 900 $((S + 9)); p c2 600 $((S + 10))
  vips bandjoin "$T/c0.v $T/c1.v $T/c2.v" "$T/c.v"
  rm -f "$T"/c?.v
  vips linear "$T/c.v" "$T/cw.v" "50 45 60" "$((S % 30)) $((S % 20)) $((S % 40))"
  vips add "$T/cw.v" "$T/L.v" "$T/rgb.v"
  rm -f "$T/c.v" "$T/cw.v" "$T/L.v"
  vips gaussnoise "$T/g.v" "$W" "$H" --mean 0 --sigma 2.5 --seed "$S"
  vips add "$T/rgb.v" "$T/g.v" "$T/rg.v"
  rm -f "$T/rgb.v" "$T/g.v"
  vips linear "$T/rg.v" "$T/u.v" 1 100 --uchar
  vips copy "$T/u.v" "$OUT" --interpretation srgb
  rm -rf "$T"
}

# ensure_textures DIR — four 6000x4000 textures shared by both benchmarks.
ensure_textures() {
  local dir=$1 n
  mkdir -p "$dir"
  for n in 0 1 2 3; do
    if [ ! -s "$dir/tex$n.v" ]; then
      echo "  generating texture $n (6000x4000)..." >&2
      make_texture 6000 4000 $((n * 101 + 7)) "$dir/tex$n.part.v"
      mv "$dir/tex$n.part.v" "$dir/tex$n.v"
    fi
  done
}

# ensure_photos DIR COUNT W H — COUNT distinct JPEGs (quality 90) cut from the textures at varying offsets,
# with flips and colour shifts so no two are alike.
ensure_photos() {
  local dir=$1 count=$2 W=$3 H=$4 tex="$1/../textures" i t x y flip f
  ensure_textures "$tex"
  mkdir -p "$dir"
  for ((i = 0; i < count; i++)); do
    f="$dir/photo-$(printf %03d "$i")-${W}x$H.jpg"
    [ -s "$f" ] && continue
    t=$((i % 4))
    x=$(((i * 389) % (6000 - W + 1)))
    y=$(((i * 211) % (4000 - H + 1)))
    flip=$([ $((i % 2)) -eq 0 ] && echo horizontal || echo vertical)
    local T
    T=$(mktemp -d "${BENCH_TMP:-/tmp}/photo.XXXXXX")
    vips extract_area "$tex/tex$t.v" "$T/a.v" "$x" "$y" "$W" "$H"
    vips flip "$T/a.v" "$T/b.v" "$flip"
    vips linear "$T/b.v" "$T/c.v" "1.0$((i % 9)) 0.9$((i % 7 + 2)) 1" "$((i % 11)) $((i % 5)) $((i % 13))" --uchar
    vips copy "$T/c.v" "$T/d.v" --interpretation srgb
    vips jpegsave "$T/d.v" "${f%.jpg}.part.jpg" --Q 90
    mv "${f%.jpg}.part.jpg" "$f"
    rm -rf "$T"
  done
}

# ensure_videos DIR COUNT FFMPEG — COUNT distinct 8 s 1280x720 30 fps H.264 clips with motion and a little
# temporal grain, rotating lavfi sources (testsrc2, mandelbrot, game of life) and hues.
ensure_videos() {
  local dir=$1 count=$2 ff=$3 i f src
  mkdir -p "$dir"
  for ((i = 0; i < count; i++)); do
    f="$dir/clip-$(printf %03d "$i").mp4"
    [ -s "$f" ] && continue
    case $((i % 3)) in
      0) src="testsrc2=size=1280x720:rate=30" ;;
      1) src="mandelbrot=size=640x360:rate=30:start_scale=$((2 + i % 3)),scale=1280:720" ;;
      2) src="life=size=320x180:rate=30:mold=10:ratio=0.$((3 + i % 5)):seed=$i:death_color=#203040:life_color=#e0c080,scale=1280:720:flags=neighbor" ;;
    esac
    timeout 300 "$ff" -nostdin -v error -f lavfi -i "$src" -f lavfi -i "sine=frequency=$((300 + i * 10)):sample_rate=48000" \
      -vf "hue=h=$((i * 37 % 360)),noise=alls=5:allf=t,format=yuv420p" -t 8 \
      -c:v libx264 -preset ultrafast -crf 23 -c:a aac -b:a 96k -y "${f%.mp4}.part.mp4"
    mv "${f%.mp4}.part.mp4" "$f"
  done
}
