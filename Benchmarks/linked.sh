#!/usr/bin/env bash
# Tables from the same records released together (`deid release --linked`) next to the same tables released one
# at a time, in the same run. Prints figures; asserts nothing.
#
#   bash Benchmarks/linked.sh                     # four tables from 1,000,000 records
#   RECORDS=200000 bash Benchmarks/linked.sh
#
# Tables: Benchmarks/linked_tables.py (County x Age Group x Sex, County x Race/Ethnicity x Sex,
# Age Group x Race/Ethnicity x Sex, County x Age Group, with totals; counted from synthetic person records).
# For each way: wall time and peak RSS (/usr/bin/time), hidden cells, and what `deid check --linked` finds in the
# set of releases (cells an attacker holding all of them narrows below the policy's width).
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${RECORDS:-1000000}
OUT=Benchmarks/out/linked-$RECORDS
DATA=Benchmarks/data/linked-$RECORDS

echo "== build (swift build -c release)"
swift build -c release 2>&1 | tail -n 1
DEID=.build/release/deid
(cd Benchmarks && python3 linked_tables.py --records "$RECORDS")
TABLES=(county-age-sex county-race-sex age-race-sex county-age)
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(git rev-parse --short HEAD)"
echo "== $(for t in "${TABLES[@]}"; do printf '%s %s cells; ' "$t" $(($(wc -l < "$DATA/$t.csv") - 1)); done)"
rm -rf "$OUT"
mkdir -p "$OUT/alone" "$OUT/together"

hidden() { python3 -c 'import csv, sys; print(sum(1 for f in sys.argv[1:] for r in csv.DictReader(open(f)) if r["Cases"] == ""))' "$@"; }
leaks() {
    for t in "${TABLES[@]}"; do cp "$DATA/$t.deid.yaml" "$1/"; done
    "$DEID" check --linked --format json "${@:2}" > "$1/linked-check.json" || true
    python3 -c 'import json, sys; print(sum(len([f for f in r["findings"] if f["rule"] == "under-protected"]) for r in json.load(open(sys.argv[1]))["files"]))' "$1/linked-check.json"
}

start=$(date +%s.%N)
for t in "${TABLES[@]}"; do
    /usr/bin/time -f '%e %M' -o "$OUT/alone/$t.time" "$DEID" release -q "$DATA/$t.csv" -o "$OUT/alone/$t.csv" \
        --report "$OUT/alone/$t.audit.json"
done
alone_seconds=$(echo "$(date +%s.%N) - $start" | bc)
alone_rss=$(cat "$OUT"/alone/*.time | awk '$2 > m { m = $2 } END { print m }')
alone_files=$(for t in "${TABLES[@]}"; do echo "$OUT/alone/$t.csv"; done)
# shellcheck disable=SC2086
echo "one at a time: $(printf '%.2f' "$alone_seconds") s for the four, peak RSS $((alone_rss / 1024)) MB, $(hidden $alone_files) cells hidden; an attacker holding all four: $(leaks "$OUT/alone" $alone_files) hidden cells under-protected"

/usr/bin/time -f '%e %M' -o "$OUT/together/time" "$DEID" release -q --linked \
    $(for t in "${TABLES[@]}"; do echo "$DATA/$t.csv"; done) --output-dir "$OUT/together"
read -r together_seconds together_rss < "$OUT/together/time"
together_files=$(for t in "${TABLES[@]}"; do echo "$OUT/together/$t.csv"; done)
# shellcheck disable=SC2086
echo "together:      ${together_seconds} s, peak RSS $((together_rss / 1024)) MB, $(hidden $together_files) cells hidden; an attacker holding all four: $(leaks "$OUT/together" $together_files) hidden cells under-protected"
