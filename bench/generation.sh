#!/usr/bin/env bash
# Generation dispatch: drain N jobs (default 500) through the whole studio against a local fal queue fake whose
# every request takes a known latency (default 2 s), with a provider limit (default 8). Prints the drain time as a
# ratio to the theoretical minimum N / limit × latency, and the per-job overheads p50/p99 (GenerationBenchmarkTests).
# Usage: bash bench/generation.sh
# Env:   KADR_BENCH_JOBS (500), KADR_BENCH_LIMIT (8), KADR_BENCH_LATENCY_MS (2000), KADR_BENCH_POLL (250ms),
#        KADR_BENCH_DB (h2 | postgres)
# Each run appends one line to target/generation-bench.txt; the machine's load average is part of the line.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
echo "load before: $(cat /proc/loadavg)" >&2
./mvnw -q -B -ntp -Dkadr.postgres.skip=true -Dspotless.apply.skip=true \
  -Dtest=GenerationBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkadr.generation.bench=true \
  -Dkadr.generation.bench.jobs="${KADR_BENCH_JOBS:-500}" \
  -Dkadr.generation.bench.limit="${KADR_BENCH_LIMIT:-8}" \
  -Dkadr.generation.bench.latency-ms="${KADR_BENCH_LATENCY_MS:-2000}" \
  -Dkadr.generation.bench.poll="${KADR_BENCH_POLL:-250ms}" \
  -Dkadr.test.db="${KADR_BENCH_DB:-h2}" \
  test | grep '^GENERATION BENCH' || true
tail -n 1 target/generation-bench.txt
