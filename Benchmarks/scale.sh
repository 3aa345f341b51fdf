#!/usr/bin/env bash
# deid on the 4- and 5-dimensional county tables CDPH publishes, next to pytauargus MOD in the same run.
# Prints figures; asserts nothing.
#
#   bash Benchmarks/scale.sh            # table c (one year, 12,480 cells in one component)
#   bash Benchmarks/scale.sh c d e      # d: 10 years (124,800 cells); e: 5 years and their total (74,880)
#   SEED=7 bash Benchmarks/scale.sh c   # another draw of the same shape (a seed the code was not tuned on)
#   MOD=0 bash Benchmarks/scale.sh d    # deid only
#   ABLATION=0 bash Benchmarks/scale.sh # without the "no floor" row
#   LPS_FIRST=1 bash Benchmarks/scale.sh c   # also the "neighbourhood LPs first" row (slow: its audit)
#   MOD_YEARS=3 bash Benchmarks/scale.sh d   # MOD on the first 3 years only (each year takes minutes)
#
# Tables: Benchmarks/scale_tables.py (county in 6 regions x age x sex x race/ethnicity [x year], Poisson counts).
# deid: `deid release` end to end (CSV in, release CSV and JSON audit report out), wall time and peak RSS from
# /usr/bin/time; hidden cells, their suppressed total and the audit verdict from the report. MOD: pytauargus's
# Modular method at deid's protection level, protection time only, through Benchmarks/tauargus_compare.py in
# Benchmarks/.venv, one year at a time where years are independent tables (Benchmarks/scale_mod_years.py); each
# result is cached by its table's SHA-256 in Benchmarks/out/scale-mod/, since one year takes minutes (delete the
# folder to time MOD again). MOD's pattern only has to hold against an attacker who allows
# hidden zeros; deid's holds against one who knows they are not zero. Unless ABLATION=0, each table is also released
# by deid built with Benchmarks/ablation/attacker-knows-no-floor.patch (in Benchmarks/out/ablation-src, never part
# of deid): its attacker, like MOD's, allows hidden zeros, so that row compares the two searches at one standard.
# With LPS_FIRST=1, each table is also released by deid built with Benchmarks/ablation/neighbourhood-lps-first.patch
# (inner cells and one- and two-way totals protected by linear programs over their neighbourhoods before cubes),
# stopped after LPS_FIRST_TIMEOUT seconds (1800 by default): fewer hidden cells, but most of its moves are
# fractional, so its audit cannot settle cells by verified moves and solves them over the whole component.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib/patched-build.sh
TABLES=("$@")
[ ${#TABLES[@]} -gt 0 ] || TABLES=(c)
OUT=Benchmarks/out/scale
CACHE=Benchmarks/out/scale-mod
mkdir -p "$OUT" "$CACHE"

echo "== build (swift build -c release)"
swift build -c release 2>&1 | tail -n 1
DEID=.build/release/deid
if [ "${ABLATION:-1}" = 1 ]; then
    echo "== build deid with Benchmarks/ablation/attacker-knows-no-floor.patch (Benchmarks/out/ablation-src)"
    build_patched Benchmarks/ablation/attacker-knows-no-floor.patch Benchmarks/out/ablation-src
fi

if [ "${LPS_FIRST:-0}" = 1 ]; then
    echo "== build deid with Benchmarks/ablation/neighbourhood-lps-first.patch (Benchmarks/out/lps-first-src)"
    build_patched Benchmarks/ablation/neighbourhood-lps-first.patch Benchmarks/out/lps-first-src
fi

source Benchmarks/lib/venv.sh
if [ "${MOD:-1}" = 1 ]; then benchmark_venv pytauargus pandas; fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(git rev-parse --short HEAD)"
for name in "${TABLES[@]}"; do
    table=$(cd Benchmarks && python3 scale_tables.py "$name" ${SEED:+--seed "$SEED"} | sed -n 's/^\(wrote\|kept\) //p')
    [ -n "$table" ] || { echo "scale_tables.py wrote no table for $name" >&2; exit 2; }
    (cd Benchmarks && python3 -c "
import csv, sys
rows = list(csv.DictReader(open('$table')))
small = sum(1 for r in rows if 0 < int(r['Cases']) < 11)
print(f'table $name: {len(rows):,} cells, {small:,} counts of 1-10')")
    work="$OUT/$(basename "$table" .csv)"
    mkdir -p "$work"
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$DEID" release -q "$table" -o "$work/release.csv" \
        --report "$work/audit.json"
    read -r seconds kilobytes < "$work/time.txt"
    python3 Benchmarks/scale_summary.py deid "$table" "$work/release.csv" "$work/audit.json" "$seconds" "$kilobytes"
    if [ "${ABLATION:-1}" = 1 ]; then
        /usr/bin/time -f '%e %M' -o "$work/no-floor.time.txt" Benchmarks/out/ablation-src/.build/release/deid release -q \
            "$table" -o "$work/no-floor.release.csv" --report "$work/no-floor.audit.json"
        read -r floorless_seconds floorless_kilobytes < "$work/no-floor.time.txt"
        python3 Benchmarks/scale_summary.py "deid, no floor" "$table" "$work/no-floor.release.csv" \
            "$work/no-floor.audit.json" "$floorless_seconds" "$floorless_kilobytes"
    fi
    if [ "${LPS_FIRST:-0}" = 1 ]; then
        if /usr/bin/time -f '%e %M' -o "$work/lps-first.time.txt" timeout "${LPS_FIRST_TIMEOUT:-1800}" \
            Benchmarks/out/lps-first-src/.build/release/deid release -q "$table" -o "$work/lps-first.release.csv" \
            --report "$work/lps-first.audit.json"; then
            read -r lp_seconds lp_kilobytes < "$work/lps-first.time.txt"
            python3 Benchmarks/scale_summary.py "deid, neighbourhood LPs first" "$table" "$work/lps-first.release.csv" \
                "$work/lps-first.audit.json" "$lp_seconds" "$lp_kilobytes"
        else
            echo "   deid, neighbourhood LPs first: did not finish in ${LPS_FIRST_TIMEOUT:-1800} s"
        fi
    fi
    if [ "${MOD:-1}" = 1 ]; then
        "$VENV/bin/python" Benchmarks/scale_mod_years.py "$table" "$CACHE" "$work/mod.json" ${MOD_YEARS:+--years "$MOD_YEARS"}
        python3 Benchmarks/scale_summary.py MOD "$table" "$work/mod.json" "$work/release.csv" "$seconds"
    fi
done
