#!/usr/bin/env python3
"""Deterministic benchmark data for deid (python3 standard library only; fixed seeds, so every run writes the
same bytes). Run from anywhere:

    python3 Benchmarks/generate.py all                 # everything below
    python3 Benchmarks/generate.py aggregate           # ~200 MB aggregate table + description
    python3 Benchmarks/generate.py records --mb 50     # record-level file of ~50 MB (also 100, 200)
    python3 Benchmarks/generate.py records5            # ~200 MB of records without the Person ID column
    python3 Benchmarks/generate.py suppression         # tables (a) and (b) of the suppression benchmark

Files go to Benchmarks/data/ (git-ignored), each CSV with its description NAME.deid.yaml beside it. Existing
files are kept unless --force is given. The numbers are synthetic: populations are 2020 Census county totals
(scripts/california.py) split by fixed shares, and counts are Poisson draws around fixed rates; they stand for no
real disease or service.
"""
import argparse
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from california import COUNTIES, POPULATION, REGIONS, hierarchy_yaml  # noqa: E402

DATA = os.path.join(HERE, "data")
STATE = "California"
PLACES = [STATE] + [x for region, counties in REGIONS.items() for x in [region] + counties]
REGION_OF = {county: region for region, counties in REGIONS.items() for county in counties}

# Statewide shares (rounded, roughly California's); the generators only need plausible relative sizes.
AGES_8 = ["0-4", "5-14", "15-24", "25-34", "35-44", "45-54", "55-64", "65+"]
AGE_8_SHARE = [.060, .129, .134, .150, .136, .125, .122, .144]
# Reported cases per 100,000 per year by age group for the synthetic reportable disease of tables (a) and (b).
AGE_8_RATE = [30.0, 12.0, 45.0, 70.0, 60.0, 70.0, 80.0, 135.0]
RACES = ["Hispanic or Latino", "White, non-Hispanic", "Asian, non-Hispanic", "Black, non-Hispanic",
         "Multiracial, non-Hispanic", "American Indian or Alaska Native, non-Hispanic",
         "Native Hawaiian or Pacific Islander, non-Hispanic"]
RACE_SHARE = [.39, .35, .15, .055, .035, .012, .008]
PAYERS = ["Medi-Cal", "Medicare", "Private", "Uninsured", "Other"]
PAYER_SHARE_UNDER_65 = [.36, .03, .50, .07, .04]
PAYER_SHARE_65_PLUS = [.12, .80, .06, .01, .01]
SEXES = ["Female", "Male"]


def poisson(rng, mean):
    """A Poisson draw (Knuth's method below 50, a rounded normal above: close enough for counts)."""
    if mean <= 0:
        return 0
    if mean > 50:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def quoted(label):
    return f'"{label}"' if ("," in label or '"' in label) else label


# ---------------------------------------------------------------------------------------------------------------
# A dense table with totals: every dimension is a list of labels; additive dimensions name, for each total label,
# its children. Totals are filled lowest level first, as deid's RecordTableBuilder does.
# ---------------------------------------------------------------------------------------------------------------
class Dim:
    def __init__(self, labels, children=None):
        self.labels = labels
        self.index = {label: i for i, label in enumerate(labels)}
        self.children = {self.index[p]: [self.index[c] for c in cs] for p, cs in (children or {}).items()}

    def totals_bottom_up(self):
        def height(i):
            return 0 if i not in self.children else 1 + max(height(c) for c in self.children[i])
        return sorted(self.children, key=height)


def county_dim():
    children = {STATE: list(REGIONS)}
    children.update(REGIONS)
    return Dim(PLACES, children)


def flat_dim(total, values):
    return Dim([total] + values, {total: values})


def add_up_totals(values, dims):
    """values: flat list in row-major order over dims; fills every total cell from its children."""
    strides = [1] * len(dims)
    for d in range(len(dims) - 2, -1, -1):
        strides[d] = strides[d + 1] * len(dims[d + 1].labels)
    for d, dim in enumerate(dims):
        stride = strides[d]
        span = stride * len(dim.labels)
        for total in dim.totals_bottom_up():
            kids = [c * stride for c in dim.children[total]]
            target = total * stride
            for block in range(0, len(values), span):
                for inner in range(block, block + stride):
                    values[inner + target] = sum(values[inner + k] for k in kids)


