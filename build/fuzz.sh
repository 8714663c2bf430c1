#!/usr/bin/env bash
# Fuzzes helpdex with cargo-fuzz (libFuzzer) on the stable toolchain: no sanitizer (`-s none`)
# keeps every flag stable, and the targets build with debug assertions and overflow checks.
#
#   build/fuzz.sh --smoke              replay fuzz/regressions, then each target for 25 s (CI)
#   build/fuzz.sh [SECONDS] [TARGET…]  each target (default: all) for SECONDS (default 600),
#                                      at the lowest CPU priority
#
# Targets (fuzz/fuzz_targets/): index_open, query, ingest. New inputs go to fuzz/corpus/TARGET
# (not committed; a smoke run keeps them in a temporary folder), seeded from fuzz/seeds/TARGET. A crash stops the run and leaves its input in
# fuzz/artifacts/TARGET/; once fixed, copy it to fuzz/regressions/TARGET/ so every run replays it.
# Expects build/setup.sh to have installed cargo-fuzz.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

all_targets=(index_open query ingest)
seconds=600
smoke=false
targets=()
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=true; seconds=25 ;;
    [0-9]*) seconds=$arg ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) targets+=("$arg") ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

# Per input: 30 s is a hang (a search takes milliseconds; indexing a fuzzed article takes under
# a second, more at the lowest priority on a busy machine), 2 GiB is runaway memory.
limits=(-timeout=30 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1)
nice=()
$smoke || nice=(nice -n 19)

"${nice[@]}" cargo fuzz build --sanitizer none

# Runs libFuzzer with its output in a log: the summary when it passes, the end when it fails.
fuzz() {
  local log=$1
  shift
  if "${nice[@]}" cargo fuzz run --sanitizer none "$@" >"$log" 2>&1; then
    grep -E '^(Done|#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|Executed)' "$log" || true
  else
    tail -n 60 "$log"
    echo "fuzz: failed, full output in fuzz/$log" >&2
    return 1
  fi
}

mkdir -p logs
for target in "${targets[@]}"; do
  regressions=(regressions/"$target"/*)
  if [ -e "${regressions[0]}" ]; then
    printf '\n== fuzz %s: replay %d saved crash inputs\n' "$target" "${#regressions[@]}"
    fuzz logs/"$target"-regressions.log "$target" "${regressions[@]}" -- "${limits[@]}"
  fi
  printf '\n== fuzz %s: %d s\n' "$target" "$seconds"
  # The smoke starts from the seeds alone: loading a big local corpus can take minutes.
  corpus=corpus/"$target"
  $smoke && corpus=$(mktemp -d)
  mkdir -p "$corpus"
  fuzz logs/"$target".log "$target" "$corpus" seeds/"$target" -- \
    "${limits[@]}" -max_total_time="$seconds"
  if $smoke; then rm -rf "$corpus"; fi
done
