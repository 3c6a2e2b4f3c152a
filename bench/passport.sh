#!/usr/bin/env bash
# Passport benchmark: seeds one project of 150 shots × 10 takes (1,500 rows; 7 generated takes per shot with
# model, prompt, seed and parameters, 3 uploads) straight into the database of a test instance of Kadr, then
# fetches the passport as CSV, XLSX and JSON over real HTTP and prints p50/p95/max per format.
# The measuring code is src/test/java/app/kadr/passport/PassportBenchmarkTest.java, skipped in normal test runs.
# Usage: bash bench/passport.sh            (H2; results on stdout and in bench/out/passport-h2.md)
#        bash bench/passport.sh postgres   (the local PostgreSQL; bench/out/passport-postgres.md)
# Env:   KADR_BENCH_RUNS (default 100) and KADR_BENCH_WARMUP (default 30) requests per format
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${1:-h2}
case "$DB" in h2|postgres) ;; *) echo "usage: $0 [h2|postgres]" >&2; exit 2 ;; esac
mkdir -p "$ROOT/bench/out"
cd "$ROOT"
timeout 1800 ./mvnw -q -B -ntp -Dspotless.apply.skip=true -Dkadr.postgres.skip=true \
  -Dkadr.test.db="$DB" -Dkadr.passport.bench=true \
  -Dkadr.passport.bench.runs="${KADR_BENCH_RUNS:-100}" -Dkadr.passport.bench.warmup="${KADR_BENCH_WARMUP:-30}" \
  -Dtest=PassportBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false test >"$ROOT/bench/out/passport-$DB.log" 2>&1 \
  || { tail -40 "$ROOT/bench/out/passport-$DB.log" >&2; echo "benchmark failed (log: bench/out/passport-$DB.log)" >&2; exit 1; }
cat "$ROOT/bench/out/passport-$DB.md"
