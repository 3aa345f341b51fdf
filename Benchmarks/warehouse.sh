#!/usr/bin/env bash
# Records counted by a warehouse engine (DuckDB, from the query `deid sql` prints) and then released by deid, next to
# `deid release` on the records themselves, in the same run. Prints figures; asserts nothing but that both ways give
# the same release.
#
#   bash Benchmarks/warehouse.sh              # 200 MB of records
#   SIZES="200 2000" bash Benchmarks/warehouse.sh   # and 2 GB
#
# Records: Benchmarks/generate.py records --mb N (one row per person: County, Age Group, Sex, Race/Ethnicity, Year;
# 58 counties in a region hierarchy), with their description. DuckDB from PyPI in Benchmarks/.venv, run through
# Python; it reads the CSV file itself (`--from` a path), on every core. Wall time and peak RSS from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-200}
OUT=Benchmarks/out/warehouse
mkdir -p "$OUT"

echo "== build (swift build -c release)"
swift build -c release 2>&1 | tail -n 1
DEID=.build/release/deid
source Benchmarks/lib/venv.sh
benchmark_venv duckdb
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(git rev-parse --short HEAD), duckdb $("$VENV/bin/python" -c 'import duckdb; print(duckdb.__version__)')"

timed() { /usr/bin/time -f '%e %M' -o "$1" "${@:2}"; }
figures() { read -r s kb < "$1"; printf '%6.2f s %6d MB' "$s" $((kb / 1024)); }

for mb in $SIZES; do
    python3 Benchmarks/generate.py records --mb "$mb" >/dev/null
    records=Benchmarks/data/records-${mb}mb.csv
    work="$OUT/$mb"
    rm -rf "$work"
    mkdir -p "$work"
    rows=$(($(wc -l < "$records") - 1))
    echo "== records: $records, $(du -m "$records" | cut -f1) MB, $rows rows"

    timed "$work/sql.time" "$DEID" sql "${records%.csv}.deid.yaml" --dialect duckdb --from "$records" \
        --emit-description "$work/counts.deid.yaml" > "$work/query.sql"
    timed "$work/duckdb.time" "$VENV/bin/python" -c \
        "import duckdb, sys; duckdb.sql('COPY (' + open(sys.argv[1]).read() + ') TO \'' + sys.argv[2] + '\' (HEADER)')" \
        "$work/query.sql" "$work/counts.csv"
    timed "$work/release-counts.time" "$DEID" release -q "$work/counts.csv" --description "$work/counts.deid.yaml" \
        -o "$work/from-counts.csv" --report "$work/from-counts.audit.json"
    timed "$work/release-records.time" "$DEID" release -q "$records" -o "$work/from-records.csv" \
        --report "$work/from-records.audit.json"

    cells=$(($(wc -l < "$work/counts.csv") - 1))
    same=$(cmp -s "$work/from-counts.csv" "$work/from-records.csv" && echo "same release" || echo "RELEASES DIFFER")
    printf 'DuckDB aggregation (deid sql query):  %s   -> %d cells\n' "$(figures "$work/duckdb.time")" "$cells"
    printf 'deid release of the aggregate:        %s\n' "$(figures "$work/release-counts.time")"
    printf 'deid release of the records:          %s   %s\n' "$(figures "$work/release-records.time")" "$same"
done
