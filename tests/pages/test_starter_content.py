"""The starter content is examples: every organisation it names is invented (the list below), so no
starter file states a figure or an event as a fact about a real organisation. A real one may be named
only with a public source for what is said (an act's or tool's `source` link to that organisation)."""

from __future__ import annotations

import re

from conftest import ROOT

# The invented places and bodies of the starter set; an organisation's name must be built on one.
FICTIONAL = (
    "Esimerkki", "Esimerkin", "Malli", "Malkkel", "Kuvitteel", "Länsilä", "Itälä", "Järvilä", "Tunturila",
    "Rannikko", "Satamala", "Exempel", "Kustby",
)  # fmt: skip
# Real municipalities, counties and bodies the starter set once credited with invented results.
REAL = (
    "Eksote", "Jämsä", "Helsin", "Hämeenlinn", "Kainuu", "Kaustin", "Kouvol", "Kuopio", "Lapin", "Mikkeli",
    "Monetra", "Närpes", "Päijät-Häme", "Pargas", "Pirkanma", "Pohjanma", "Österbott", "Raseborg", "Satakun",
    "Seinäjo", "Siun sote", "Turku", "Turun", "Åbo", "Varkau", "Vörå", "Kimitoön", "Työterveyslaito", "Keva",
    "Arbetshälsoinstitut", "Arbetarskyddscentral", "Työturvallisuuskeskus", "TAMK", "Kunteko",
)  # fmt: skip
STARTER = sorted([*(ROOT / "content" / "acts").glob("*.md"), *(ROOT / "content" / "tools").glob("*.md")])


def test_every_organisation_of_the_starter_content_is_invented():
    assert len(STARTER) > 40
    named = []
    for path in STARTER:
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r"^\s*(?:organisation|municipality):\s*(.+)$", text, re.MULTILINE):
            named.append(name)
            assert name.strip().startswith(FICTIONAL) or any(f" {stem}" in name for stem in FICTIONAL), (path, name)
        for url in re.findall(r"^\s*url:\s*(\S+)", text, re.MULTILINE):
            assert url.startswith("https://example.org/"), (path, url)  # no real body's site for an invented one
    assert len(named) > 60


def test_no_real_organisation_is_credited_with_the_examples():
    found = {(path.name, real) for path in STARTER for real in REAL if re.search(rf"\b{real}", path.read_text("utf-8"))}
    assert found == set()


def test_the_readme_says_the_starter_content_is_examples():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "invented" in readme[readme.index("## For editors") :][:3000]
