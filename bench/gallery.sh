#!/usr/bin/env bash
# Gallery benchmark: seeds one person with 100,000 takes (10 projects × 100 shots, four takes per generation,
# prompts from a Russian vocabulary) straight into the database of a test instance of Kadr, then fetches the
# gallery page and the gallery API with the usual filters over real HTTP, prints p50/p95/p99 per request, the
# first view's bytes, and saves every query's EXPLAIN ANALYZE plan.
# The measuring code is src/test/java/app/kadr/asset/GalleryBenchmarkTest.java, skipped in normal test runs.
# Usage: bash bench/gallery.sh [postgres|h2]   (default postgres; results in bench/out/gallery-<db>.md and
#                                                bench/out/gallery-<db>-plans.txt)
# Env:   KADR_BENCH_TAKES (default 100000), KADR_BENCH_RUNS (default 300), KADR_BENCH_WARMUP (default 50)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${1:-postgres}
case "$DB" in h2|postgres) ;; *) echo "usage: $0 [postgres|h2]" >&2; exit 2 ;; esac
mkdir -p "$ROOT/bench/out"
cd "$ROOT"
timeout 3600 ./mvnw -q -B -ntp -Dspotless.apply.skip=true -Dkadr.postgres.skip=true \
  -Dkadr.test.db="$DB" -Dkadr.gallery.bench=true \
  -Dkadr.gallery.bench.takes="${KADR_BENCH_TAKES:-100000}" \
  -Dkadr.gallery.bench.runs="${KADR_BENCH_RUNS:-300}" -Dkadr.gallery.bench.warmup="${KADR_BENCH_WARMUP:-50}" \
  -Dtest=GalleryBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false test >"$ROOT/bench/out/gallery-$DB.log" 2>&1 \
  || { tail -40 "$ROOT/bench/out/gallery-$DB.log" >&2; echo "benchmark failed (log: bench/out/gallery-$DB.log)" >&2; exit 1; }
cat "$ROOT/bench/out/gallery-$DB.md"
