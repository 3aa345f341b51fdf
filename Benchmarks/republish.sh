#!/usr/bin/env bash
# Protecting a published table again (`deid release` on a table whose counts are partly blank), next to releasing
# the unmasked table, in the same run. Prints figures; asserts nothing.
#
#   bash Benchmarks/republish.sh        # benchmark table (b): 27,945 cells
#   TABLE=a bash Benchmarks/republish.sh
#
# The published table is the careless release a department might have put out: every count of 1-10 blanked (with
# its rate), nothing else. `deid check` on it says how many hidden cells an attacker narrows; `deid release` on it
# keeps those blanks hidden (their values unseen), hides what the audit over the published numbers needs, and
# `deid check` on the repaired table must find nothing. The unmasked table's release is the yardstick.
set -euo pipefail
cd "$(dirname "$0")/.."
TABLE=${TABLE:-b}
OUT=Benchmarks/out/republish-$TABLE
echo "== build (swift build -c release)"
swift build -c release 2>&1 | tail -n 1
DEID=.build/release/deid
python3 Benchmarks/generate.py suppression >/dev/null
rm -rf "$OUT"
mkdir -p "$OUT"
cp "Benchmarks/data/suppression-$TABLE.csv" "$OUT/unmasked.csv"
python3 - "$OUT" <<'PY'
import csv, sys
rows = list(csv.reader(open(f"{sys.argv[1]}/unmasked.csv")))
count, rate = rows[0].index("Cases"), rows[0].index("Rate per 100k")
for row in rows[1:]:
    if 1 <= int(row[count]) <= 10:
        row[count] = row[rate] = ""
csv.writer(open(f"{sys.argv[1]}/published.csv", "w", newline=""), lineterminator="\n").writerows(rows)
PY
for name in unmasked published fresh repaired; do cp "Benchmarks/data/suppression-$TABLE.deid.yaml" "$OUT/$name.deid.yaml"; done
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(git rev-parse --short HEAD)"
echo "== table ($TABLE): $(($(wc -l < "$OUT/unmasked.csv") - 1)) cells"

hidden() { python3 -c 'import csv, sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1])) if r["Cases"] == ""))' "$1"; }
narrowed() {
    "$DEID" check --format json "$1" > "$1.check.json" || true
    python3 -c 'import json, sys; print(sum(len([f for f in r["findings"] if f["rule"] == "under-protected"]) for r in json.load(open(sys.argv[1]))["files"]))' "$1.check.json"
}
timed() { /usr/bin/time -f '%e s, %M KB' -o "$1.time" "${@:2}"; cat "$1.time"; }

echo "published: $(hidden "$OUT/published.csv") hidden, $(narrowed "$OUT/published.csv") narrowed by an attacker"
printf 'release of the unmasked table:  %s; ' "$(timed "$OUT/fresh" "$DEID" release -q "$OUT/unmasked.csv" -o "$OUT/fresh.csv" --report "$OUT/fresh.audit.json")"
echo "$(hidden "$OUT/fresh.csv") hidden, $(narrowed "$OUT/fresh.csv") narrowed"
printf 'release of the published table: %s; ' "$(timed "$OUT/repaired" "$DEID" release -q "$OUT/published.csv" -o "$OUT/repaired.csv" --report "$OUT/repaired.audit.json")"
echo "$(hidden "$OUT/repaired.csv") hidden, $(narrowed "$OUT/repaired.csv") narrowed"
