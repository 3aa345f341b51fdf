"""Prints, per year of a suppression benchmark table, the lower bound on what protection must add to the primary
cells (from the lower-bound build's logs: cells, or counts with MINIMISE=total), next to what deid, pytauargus MOD
and, where it finished, OPT add. Called by complementary-lower-bound.sh.

Primary cells are the counts 1-10, as in deid's calhhs-ddg-2.0 and tauargus_compare.py; a release's hidden cells
are its blank count fields."""
import argparse
import csv
import json
import pathlib
import re
from collections import Counter

BOUND = re.compile(r"^bound: component \d+ round (\d+): at least (\d+) (cells|counts)$")
COUNT = "Cases"


def bounds(log: pathlib.Path) -> list[int]:
    """The bound after each round (bounds only grow as rows are added)."""
    return [int(m.group(2)) for m in map(BOUND.match, log.read_text().splitlines()) if m]


def hidden(release: pathlib.Path, counts: dict) -> dict[str, Counter]:
    """Per year, the hidden cells and the sum of their true counts."""
    per_year: dict[str, Counter] = {}
    with release.open(newline="") as f:
        for row in csv.DictReader(f):
            if row[COUNT] == "":
                key = tuple(v for k, v in row.items() if k in counts["dimensions"])
                per_year.setdefault(row["Year"], Counter()).update(cells=1, total=counts["values"][key])
    return per_year


def read_input(table: pathlib.Path) -> dict:
    with table.open(newline="") as f:
        reader = csv.DictReader(f)
        # The dimensions are the columns before the count.
        dimensions = reader.fieldnames[: reader.fieldnames.index(COUNT)]
        values, primary = {}, {}
        for row in reader:
            value = int(row[COUNT])
            values[tuple(row[d] for d in dimensions)] = value
            if 1 <= value <= 10:
                primary.setdefault(row["Year"], Counter()).update(cells=1, total=value)
    return {"dimensions": dimensions, "values": values, "primary": primary}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", type=pathlib.Path, required=True)
    parser.add_argument("--years", type=pathlib.Path, required=True)
    parser.add_argument("--tau", type=pathlib.Path, required=True, help="tauargus_compare.py's workdir")
    parser.add_argument("--minimise", choices=["cells", "total"], required=True)
    args = parser.parse_args()
    data = read_input(args.table)
    unit = args.minimise
    columns = {"deid": {}}
    for year_release in sorted(args.years.glob("*.deid.csv")):
        columns["deid"].update(hidden(year_release, data))
    for method in ("MOD", "OPT"):
        release = args.tau / f"{method}.release.csv"
        if release.exists():
            columns[method] = hidden(release, data)
    names = list(columns)
    print(f"{'year':<6}{'primary ' + unit:>16}{'added: bound':>14}{'rounds':>8}" + "".join(f"{n:>9}" for n in names))
    totals = Counter()
    for log in sorted(args.years.glob("*.bound.log")):
        year = log.name.split(".")[0]
        primary = data["primary"].get(year, Counter())[unit]
        found = bounds(log)
        added = {n: columns[n][year][unit] - primary if year in columns[n] else None for n in names}
        shown = "".join(f"{a if a is not None else '-':>9}" for a in added.values())
        print(f"{year:<6}{primary:>16,}{(found[-1] if found else 'none'):>14}{len(found):>8}{shown}")
        totals["primary"] += primary
        totals["bound"] += found[-1] if found else 0
        totals["missing"] += 0 if found else 1
        for n, a in added.items():
            totals[n] += a or 0
    print(f"{'all':<6}{totals['primary']:>16,}{totals['bound']:>14,}{'':>8}" + "".join(f"{totals[n]:>9,}" for n in names))
    if totals["missing"]:
        print(f"{totals['missing']} years gave no bound; the total bound leaves them out")
    line = f"{'hidden cells' if unit == 'cells' else 'suppressed total'}: at least {totals['primary'] + totals['bound']:,} at deid's standard"
    print(line + "".join(f"; {n} {totals['primary'] + totals[n]:,}" for n in names))


if __name__ == "__main__":
    main()