def leaf_positions(dims):
    """Row-major positions of the cells that are leaves in every dimension, with their label indices."""
    leaves = [[i for i in range(len(d.labels)) if i not in d.children] for d in dims]
    strides = [1] * len(dims)
    for d in range(len(dims) - 2, -1, -1):
        strides[d] = strides[d + 1] * len(dims[d + 1].labels)

    def walk(d, offset, chosen):
        if d == len(dims):
            yield offset, tuple(chosen)
            return
        for i in leaves[d]:
            chosen.append(i)
            yield from walk(d + 1, offset + i * strides[d], chosen)
            chosen.pop()
    yield from walk(0, 0, [])


def row_labels(dims):
    """Every cell's labels in row-major order."""
    def walk(d, chosen):
        if d == len(dims):
            yield chosen
            return
        for label in dims[d].labels:
            yield from walk(d + 1, chosen + [label])
    yield from walk(0, [])


def write_description(path, comment, dimensions_yaml, count, denominator=None, derived=None, records=False):
    lines = [f"# {comment}", "version: 1", "policy: calhhs-ddg-2.0", "table:",
             f"  input: {'records' if records else 'aggregate'}", "  dimensions:", dimensions_yaml.rstrip("\n"),
             f"  count: {count}"]
    if denominator:
        lines.append(f"  denominator: {denominator}")
    if derived:
        lines.append(f"  derived: [{derived}]")
    lines.append("  annotation: Annotation")
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


COUNTY_YAML = f"""    - column: County
      role: residence_geography
      hierarchy:
{hierarchy_yaml()}
"""


def summarize(name, counts, minimum=11):
    cells = len(counts)
    zeros = sum(1 for c in counts if c == 0)
    small = sum(1 for c in counts if 0 < c < minimum)
    print(f"{name}: {cells:,} cells, {small:,} with a count of 1-{minimum - 1} (primary suppressions, "
          f"{100 * small / cells:.1f}%), {zeros:,} zeros ({100 * zeros / cells:.1f}%)")


