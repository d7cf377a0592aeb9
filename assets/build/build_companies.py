#!/usr/bin/env python3
"""Regenerates assets/companies.txt: the companies of the major stock indices (S&P 500, FTSE 100,
DAX, CAC 40, Nikkei 225, EURO STOXX 50 and others), from the PyPI package pytickersymbols (MIT;
its names come from Wikipedia's index articles).

Run from the repository root:
    pip download --no-deps -d /tmp/dl pytickersymbols==1.17.10
    unzip /tmp/dl/pytickersymbols-1.17.10-py3-none-any.whl -d /tmp/dl/pts
    python3 assets/build/build_companies.py /tmp/dl

Each company is written as listed ("Toyota Motor Corporation") and as news names it, without its
legal form ("Toyota"). A short form that reads as something else is left out: an ordinary word
("Target", "Next", "Block"), a first name, a place, a first name and a surname ("Walt Disney"),
an abbreviation of an ordinary noun (assets/common_acronyms.txt), or one or two letters.
"""
import os
import sys

dl = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dl"
sys.path.insert(0, os.path.join(dl, "pts"))
from pytickersymbols import PyTickerSymbols  # noqa: E402

here = os.path.join(os.path.dirname(__file__), "..")


def lines(name):
    with open(os.path.join(here, name)) as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


common = set(lines("common_words.txt"))
first_names = set(lines("first_names.txt"))
places = {l.split("\t")[0] for l in lines("places.tsv")}
acronyms = set(lines("common_acronyms.txt"))

LEGAL = [
    ", Inc.", " Inc.", ", Inc", " Inc", " Incorporated", " Corporation", " Corp.", " Corp",
    " plc", " PLC", " p.l.c.", " AG", " SE", " N.V.", " NV", " S.A.", " SA", " S.p.A.", " SpA",
    " Ltd.", " Ltd", " Limited", " Holdings", " Holding", " Group", " & Co. KGaA", " KGaA",
    " & Co.", " Co.", " Company", " A/S", " ASA", " Oyj", " AB", " (publ)", " Class A",
    " Class B", " Class C", " (Class A)", " (Class B)", " (Class C)", ",",
]


def short_form(name):
    if name.startswith("The "):
        name = name[4:]
    changed = True
    while changed:
        changed = False
        for suffix in LEGAL:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                name = name[: -len(suffix)].rstrip()
                changed = True
    return name


def reads_as_something_else(form):
    words = form.split(" ")
    if len(form) <= 2 or not form[0].isalpha():
        return True
    if form.lower() in common or form in first_names or form in places or form in acronyms:
        return True
    # "Walt Disney", "John Lewis": a first name and a word read as a person's name.
    return len(words) == 2 and words[0] in first_names and "&" not in form


forms = set()
for stock in PyTickerSymbols().get_all_stocks():
    name = " ".join(stock["name"].split())
    for form in (name, short_form(name)):
        if not reads_as_something_else(form):
            forms.add(form)

with open(os.path.join(here, "companies.txt"), "w") as f:
    f.write("# Companies of the major stock indices, as listed and without their legal form\n")
    f.write("# (generated from pytickersymbols 1.17.10 by build/build_companies.py; MIT)\n")
    f.write("\n".join(sorted(forms)) + "\n")
print(len(forms), "companies")
