#!/usr/bin/env bash
# Runs one fuzz target for SECONDS (default 600) with qkit's limits, growing the working corpus
# in fuzz/work/<target>/ from the seeds and the committed corpus, and logs to fuzz/work/<target>.log
# (appending). With SAN=none it builds without AddressSanitizer, in target-nosan/, for the slow
# targets (kit_files, seal_roundtrip): several times the executions; overflow checks stay on.
#   [SAN=none] ./run-target.sh <target> [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
t=$1
secs=${2:-600}
# Largest input per target: a little above the largest real file of its kind (compacted).
case $t in
  definition) max=32768 ;;
  kit_files|open|record) max=16384 ;;
  allocation_csv|rules) max=8192 ;;
  *) max=4096 ;;
esac
mkdir -p "work/$t" "corpus/$t"
seeds=()
[ -d "seeds/$t" ] && seeds+=("seeds/$t")
build=()
[ "${SAN:-address}" = none ] && build=(-s none --target-dir target-nosan)
cargo +nightly fuzz run "${build[@]}" "$t" "work/$t" "corpus/$t" "${seeds[@]}" -- \
  -max_total_time="$secs" -max_len="$max" -rss_limit_mb=2048 -malloc_limit_mb=2048 \
  -timeout=10 -print_final_stats=1 >>"work/$t.log" 2>&1
