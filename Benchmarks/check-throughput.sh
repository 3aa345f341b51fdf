#!/usr/bin/env bash
# Throughput and peak memory of `deid check` (foundation issue, item 12), and deid's records path side by side with
# DuckDB's group-by and a raw single-core libcsv parse of the same files, in the same run. Prints figures; asserts
# nothing.
#
#   Benchmarks/check-throughput.sh            # builds release, generates data if missing, measures
#   RUNS=10 Benchmarks/check-throughput.sh    # more hyperfine runs (default 5, after 1 warm-up)
#
# Files (Benchmarks/data/, made by generate.py): aggregate-200mb.csv (aggregate table with every total, so the
# model builds and validates ~4.6M relations), records-{50,100,200}mb.csv (one row per person, with a Person ID)
# and records5-200mb.csv (the same people without the ID: every column a category). `deid check`
# exits 1 on every one of them because each has visible small counts (findings); hyperfine runs with -i.
# MB/s = 10^6 bytes / mean wall time. "CPU MB/s" uses user+system time instead, which stays meaningful when other
# processes share the machine (wall time then includes time spent waiting for a core).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
OUT=Benchmarks/out
mkdir -p "$OUT"

for tool in hyperfine /usr/bin/time; do
    if ! command -v "$tool" >/dev/null; then
        echo "installing Debian packages hyperfine and time" >&2
        apt-get update -qq && apt-get install -y -qq hyperfine time >/dev/null
    fi
done

echo "== build (swift build -c release)"
swift build -c release 2>&1 | tail -n 1
DEID=.build/release/deid

echo "== data"
python3 Benchmarks/generate.py aggregate
python3 Benchmarks/generate.py records
python3 Benchmarks/generate.py records5

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc), $(free -g | awk '/Mem:/ {print $2 " GiB RAM"}')"
echo "swift: $(swift --version 2>&1 | head -n 1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

FILES=(aggregate-200mb records-50mb records-100mb records-200mb records5-200mb)

echo "== throughput: hyperfine -N -i --warmup 1 --runs $RUNS"
for name in "${FILES[@]}"; do
    hyperfine -N -i --warmup 1 --runs "$RUNS" --style basic --output=null \
        --export-json "$OUT/check-$name.json" "$DEID check Benchmarks/data/$name.csv" | grep -E 'Benchmark|Time|Range'
done

echo "== peak memory: /usr/bin/time -v (one run each)"
for name in "${FILES[@]}"; do
    set +e
    /usr/bin/time -v "$DEID" check "Benchmarks/data/$name.csv" >"$OUT/check-$name.findings.txt" 2>"$OUT/check-$name.time.txt"
    echo "$?" >"$OUT/check-$name.exit"
    set -e
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 Benchmarks/throughput_summary.py checks "$OUT" "${FILES[@]}"

# Every finding of the aggregate file (415,171) in each output format: what a CI job that uploads SARIF, or a
# script that reads the JSON, pays. The text run lists them all too (--max-findings 0), for comparison.
echo
echo "== all findings of aggregate-200mb in each format: hyperfine -N -i --warmup 1 --runs 3; peak RSS one run"
AGG=Benchmarks/data/aggregate-200mb.csv
for format in text json sarif; do
    hyperfine -N -i --warmup 1 --runs 3 --style basic --output=null \
        "$DEID check --max-findings 0 --format $format $AGG" | grep -E 'Time|Range'
    /usr/bin/time -f "  $format: peak RSS %M KB, output %C" "$DEID" check --max-findings 0 --format "$format" "$AGG" \
        2>&1 >"$OUT/check-aggregate.$format" | grep -v '^Command exited' | sed 's/, output .*//' || true  # exit 1: findings
    echo "  $format output: $(wc -c <"$OUT/check-aggregate.$format") bytes"
done

# deid's records path next to DuckDB's group-by (the same dimension columns, every column read as text, timed inside
# Python: mean of RUNS runs after a warm-up) and a raw single-core libcsv parse (Benchmarks/rawparse.c, libcsv's
# fastest options, callbacks that only count). deid's figure is the hyperfine mean above.
echo
echo "== records path side by side: deid check, DuckDB group-by, raw libcsv parse (one core)"
source Benchmarks/lib/venv.sh
benchmark_venv duckdb
cc -O2 -o "$OUT/rawparse" Benchmarks/rawparse.c -lcsv
for name in records-200mb records5-200mb; do
    csv=Benchmarks/data/$name.csv
    hyperfine -N --warmup 1 --runs "$RUNS" --style basic --output=null --export-json "$OUT/raw-$name.json" \
        "$OUT/rawparse $csv" | grep -E 'Time' | sed 's/^/  raw libcsv: /'
    "$VENV/bin/python" Benchmarks/duckdb_groupby.py "$csv" "$RUNS" County "Age Group" Sex Race/Ethnicity Year \
        >"$OUT/duckdb-$name.txt"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 Benchmarks/throughput_summary.py side-by-side "$OUT" records-200mb records5-200mb
