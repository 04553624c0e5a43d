#!/usr/bin/env bash
# Runs every libFuzzer target in Fuzz/ for SECONDS each (default 60), starting from the committed
# seed corpora in Fuzz/corpus/TARGET. Crashing inputs land in Fuzz/crashes/; new corpus entries in
# Fuzz/.work/ (not committed). Usage: scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
seconds="${1:-60}"
shift || true
cd "$(dirname "$0")/../Fuzz"
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(fuzz-rubric fuzz-plan fuzz-ledger fuzz-note fuzz-sshsig fuzz-openpgp fuzz-report)
flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
swift build "${flags[@]}"
bin="$(swift build "${flags[@]}" --show-bin-path)"
mkdir -p crashes .work
export SWIFT_BACKTRACE=enable=no
# One-time allocations of Swift globals show up as a leak at exit; per-input leaks would grow RSS instead.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
status=0
for target in "${targets[@]}"; do
  mkdir -p ".work/$target" "corpus/$target"
  echo "== $target for ${seconds}s"
  "$bin/$target" ".work/$target" "corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="crashes/$target-" -print_final_stats=1 -detect_leaks=0 >".work/$target.log" 2>&1 || status=1
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs|ERROR" ".work/$target.log" | head -3
done
exit "$status"
