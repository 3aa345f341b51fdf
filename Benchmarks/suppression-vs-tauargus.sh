#!/usr/bin/env bash
# deid's complementary suppression next to pytauargus MOD and OPT (complementary-suppression issue, item 7).
# Prints figures; asserts nothing.
#
#   Benchmarks/suppression-vs-tauargus.sh              # tables a and b
#   Benchmarks/suppression-vs-tauargus.sh a            # only table a
#   OPT_TIMEOUT=600 RUNS=5 PAIRS=5 Benchmarks/suppression-vs-tauargus.sh
#   SEED=2027 Benchmarks/suppression-vs-tauargus.sh b-seed2027   # table b's shape drawn with another seed
#
# For each table: builds deid (release), creates Benchmarks/.venv with pytauargus and pandas if missing,
# generates the table, times `deid release` end to end with hyperfine (CSV in, release CSV and JSON audit out),
# then Benchmarks/tauargus_compare.py runs pytauargus MOD and OPT (OPT stopped after OPT_TIMEOUT seconds), audits
# each with pytauargus's audit, audits deid's release pattern with the same audit, audits MOD's and OPT's patterns
# with deid's audit, repeats MOD and OPT at wider levels [0, 15] (deid's stricter standard), and prints one table.
# Then it times deid release and MOD back to back, PAIRS times: this machine's speed drifts by 10-20% over
# minutes to hours, and pairs share the drift, so their ratio is the speed comparison to quote.
#
# Unless ABLATION=0, it also releases each table with a deid built from this tree with
# Benchmarks/ablation/attacker-knows-no-floor.patch applied (in Benchmarks/out/ablation-src, never part of deid):
# its attacker, like τ-ARGUS's, does not know that a hidden count is at least 1. That row measures what this one
# piece of the attacker's knowledge, which the complementary-suppression issue requires, costs in hidden cells.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib/patched-build.sh
RUNS=${RUNS:-5}
PAIRS=${PAIRS:-5}
OPT_TIMEOUT=${OPT_TIMEOUT:-600}
OUT=Benchmarks/out
TABLES=("$@")
[ ${#TABLES[@]} -gt 0 ] || TABLES=(a b)
mkdir -p "$OUT"

if ! command -v hyperfine >/dev/null; then
    apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi

echo "== build (swift build -c release)"
swift build -c release 2>&1 | tail -n 1
DEID=.build/release/deid

source Benchmarks/lib/venv.sh
benchmark_venv pytauargus pandas
echo "pytauargus $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("pytauargus"))')," \
     "engine $("$VENV/bin/python" -c 'from pytauargus.engine import Engine; print(Engine().version)' 2>/dev/null || echo '?')"

ABLATION=${ABLATION:-1}
ABLATION_PATCH=Benchmarks/ablation/attacker-knows-no-floor.patch
ABLATION_SRC=$OUT/ablation-src
if [ "$ABLATION" = 1 ]; then
    echo "== build the ablation (this tree + $ABLATION_PATCH) in $ABLATION_SRC"
    build_patched "$ABLATION_PATCH" "$ABLATION_SRC"
fi

echo "== data"
python3 Benchmarks/generate.py suppression ${SEED:+--seed "$SEED"}

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc), $(free -g | awk '/Mem:/ {print $2 " GiB RAM"}')"

for t in "${TABLES[@]}"; do
    table=Benchmarks/data/suppression-$t.csv
    echo
    echo "== table ($t): deid release, hyperfine -N --warmup 1 --runs $RUNS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    hyperfine -N --warmup 1 --runs "$RUNS" --style basic --export-json "$OUT/$t.hyperfine.json" \
        "$DEID release -q $table -o $OUT/$t.release.csv --report $OUT/$t.audit.json" | grep -E 'Benchmark|Time|Range'
    # Like for like: deid under a copy of its policy with min_interval_width 10 (see matched_row in the script).
    matched=$OUT/matched-$t
    mkdir -p "$matched"
    sed -e 's/^name: .*/name: calhhs-ddg-2.0-width-10/' -e 's/^\( *min_interval_width:\) 11$/\1 10/' \
        Presets/calhhs-ddg-2.0.yaml > "$matched/policy.yaml"
    grep -q '^ *min_interval_width: 10$' "$matched/policy.yaml" || { echo "could not set the width in $matched/policy.yaml"; exit 2; }
    sed 's|^policy: .*|policy: policy.yaml|' "${table%.csv}.deid.yaml" > "$matched/table.deid.yaml"
    echo "== table ($t): deid release with min_interval_width 10, hyperfine -N --warmup 1 --runs $RUNS"
    hyperfine -N --warmup 1 --runs "$RUNS" --style basic --export-json "$matched/hyperfine.json" \
        "$DEID release -q $table --description $matched/table.deid.yaml -o $matched/release.csv --report $matched/audit.json" \
        | grep -E 'Time|Range'
    ablation=()
    if [ "$ABLATION" = 1 ]; then
        folder=$OUT/ablation-$t
        mkdir -p "$folder"
        echo "== table ($t): deid with τ-ARGUS's attacker (ablation build), hyperfine -N --warmup 1 --runs $RUNS"
        hyperfine -N --warmup 1 --runs "$RUNS" --style basic --export-json "$folder/hyperfine.json" \
            "$ABLATION_SRC/.build/release/deid release -q $table -o $folder/release.csv --report $folder/audit.json" \
            | grep -E 'Time|Range'
        ablation=(--ablation "$folder")
    fi
    echo "== table ($t): pytauargus MOD, OPT and audits (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    "$VENV/bin/python" Benchmarks/tauargus_compare.py compare --table "$table" --release "$OUT/$t.release.csv" \
        --report "$OUT/$t.audit.json" --hyperfine "$OUT/$t.hyperfine.json" --workdir "$OUT/tau-$t" \
        --opt-timeout "$OPT_TIMEOUT" --matched "$matched" "${ablation[@]}"
    echo "== table ($t): speed, deid release and MOD back to back, $PAIRS pairs (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    "$VENV/bin/python" Benchmarks/tauargus_compare.py speed --table "$table" --workdir "$OUT/tau-$t" --deid "$DEID" \
        --pairs "$PAIRS"
done