# ---------------------------------------------------------------------------------------------------------------
# ~200 MB aggregate table: Year x County (hierarchy) x Age (8 + total) x Sex x Race/ethnicity x Payer, with every
# total, a population denominator and a rate: emergency-department visits (synthetic).
# ---------------------------------------------------------------------------------------------------------------
def aggregate(target_mb, force):
    csv_path = os.path.join(DATA, f"aggregate-{target_mb}mb.csv")
    if os.path.exists(csv_path) and not force:
        print(f"kept {csv_path}")
        return
    rng = random.Random(20160)
    dims = [county_dim(), flat_dim("All ages", AGES_8), flat_dim("Total", SEXES), flat_dim("All races", RACES),
            flat_dim("All payers", PAYERS)]
    size = 1
    for d in dims:
        size *= len(d.labels)
    # Per-county race mix: the statewide mix tilted at random, so small groups are small in different places.
    race_mix = {}
    for county in COUNTIES:
        tilt = [share * rng.lognormvariate(0, 0.5) for share in RACE_SHARE]
        race_mix[county] = [t / sum(tilt) for t in tilt]
    # Visits per 100,000 people per year by age group (all-cause emergency-department visits are common).
    age_rate = [52000, 26000, 38000, 37000, 33000, 31000, 33000, 50000]
    leaves = list(leaf_positions(dims))
    header = "Year,County,Age Group,Sex,Race/Ethnicity,Payer,Visits,Population,Rate per 100k\n"
    written = 0
    year = 1994
    all_counts = []
    tmp = csv_path + ".tmp"
    with open(tmp, "w", newline="") as out:
        out.write(header)
        written += len(header)
        while written < target_mb * 1_000_000:
            trend = 1.0 + 0.01 * (year - 1994)
            counts = [0] * size
            pops = [0] * size
            for offset, (c, a, s, r, p) in leaves:
                county = dims[0].labels[c]
                age = a - 1
                payer_share = (PAYER_SHARE_65_PLUS if age == 7 else PAYER_SHARE_UNDER_65)[p - 1]
                pop = max(1, round(POPULATION[county] * AGE_8_SHARE[age] * 0.5
                                   * race_mix[county][r - 1] * payer_share))
                pops[offset] = pop
                counts[offset] = poisson(rng, pop * age_rate[age] * trend / 100_000)
            add_up_totals(counts, dims)
            add_up_totals(pops, dims)
            all_counts.extend(counts)
            chunk = []
            for i, labels in enumerate(row_labels(dims)):
                chunk.append(f"{year},{labels[0]},{labels[1]},{labels[2]},{quoted(labels[3])},{labels[4]},"
                             f"{counts[i]},{pops[i]},{counts[i] / pops[i] * 100_000:.1f}\n")
            text = "".join(chunk)
            out.write(text)
            written += len(text.encode())
            year += 1
    os.replace(tmp, csv_path)
    dims_yaml = COUNTY_YAML + """    - column: Age Group
      role: age
      total: All ages
    - column: Sex
      role: sex
      total: Total
    - column: Race/Ethnicity
      role: race_ethnicity
      total: All races
    - column: Payer
      role: other
      total: All payers
    - column: Year
      role: time
"""
    write_description(csv_path[:-4] + ".deid.yaml",
                      "Synthetic emergency-department visits (Benchmarks/generate.py aggregate): every total present.",
                      dims_yaml, "Visits", "Population", "Rate per 100k")
    print(f"wrote {csv_path}: {written / 1e6:.1f} MB, years 1994-{year - 1}")
    summarize("aggregate", all_counts)


# ---------------------------------------------------------------------------------------------------------------
# Record-level files: one row per person (ID, County, Age Group, Sex, Race/Ethnicity, Year).
# ---------------------------------------------------------------------------------------------------------------
def records(target_mb, force, with_id=True):
    """One row per person; without the Person ID column (`records5-*`) every column is a category, so lines
    repeat (a warehouse extract of just the columns a table needs)."""
    csv_path = os.path.join(DATA, f"records{'' if with_id else '5'}-{target_mb}mb.csv")
    if os.path.exists(csv_path) and not force:
        print(f"kept {csv_path}")
        return
    rng = random.Random(2025)
    weights = [POPULATION[c] for c in COUNTIES]
    years = ["2019", "2020", "2021", "2022", "2023"]
    target = target_mb * 1_000_000
    header = ("Person ID," if with_id else "") + "County,Age Group,Sex,Race/Ethnicity,Year\n"
    written = len(header)
    person = 0
    tmp = csv_path + ".tmp"
    race_labels = [quoted(r) for r in RACES]
    with open(tmp, "w", newline="") as out:
        out.write(header)
        while written < target:
            n = 100_000
            counties = rng.choices(COUNTIES, weights, k=n)
            ages = rng.choices(AGES_8, AGE_8_SHARE, k=n)
            races = rng.choices(race_labels, RACE_SHARE, k=n)
            chunk = []
            for i in range(n):
                person += 1
                identifier = f"P{person:09d}," if with_id else ""
                chunk.append(f"{identifier}{counties[i]},{ages[i]},{SEXES[rng.getrandbits(1)]},{races[i]},"
                             f"{years[rng.randrange(5)]}\n")
                written += len(chunk[-1])
                if written >= target:
                    break
            out.write("".join(chunk))
    os.replace(tmp, csv_path)
    dims_yaml = COUNTY_YAML.replace("residence_geography", "service_geography") + """    - column: Age Group
      role: age
      total: All ages
    - column: Sex
      role: sex
      total: Total
    - column: Race/Ethnicity
      role: race_ethnicity
      total: All races
    - column: Year
      role: time
"""
    write_description(csv_path[:-4] + ".deid.yaml",
                      "Synthetic person-level records (Benchmarks/generate.py records): one row per person.",
                      dims_yaml, "People", records=True)
    print(f"wrote {csv_path}: {written / 1e6:.1f} MB, {person:,} records")


