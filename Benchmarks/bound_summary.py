"""Prints, per year of a suppression benchmark table, the lower bound on what protection must add to the primary
cells (from the lower-bound build's logs: cells, or counts with MINIMISE=total), next to what deid, pytauargus MOD
and, where it finished, OPT add. Called by complementary-lower-bound.sh.

The table, its primaries (counts 1-10) and a release's hidden cells (blank counts) are read as
tauargus_compare.py reads them."""
import argparse
import pathlib
import re
from collections import Counter

from tauargus_compare import Table, read_release_hidden

BOUND = re.compile(r"^bound: component \d+ round \d+: at least (\d+) (cells|counts)$")


def bounds(log: pathlib.Path) -> list[int]:
    """The bound after each round (bounds only grow as rows are added)."""
    return [int(m.group(1)) for m in map(BOUND.match, log.read_text().splitlines()) if m]


def added(table: Table, hidden, unit: str) -> dict[tuple, Counter]:
    """Per slice (year), the hidden cells that are not primary: how many, and the sum of their counts."""
    per_slice: dict[tuple, Counter] = {}
    for cell in hidden:
        if not table.is_primary(cell):
            key = tuple(table.keys[cell][i] for i in table.slice_dims)
            per_slice.setdefault(key, Counter()).update(cells=1, total=table.values[cell])
    return {key: c[unit] for key, c in per_slice.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", type=pathlib.Path, required=True)
    parser.add_argument("--years", type=pathlib.Path, required=True)
    parser.add_argument("--tau", type=pathlib.Path, required=True, help="tauargus_compare.py's workdir")
    parser.add_argument("--minimise", choices=["cells", "total"], required=True)
    args = parser.parse_args()
    unit = args.minimise
    description = args.table.with_suffix(".deid.yaml")
    table = Table(args.table, description)
    primary: dict[tuple, Counter] = {}
    for cell in range(len(table.keys)):
        if table.is_primary(cell):
            key = tuple(table.keys[cell][i] for i in table.slice_dims)
            primary.setdefault(key, Counter()).update(cells=1, total=table.values[cell])
    logs = sorted(args.years.glob("*.bound.log"))
    columns = {"deid": {}}
    for log in logs:
        # Each year was released alone: its table is the year's CSV, next to its log.
        year_table = Table(args.years / f"{log.name.split('.')[0]}.csv", description)
        release = args.years / f"{log.name.split('.')[0]}.deid.csv"
        columns["deid"].update(added(year_table, read_release_hidden(release, year_table), unit))
    for method in ("MOD", "OPT"):
        release = args.tau / f"{method}.release.csv"
        if release.exists():
            columns[method] = added(table, read_release_hidden(release, table), unit)
    names = list(columns)
    print(f"{'year':<6}{'primary ' + unit:>16}{'added: bound':>14}{'rounds':>8}" + "".join(f"{n:>9}" for n in names))
    totals = Counter()
    for log in logs:
        year = (log.name.split(".")[0],)
        found = bounds(log)
        figures = [columns[n].get(year, 0) for n in names]
        print(f"{year[0]:<6}{primary[year][unit]:>16,}{(found[-1] if found else 'none'):>14}{len(found):>8}"
              + "".join(f"{f:>9}" for f in figures))
        totals.update(primary=primary[year][unit], bound=found[-1] if found else 0, missing=0 if found else 1)
        totals.update(dict(zip(names, figures)))
    print(f"{'all':<6}{totals['primary']:>16,}{totals['bound']:>14,}{'':>8}" + "".join(f"{totals[n]:>9,}" for n in names))
    if totals["missing"]:
        print(f"{totals['missing']} years gave no bound; the total bound leaves them out")
    what = "hidden cells" if unit == "cells" else "suppressed total"
    print(f"{what}: at least {totals['primary'] + totals['bound']:,} at deid's standard"
          + "".join(f"; {n} {totals['primary'] + totals[n]:,}" for n in names))


if __name__ == "__main__":
    main()
