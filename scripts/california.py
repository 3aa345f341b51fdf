"""California's 58 counties in the ten Census regions, with 2020 Census populations.

Shared by the sample and benchmark generators. Populations: U.S. Census Bureau, 2020 Census redistricting
data (P.L. 94-171), total population by county, as also given in Presets/reference/ca-county-population.csv.
"""

REGIONS = {
    "Superior California": ["Butte", "Colusa", "El Dorado", "Glenn", "Lassen", "Modoc", "Nevada", "Placer",
                            "Plumas", "Sacramento", "Shasta", "Sierra", "Siskiyou", "Sutter", "Tehama", "Yolo",
                            "Yuba"],
    "North Coast": ["Del Norte", "Humboldt", "Lake", "Mendocino", "Napa", "Sonoma", "Trinity"],
    "San Francisco Bay Area": ["Alameda", "Contra Costa", "Marin", "San Francisco", "San Mateo", "Santa Clara",
                               "Solano"],
    "Northern San Joaquin Valley": ["Alpine", "Amador", "Calaveras", "Madera", "Mariposa", "Merced", "Mono",
                                    "San Joaquin", "Stanislaus", "Tuolumne"],
    "Central Coast": ["Monterey", "San Benito", "San Luis Obispo", "Santa Barbara", "Santa Cruz", "Ventura"],
    "Southern San Joaquin Valley": ["Fresno", "Inyo", "Kern", "Kings", "Tulare"],
    "Inland Empire": ["Riverside", "San Bernardino"],
    "Los Angeles County": ["Los Angeles"],
    "Orange County": ["Orange"],
    "San Diego-Imperial": ["Imperial", "San Diego"],
}

POPULATION = {
    "Alameda": 1682353, "Alpine": 1204, "Amador": 40474, "Butte": 211632, "Calaveras": 45292, "Colusa": 21839,
    "Contra Costa": 1165927, "Del Norte": 27743, "El Dorado": 191185, "Fresno": 1008654, "Glenn": 28917,
    "Humboldt": 136463, "Imperial": 179702, "Inyo": 19016, "Kern": 909235, "Kings": 152486, "Lake": 68163,
    "Lassen": 32730, "Los Angeles": 10014009, "Madera": 156255, "Marin": 262321, "Mariposa": 17131,
    "Mendocino": 91601, "Merced": 281202, "Modoc": 8700, "Mono": 13195, "Monterey": 439035, "Napa": 138019,
    "Nevada": 102241, "Orange": 3186989, "Placer": 404739, "Plumas": 19790, "Riverside": 2418185,
    "Sacramento": 1585055, "San Benito": 64209, "San Bernardino": 2181654, "San Diego": 3298634,
    "San Francisco": 873965, "San Joaquin": 779233, "San Luis Obispo": 282424, "San Mateo": 764442,
    "Santa Barbara": 448229, "Santa Clara": 1936259, "Santa Cruz": 270861, "Shasta": 182155, "Sierra": 3236,
    "Siskiyou": 44076, "Solano": 453491, "Sonoma": 488863, "Stanislaus": 552878, "Sutter": 99633,
    "Tehama": 65829, "Trinity": 16112, "Tulare": 473117, "Tuolumne": 55620, "Ventura": 843843, "Yolo": 216403,
    "Yuba": 81575,
}

COUNTIES = [county for counties in REGIONS.values() for county in counties]


def hierarchy_yaml(indent="        "):
    """The County hierarchy as YAML lines for a table description."""
    lines = [f"{indent}California: [{', '.join(REGIONS)}]"]
    for region, counties in REGIONS.items():
        lines.append(f"{indent}{region}: [{', '.join(counties)}]")
    return "\n".join(lines)
