#!/usr/bin/env python3
"""Writes four small tables shaped like real CHHS portal files (python3 standard library only; a fixed seed, so
the files never change), each with the description a user writes for it:

- dental-no-data: visits by county and year with an annotation column where code 1 hides a small count and code 3
  says the county reported no data (no_data_codes);
- republished-note: a republished county x sex table whose hidden cells carry `<11` in a note column and a
  placeholder 1 in the count (hidden_marker);
- vpd-ragged: vaccine-preventable disease by county and year, some diseases published only statewide
  (missing_rows: total_only);
- tract-sparse: cases by census tract and age group, rows with a zero count left out, tracts with no reference
  population (missing_rows: zero, unknown_population: riskiest).

    python3 Tests/Fixtures/shapes/make-shapes.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 2214
COUNTIES = {"Alameda": 40, "Alpine": 0.3, "Fresno": 15, "Inyo": 0.7, "Kern": 12, "Modoc": 0.5}
YEARS = ["2021", "2022", "2023"]


def write(name, header, rows, description):
    with open(os.path.join(HERE, f"{name}.csv"), "w") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join(str(v) for v in row) + "\n")
    with open(os.path.join(HERE, f"{name}.deid.yaml"), "w") as out:
        out.write(f"# {name}: written by Tests/Fixtures/shapes/make-shapes.py\n" + description)


def dental(rng):
    rows = []
    for year in YEARS:
        total = 0
        for county, size in COUNTIES.items():
            if county == "Inyo" and year == "2022":
                rows.append([county, year, "", "3"])
                continue
            visits = int(size * rng.uniform(8, 12))
            total += visits
            rows.append([county, year, "" if 1 <= visits <= 10 else visits, "1" if 1 <= visits <= 10 else ""])
        rows.append(["California", year, total, ""])
    write("dental-no-data", ["County", "Year", "Visits", "Code"], rows, """version: 1
policy: calhhs-ddg-2.0
table:
  input: aggregate
  dimensions:
    - column: County
      role: residence_geography
      total: California
    - column: Year
      role: time
  count: Visits
  annotation: Code
  # Code 3: the county reported no data; its blank count is empty, not hidden, and adds nothing to the total.
  no_data_codes: ["3"]
""")


def republished(rng):
    rows, totals = [], {"Female": 0, "Male": 0, "Total": 0}
    for county, size in COUNTIES.items():
        female, male = int(size * rng.uniform(4, 6)), int(size * rng.uniform(4, 6))
        if size < 1:
            # A small county: a few women, more men, so only the women's count is marked.
            female, male = rng.randint(1, 9), rng.randint(12, 30)
        for sex, cases in (("Female", female), ("Male", male), ("Total", female + male)):
            totals[sex] += cases
            small = 1 <= cases <= 10
            rows.append([county, sex, 1 if small else cases, "<11" if small else ""])
    for sex, cases in totals.items():
        rows.append(["California", sex, cases, ""])
    write("republished-note", ["County", "Sex", "Cases", "Note"], rows, """version: 1
policy: calhhs-ddg-2.0
table:
  input: aggregate
  dimensions:
    - column: County
      role: residence_geography
      total: California
    - column: Sex
      role: sex
      total: Total
  count: Cases
  # A hidden cell is marked `<11` in the note column; its count column holds a placeholder 1.
  hidden_marker: {column: Note, value: "<11"}
""")


def vpd(rng):
    rows = []
    for disease, by_county in (("Pertussis", True), ("Mumps", True), ("Botulism", False), ("Tetanus", False)):
        for year in YEARS:
            total = 0
            for county, size in COUNTIES.items():
                cases = int(size * rng.uniform(0.5, 1.5)) if disease == "Pertussis" else int(size * rng.uniform(0, 0.4))
                total += cases
                if by_county:
                    rows.append([disease, county, year, cases])
            rows.append([disease, "California", year, total if by_county else rng.randint(1, 4)])
    write("vpd-ragged", ["Disease", "County", "Year", "Cases"], rows, """version: 1
policy: calhhs-ddg-2.0
table:
  input: aggregate
  dimensions:
    - column: Disease
      role: other
    - column: County
      role: residence_geography
      total: California
    - column: Year
      role: time
  count: Cases
  annotation: Annotation
  # Botulism and tetanus are published only statewide: their California rows stand alone.
  missing_rows: total_only
""")


def tracts(rng):
    rows = []
    ages = ["0-17", "18-64", "65+"]
    for tract in ["06001400100", "06001400200", "06001400300", "06001400400"]:
        total = 0
        for age in ages:
            cases = rng.choice([0, 0, 1, 2, 3, 5, 8, 13, 21])
            total += cases
            if cases:
                rows.append([tract, age, cases])
        rows.append([tract, "All", total])
    write("tract-sparse", ["Tract", "Age", "Cases"], rows, """version: 1
policy: calhhs-ddg-2.0
table:
  input: aggregate
  dimensions:
    - column: Tract
      role: residence_geography
      # No reference file has tract populations: score them at the riskiest band.
      unknown_population: riskiest
    - column: Age
      role: age
      total: All
  count: Cases
  annotation: Annotation
  # Rows whose count is zero are left out.
  missing_rows: zero
""")


def main():
    rng = random.Random(SEED)
    dental(rng)
    republished(rng)
    vpd(rng)
    tracts(rng)


if __name__ == "__main__":
    main()
