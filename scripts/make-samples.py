#!/usr/bin/env python3
"""Regenerates the sample tables in Samples/ (deterministic: fixed seed). Run from the repository root:

    python3 scripts/make-samples.py

The numbers are synthetic: populations are 2020 Census county totals split by fixed age and sex shares, and
case counts are random draws around fixed rates. They stand for no real disease.
"""
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
from california import COUNTIES, POPULATION, REGIONS, hierarchy_yaml  # noqa: E402

AGES = {"0-17": (0.22, 20.0), "18-44": (0.38, 60.0), "45-64": (0.25, 120.0), "65+": (0.15, 250.0)}
SEXES = ["Female", "Male"]
YEARS = ["2022", "2023"]


def poisson(rng, mean):
    if mean > 50:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def county_age_sex(rng):
    rows = {}
    for year in YEARS:
        for county in COUNTIES:
            for age, (share, rate) in AGES.items():
                for sex in SEXES:
                    pop = round(POPULATION[county] * share / 2)
                    rows[(year, county, age, sex)] = (poisson(rng, pop * rate / 100_000), pop)
    # Totals: sex, then age, then geography (regions and the state).
    def add(key, value):
        cases, pop = rows.get(key, (0, 0))
        rows[key] = (cases + value[0], pop + value[1])
    for (year, county, age, sex), value in list(rows.items()):
        add((year, county, age, "Total"), value)
    for (year, county, age, sex), value in list(rows.items()):
        add((year, county, "All ages", sex), value)
    for (year, county, age, sex), value in list(rows.items()):
        region = next(r for r, cs in REGIONS.items() if county in cs)
        add((year, region, age, sex), value)
        add((year, "California", age, sex), value)
    places = ["California"] + [x for region, counties in REGIONS.items() for x in [region] + counties]
    with open("Samples/county-age-sex.csv", "w", newline="") as out:
        out.write("Year,County,Age Group,Sex,Cases,Population,Rate per 100k\n")
        for year in YEARS:
            for place in places:
                for age in ["All ages"] + list(AGES):
                    for sex in ["Total"] + SEXES:
                        cases, pop = rows[(year, place, age, sex)]
                        name = f'"{place}"' if "," in place else place
                        out.write(f"{year},{name},{age},{sex},{cases},{pop},{cases / pop * 100_000:.1f}\n")
    with open("Samples/county-age-sex.deid.yaml", "w") as out:
        out.write(f"""# Synthetic case counts by county, age group and sex (see scripts/make-samples.py).
version: 1
policy: calhhs-ddg-2.0
table:
  input: aggregate
  personal_characteristics: true   # DDG Step 1: age and sex of the people counted
  high_risk: none                  # DDG Ed. 2.0 §5.6.2: not about a high-risk population
  dimensions:
    - column: Year
      role: time
    - column: County
      role: residence_geography
      hierarchy:
{hierarchy_yaml()}
    - column: Age Group
      role: age
      total: All ages
    - column: Sex
      role: sex
      total: Total
  count: Cases
  denominator: Population
  derived: [Rate per 100k]
  annotation: Annotation
""")


def visits(rng):
    weights = [POPULATION[c] ** 0.6 for c in COUNTIES]
    with open("Samples/clinic-visits.csv", "w", newline="") as out:
        out.write("Patient ID,County,Age Group,Sex\n")
        for i in range(20_000):
            county = rng.choices(COUNTIES, weights)[0]
            age = rng.choices(list(AGES), [0.2, 0.35, 0.3, 0.15])[0]
            sex = rng.choice(SEXES)
            out.write(f"P{i + 1:06d},{county},{age},{sex}\n")
    with open("Samples/clinic-visits.deid.yaml", "w") as out:
        out.write(f"""# Synthetic person-level records: one row per patient (see scripts/make-samples.py).
version: 1
policy: calhhs-ddg-2.0
table:
  input: records
  personal_characteristics: true
  high_risk: none
  period: year                     # all visits of one calendar year (there is no time column)
  dimensions:
    - column: County
      role: service_geography
      hierarchy:
{hierarchy_yaml()}
    - column: Age Group
      role: age
      total: All ages
    - column: Sex
      role: sex
      total: Total
  count: Patients
  annotation: Annotation
""")


if __name__ == "__main__":
    os.makedirs("Samples", exist_ok=True)
    county_age_sex(random.Random(2016))
    visits(random.Random(2025))
