#!/usr/bin/env bash
# deid release on random tables of 1-4 dimensions (Benchmarks/random_tables.py), then deid check on each release.
# Prints figures; asserts nothing.
#
#   Benchmarks/random-tables.sh                 # seeds 1-150
#   SEEDS="1 200" Benchmarks/random-tables.sh   # seeds 1-200
#
# For each seed: writes the table if missing (Benchmarks/data/random/SEED), times one `deid release` with
# DEID_TRACE=1 (kept in Benchmarks/out/random/SEED.trace), then runs `deid check` on the release, which must exit
# 0 (every hidden cell protected). Prints the slowest tables, the distribution of release times, the exit codes,
# and how the exact search ended (solved, or gave up at its work budget).
set -euo pipefail
cd "$(dirname "$0")/.."
read -r FIRST LAST <<<"${SEEDS:-1 150}"
DATA=Benchmarks/data/random
OUT=Benchmarks/out/random
mkdir -p "$DATA" "$OUT"

echo "== build (swift build -c release)"
swift build -c release 2>&1 | tail -n 1
DEID=.build/release/deid

echo "== seeds $FIRST-$LAST (load average $(cut -d' ' -f1-3 /proc/loadavg))"
results=$OUT/results.txt
: >"$results"
for seed in $(seq "$FIRST" "$LAST"); do
    dir=$DATA/$seed
    [ -f "$dir/table.csv" ] || python3 Benchmarks/random_tables.py "$seed" "$dir" >/dev/null
    cells=$(($(wc -l <"$dir/table.csv") - 1))
    start=$(date +%s%N)
    release=0
    DEID_TRACE=1 "$DEID" release -q "$dir/table.csv" --description "$dir/table.deid.yaml" -o "$OUT/$seed.release.csv" \
        --report "$OUT/$seed.audit.json" 2>"$OUT/$seed.trace" || release=$?
    ms=$((($(date +%s%N) - start) / 1000000))
    check=-
    if [ "$release" = 0 ]; then
        check=0
        "$DEID" check --description "$dir/table.deid.yaml" "$OUT/$seed.release.csv" >"$OUT/$seed.check.txt" 2>&1 || check=$?
    fi
    solved=$(sed -n 's/^deid trace: exact: \([0-9]*\) components.*/\1/p' "$OUT/$seed.trace")
    gaveup=$(grep -c 'exact search gave up' "$OUT/$seed.trace" || true)
    echo "$seed $cells $release $check $ms ${solved:-0} $gaveup" >>"$results"
done

python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
rows = [(int(s), int(c), r, k, int(ms), int(x), int(g)) for s, c, r, k, ms, x, g in rows]
times = sorted(r[4] for r in rows)
q = statistics.quantiles(times, n=10)
print(f"tables: {len(rows)}, {min(r[1] for r in rows)}-{max(r[1] for r in rows)} cells")
print(f"release wall ms: median {statistics.median(times):.0f}, p90 {q[-1]:.0f}, max {times[-1]}")
print("release exit codes:", {c: sum(r[2] == c for r in rows) for c in sorted({r[2] for r in rows})})
print("check exit codes on the releases:", {c: sum(r[3] == c for r in rows) for c in sorted({r[3] for r in rows})})
print(f"exact search: solved {sum(r[5] for r in rows)} components, gave up on {sum(r[6] for r in rows)}"
      f" (in {sum(r[6] > 0 for r in rows)} tables)")
print("slowest: seed cells ms")
for r in sorted(rows, key=lambda r: -r[4])[:6]:
    print(f"  {r[0]:>4} {r[1]:>5} {r[4]:>6}")
PY
