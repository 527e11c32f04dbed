#!/usr/bin/env python3
"""Derive data/grid-carbon-intensity.csv from Our World in Data's carbon-intensity-electricity table.

Usage: derive-grid-intensity.py OWID_CSV ISO_3166_JSON > data/grid-carbon-intensity.csv

OWID_CSV is OWID's grapher download "carbon-intensity-electricity.csv" (columns Entity, Code,
Year, "Carbon intensity of electricity - gCO2/kWh"); ISO_3166_JSON is Debian's iso-codes
/usr/share/iso-codes/json/iso_3166-1.json (alpha-3 to alpha-2). What it keeps and why is in
docs/decisions/0012-impact-reference-data-and-card-flow.md; the input file itself is not
committed. Standard library only.
"""
import csv
import json
import sys

FIRST_YEAR, LAST_YEAR = 2015, 2024


def main(owid_path, iso_path):
    iso = {e["alpha_3"]: e["alpha_2"] for e in json.load(open(iso_path, encoding="utf-8"))["3166-1"]}
    rows = []
    with open(owid_path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header[:3] != ["Entity", "Code", "Year"]:
            sys.exit(f"unexpected header {header}")
        for entity, code, year, value in reader:
            year = int(year)
            if not (FIRST_YEAR <= year <= LAST_YEAR) or value == "":
                continue
            if code == "OWID_WRL":
                region = "WORLD"  # not an ISO 3166 code: OWID's world aggregate, the fallback when no region is given
            elif code in iso:
                region = iso[code]
            else:
                continue  # regional aggregates (no code) and OWID-specific codes such as OWID_KOS
            rows.append((region, year, round(float(value), 1), entity))
    rows.sort()
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["region", "year", "gco2e_per_kwh", "name"])
    for region, year, value, entity in rows:
        out.writerow([region, year, f"{value:.1f}", entity])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
