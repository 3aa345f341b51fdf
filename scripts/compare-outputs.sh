#!/usr/bin/env bash
# Runs two deid binaries over the same inputs and reports every difference in what they print, write and exit
# with: the evidence that a refactoring changed no behaviour.
#
#   bash scripts/compare-outputs.sh OLD_DEID NEW_DEID [OUT_DIR]
#
# Inputs: every table with a description among the test fixtures and the samples, the benchmark tables (a) and
# (b) and RANDOM_TABLES (default 40) random tables of Benchmarks/random_tables.py. For each: `release` (with the
# JSON and HTML reports), `check` in text and JSON on the input and on the release, and `score` in JSON.
# Both binaries must find the same presets (run them from this checkout, or set DEID_RULES_DIR, which every deid reads).
set -euo pipefail
# Paths are resolved from where the script was started, before it moves to the checkout.
old=$(realpath "$1")
new=$(realpath "$2")
out=$(realpath -m "${3:-$(mktemp -d)}")
cd "$(dirname "$0")/.."
random_tables=${RANDOM_TABLES:-40}
# A reused folder must not keep an earlier run's outputs, which would fake or hide a difference.
rm -rf "$out/old" "$out/new" "$out/inputs" "$out/diff.txt"
mkdir -p "$out/inputs"

# Every CSV that has a description beside it (TABLE.deid.yaml or the folder's deid.yaml).
inputs=()
while IFS= read -r csv; do
  base=${csv%.csv}
  if [ -f "$base.deid.yaml" ] || [ -f "$(dirname "$csv")/deid.yaml" ]; then inputs+=("$csv"); fi
done < <(find Tests/Fixtures Samples -name '*.csv' -not -path '*/bad-input/*' | sort)
python3 Benchmarks/generate.py suppression >/dev/null
inputs+=(Benchmarks/data/suppression-a.csv Benchmarks/data/suppression-b.csv)
for seed in $(seq 1 "$random_tables"); do
  python3 Benchmarks/random_tables.py "$seed" "$out/inputs/random-$seed" >/dev/null
  inputs+=("$out/inputs/random-$seed/table.csv")
done

# run NAME BINARY: every command on every input, outputs and exit codes under $out/NAME/.
run() {
  local name=$1 deid=$2 i=0
  for csv in "${inputs[@]}"; do
    i=$((i + 1))
    local dir="$out/$name/$i" rules=()
    mkdir -p "$dir"
    [ -f "${csv%.csv}.deid.yaml" ] && rules=(--rules "${csv%.csv}.deid.yaml")
    [ ${#rules[@]} -eq 0 ] && rules=(--rules "$(dirname "$csv")/deid.yaml")
    echo "$csv" > "$dir/input"
    set +e
    "$deid" release "$csv" "${rules[@]}" -o "$dir/release.csv" --report "$dir/audit.json" \
      --report-html "$dir/report.html" > "$dir/release.out" 2>&1
    echo $? > "$dir/release.status"
    "$deid" check "$csv" "${rules[@]}" > "$dir/check.out" 2>&1; echo $? > "$dir/check.status"
    "$deid" check --format json "$csv" "${rules[@]}" > "$dir/check.json" 2>&1
    "$deid" score --format json "$csv" "${rules[@]}" > "$dir/score.json" 2>&1; echo $? > "$dir/score.status"
    if [ -f "$dir/release.csv" ]; then
      "$deid" check "$dir/release.csv" "${rules[@]}" > "$dir/recheck.out" 2>&1; echo $? > "$dir/recheck.status"
    fi
    set -e
  done
}
run old "$old"
run new "$new"
# Reports name the files they were given; the two runs wrote to different folders. `--rules` is passed so that
# older binaries can be compared; newer ones accept it with a note on stderr, which is not a difference.
find "$out/old" "$out/new" -type f -exec sed -i '/--rules is now called --description/d' {} +
find "$out/old" -type f -exec sed -i "s#$out/old/#OUT/#g" {} +
find "$out/new" -type f -exec sed -i "s#$out/new/#OUT/#g" {} +
if diff -r "$out/old" "$out/new" > "$out/diff.txt"; then
  echo "compare-outputs: ${#inputs[@]} inputs, every output, message and exit code identical ($out)"
else
  echo "compare-outputs: differences in $(grep -c -e '^diff -r' -e '^Only in' "$out/diff.txt" || true) files; see $out/diff.txt"
  exit 1
fi
