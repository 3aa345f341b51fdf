#!/usr/bin/env bash
# Fuzzes deid's readers for a bounded time: the CSV reader, reading a table against a description, the
# description and policy loaders, and the number parsers (Sources/DeidFuzz says what each target checks).
#
#   bash scripts/fuzz.sh                 # libFuzzer, FUZZ_SECONDS (default 60) per target
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh csv table
#   FUZZ_MODE=mutate bash scripts/fuzz.sh  # the deterministic mutation harness (no libFuzzer needed)
#
# libFuzzer comes with the Swift toolchain on Linux: the fuzz build is `swift build -Xswiftc -sanitize=fuzzer`
# into .build-fuzz/. Seeds are the test fixtures (tables under 4 KiB, every YAML file, the presets) and
# Tests/Fuzz/number; libFuzzer's growing corpus and any crashing input go to .build-fuzz/corpus and
# .build-fuzz/findings. The script exits 1 if any target found a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
mode=${FUZZ_MODE:-libfuzzer}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv table description number)

work=.build-fuzz
mkdir -p "$work/seeds/tables" "$work/seeds/yaml" "$work/findings"
# Seeds: copied flat under numbered names, so that libFuzzer reads them as one corpus.
i=0
while IFS= read -r f; do i=$((i + 1)); cp "$f" "$work/seeds/tables/$i.csv"; done \
  < <(find Tests/Fixtures -name '*.csv' -size -4096c | sort)
while IFS= read -r f; do i=$((i + 1)); cp "$f" "$work/seeds/yaml/$i.yaml"; done \
  < <(find Tests/Fixtures Presets -name '*.yaml' | sort)
# Runs a build, showing its output only when it fails.
quietly() {
  if ! "$@" > "$work/build.log" 2>&1; then
    tail -n 30 "$work/build.log" >&2
    echo "deid-fuzz: the build failed (whole log: $work/build.log)" >&2
    exit 2
  fi
}
seeds_for() {
  case $1 in
    csv | table) echo "$work/seeds/tables" ;;
    description) echo "$work/seeds/yaml" ;;
    number) echo "Tests/Fuzz/number" ;;
  esac
}

if [ "$mode" = mutate ]; then
  quietly swift build -c release --product deid-fuzz
  status=0
  for t in "${targets[@]}"; do
    # FUZZ_SECONDS × 2,000 mutants per target: a count, not a time, so a run is the same on every machine.
    .build/release/deid-fuzz "$t" "$(seeds_for "$t")" $((seconds * 2000)) "${FUZZ_SEED:-1}" || status=1
  done
  exit $status
fi

echo "== building the libFuzzer targets (.build-fuzz)" >&2
# lld, not gold: SwiftPM defines main as the executable's own entry point, and gold stops on libFuzzer's main.
quietly swift build -c release --scratch-path "$work" --product deid-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DDEID_LIBFUZZER -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
binary="$work/release/deid-fuzz"
status=0
for t in "${targets[@]}"; do
  corpus="$work/corpus/$t"
  mkdir -p "$corpus"
  echo "== fuzzing $t for ${seconds}s" >&2
  found=0
  # Swift's own crash backtracer would exit before libFuzzer saves the crashing input.
  if ! SWIFT_BACKTRACE=enable=no DEID_FUZZ_TARGET=$t "$binary" "$corpus" "$(seeds_for "$t")" -max_total_time="$seconds" \
      -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$work/findings/$t-" 2> "$work/$t.log"; then
    echo "deid-fuzz $t: crash; input saved under $work/findings/ (see $work/$t.log)" >&2
    status=1
    found=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -1 || true)
  echo "deid-fuzz $t: ${seconds}s, $runs inputs, $cov, $( [ $found -eq 0 ] && echo 'no finding' || echo 'FINDING')"
done
exit $status
