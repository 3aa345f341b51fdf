#!/usr/bin/env python3
"""Writes a county-by-day file shaped like CDPH's COVID-19 cases by county and day (python3 standard library
only; a fixed seed, so the file never changes): new cases and new deaths per county and day with the statewide
totals, and the running total of each (`cumulative_cases`, `cumulative_deaths`). Small counties have a case every
few days, so their daily counts are small and their running totals, published beside them, give each day's count
away by differencing.

    python3 Tests/Fixtures/cumulative/make-county-day.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 2213
# Expected new cases per day.
COUNTIES = {"Alameda": 30, "Alpine": 0.3, "Fresno": 12, "Inyo": 0.8, "Modoc": 0.5, "Tulare": 6}
# Deaths per case.
FATALITY = 0.15
DAYS = [f"2020-04-{day:02d}" for day in range(1, 15)]


def poisson(rng, mean):
    # Knuth's method: enough for these small means.
    limit, k, p = 2.718281828459045 ** -mean, 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def main():
    rng = random.Random(SEED)
    everywhere = list(COUNTIES) + ["California"]
    cases_so_far = {county: 0 for county in everywhere}
    deaths_so_far = {county: 0 for county in everywhere}
    lines = ["county,date,new_cases,cumulative_cases,new_deaths,cumulative_deaths"]
    for day in DAYS:
        statewide_cases = statewide_deaths = 0
        for county, mean in COUNTIES.items():
            cases = poisson(rng, mean)
            deaths = sum(1 for _ in range(cases) if rng.random() < FATALITY)
            cases_so_far[county] += cases
            deaths_so_far[county] += deaths
            statewide_cases += cases
            statewide_deaths += deaths
            lines.append(f"{county},{day},{cases},{cases_so_far[county]},{deaths},{deaths_so_far[county]}")
        cases_so_far["California"] += statewide_cases
        deaths_so_far["California"] += statewide_deaths
        lines.append(f"California,{day},{statewide_cases},{cases_so_far['California']},{statewide_deaths},"
                     f"{deaths_so_far['California']}")
    with open(os.path.join(HERE, "county-day.csv"), "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