# ---------------------------------------------------------------------------------------------------------------
# Tables (a) and (b) of the complementary-suppression benchmark: reported cases of a synthetic disease.
# ---------------------------------------------------------------------------------------------------------------
def suppression_table(name, years, ages, seed, force):
    csv_path = os.path.join(DATA, f"{name}.csv")
    if os.path.exists(csv_path) and not force:
        print(f"kept {csv_path}")
        return
    rng = random.Random(seed)
    dims = [county_dim()]
    if ages:
        dims.append(flat_dim("All ages", AGES_8))
    dims.append(flat_dim("Total", SEXES))
    size = 1
    for d in dims:
        size *= len(d.labels)
    all_counts = []
    columns = "Year,County," + ("Age Group," if ages else "") + "Sex,Cases,Population,Rate per 100k\n"
    with open(csv_path + ".tmp", "w", newline="") as out:
        out.write(columns)
        for year in years:
            trend = 1.0 + 0.03 * (year - years[0])
            counts = [0] * size
            pops = [0] * size
            for offset, key in leaf_positions(dims):
                county = dims[0].labels[key[0]]
                if ages:
                    age = key[1] - 1
                    share, rate = AGE_8_SHARE[age], AGE_8_RATE[age]
                else:
                    share, rate = 1.0, sum(s * r for s, r in zip(AGE_8_SHARE, AGE_8_RATE))
                pop = round(POPULATION[county] * share * 0.5)
                pops[offset] = pop
                counts[offset] = poisson(rng, pop * rate * trend / 100_000)
            add_up_totals(counts, dims)
            add_up_totals(pops, dims)
            all_counts.extend(counts)
            for i, labels in enumerate(row_labels(dims)):
                out.write(f"{year}," + ",".join(labels) + f",{counts[i]},{pops[i]},"
                          f"{counts[i] / pops[i] * 100_000:.1f}\n")
    os.replace(csv_path + ".tmp", csv_path)
    dims_yaml = "    - column: Year\n      role: time\n" + COUNTY_YAML
    if ages:
        dims_yaml += "    - column: Age Group\n      role: age\n      total: All ages\n"
    dims_yaml += "    - column: Sex\n      role: sex\n      total: Total\n"
    write_description(csv_path[:-4] + ".deid.yaml",
                      f"Synthetic reported cases, suppression benchmark table {name} (Benchmarks/generate.py).",
                      dims_yaml, "Cases", "Population", "Rate per 100k")
    print(f"wrote {csv_path}: years {years[0]}-{years[-1]}")
    summarize(name, all_counts)


def suppression(force, seed=None):
    """Tables (a) and (b); with `seed`, only table (b)'s shape drawn with that seed, as suppression-b-seed<N>."""
    if seed is not None:
        suppression_table(f"suppression-b-seed{seed}", list(range(2009, 2024)), True, seed, force)
        return
    suppression_table("suppression-a", list(range(2019, 2024)), False, 58, force)
    suppression_table("suppression-b", list(range(2009, 2024)), True, 5815, force)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["all", "aggregate", "records", "records5", "suppression"])
    parser.add_argument("--mb", type=int, help="target size in MB (aggregate: 200; records: 50, 100 and 200)")
    parser.add_argument("--force", action="store_true", help="rewrite files that already exist")
    parser.add_argument("--seed", type=int, help="suppression: table (b)'s shape with another seed")
    args = parser.parse_args()
    os.makedirs(DATA, exist_ok=True)
    if args.what in ("all", "aggregate"):
        aggregate(args.mb or 200, args.force)
    if args.what in ("all", "records"):
        for mb in ([args.mb] if args.mb else [50, 100, 200]):
            records(mb, args.force)
    if args.what == "records5":
        records(args.mb or 200, args.force, with_id=False)
    if args.what in ("all", "suppression"):
        suppression(args.force, args.seed)


if __name__ == "__main__":
    main()
