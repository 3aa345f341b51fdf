#!/usr/bin/env bash
# A lower bound on the cells (or, with MINIMISE=total, the suppressed total) any release of suppression benchmark
# table (a) or (b) must hide at deid's standard, next to what deid and pytauargus MOD and OPT hide
# (complementary-suppression issue, item 7: "hidden cells no more than MOD's", "total <= 1.1x OPT's").
# Prints figures; asserts nothing.
#
#   Benchmarks/complementary-lower-bound.sh                    # table b, hidden cells
#   MINIMISE=total Benchmarks/complementary-lower-bound.sh a   # table a, suppressed total
#   ROUNDS=6 MASTER_SECONDS=300 Benchmarks/complementary-lower-bound.sh
#
# The bound comes from deid built with Benchmarks/bound/lower-bound.patch (in Benchmarks/out/bound-src, never part
# of deid). Its exact search runs on every component, whatever its size, with a cost of 1 per cell (or, with
# MINIMISE=total, the cell's count), and adds only cuts that every acceptable pattern satisfies:
#   - each primary cell's relations (another cell hidden; room for the width above a floor of 1),
#   - DDG Ed. 2.0 rule 6 as deid applies it,
#   - Benders cuts from the primary cells' attacker linear programs (a pattern that passes the audit over whole
#     numbers passes it over the reals too).
# Each of ROUNDS master solves (default 4, each stopped after MASTER_SECONDS, default 150) proves that every such
# pattern adds at least as many cells (or counts) as its bound. Complementary cells' own width is left out, so the true
# minimum may be higher. The years are independent components (no total over years), so each is run alone,
# $(nproc) at a time. MOD's and OPT's figures are read from Benchmarks/out/tau-<table>/{MOD,OPT}.release.csv when
# Benchmarks/suppression-vs-tauargus.sh has written them.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib/patched-build.sh
TABLE=${1:-b}
ROUNDS=${ROUNDS:-4}
MINIMISE=${MINIMISE:-cells}
MASTER_SECONDS=${MASTER_SECONDS:-150}
OUT=Benchmarks/out/bound-$TABLE-$MINIMISE
BOUND_SRC=Benchmarks/out/bound-src

echo "== build deid (release) and the lower-bound build (this tree + Benchmarks/bound/lower-bound.patch)"
swift build -c release 2>&1 | tail -n 1
build_patched Benchmarks/bound/lower-bound.patch "$BOUND_SRC"

echo "== data"
python3 Benchmarks/generate.py suppression
table=Benchmarks/data/suppression-$TABLE.csv
rules=Benchmarks/data/suppression-$TABLE.deid.yaml
rm -rf "$OUT"
mkdir -p "$OUT"
# One table per year: the header, then that year's rows.
awk -F, -v out="$OUT" 'NR == 1 { header = $0; next }
    { file = out "/" $1 ".csv"; if (!(file in seen)) { print header > file; seen[file] = 1 } print >> file }' "$table"

echo "== $(ls "$OUT"/*.csv | wc -l) years, $(nproc) at a time; minimise $MINIMISE, rounds $ROUNDS, master solves stopped after $MASTER_SECONDS s"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc)"
export ROUNDS MINIMISE MASTER_SECONDS BOUND_SRC rules
start=$(date +%s)
ls "$OUT"/*.csv | xargs -P "$(nproc)" -I{} sh -c '
    year=${1%.csv}
    .build/release/deid release -q "$1" --description "$rules" -o "$year.deid.csv" --report "$year.deid.json"
    DEID_BOUND_ROUNDS=$ROUNDS DEID_BOUND_MINIMISE=$MINIMISE DEID_BOUND_MASTER_SECONDS=$MASTER_SECONDS "$BOUND_SRC/.build/release/deid" release -q \
        "$1" --description "$rules" -o "$year.bound.csv" --report "$year.bound.json" 2> "$year.bound.log"' _ {}
echo "wall time $(( $(date +%s) - start )) s"
python3 Benchmarks/bound_summary.py --table "$table" --years "$OUT" --tau "Benchmarks/out/tau-$TABLE" --minimise "$MINIMISE"
