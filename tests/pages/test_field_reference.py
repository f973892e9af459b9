"""The field reference page in the built site: made from the schema and the vocabularies, in both languages."""

from __future__ import annotations

import html as html_lib
import re

from tarkeissa.content.schema import ACT, CAMPAIGN, TOOL
from test_site import CONTENT, read


def rows(html: str) -> dict[str, list[str]]:
    """Field name -> the text of its table cells, for every field table on the page."""
    found: dict[str, list[str]] = {}
    for name, cells in re.findall(r'<tr><th scope="row"><code>([^<]+)</code></th>(.*?)</tr>', html):
        found.setdefault(
            name, [html_lib.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td>(.*?)</td>", cells)]
        )
    return found


def test_every_field_of_every_schema_is_listed_with_its_rules(starter_site):
    fi = read(starter_site, "kenttaopas")
    assert '<html lang="fi"' in fi and '<h1 id="sivun-otsikko">Kenttäopas</h1>' in fi
    table = rows(fi)
    for schema in (ACT, TOOL, CAMPAIGN):
        for spec in schema.fields:
            assert spec.name in table, spec.name
    assert table["title"][:2] == ["teksti", "kyllä"] and table["title"][2] == "5–120 merkkiä"
    assert table["themes"][2] == "sanasto themes; 1–5 kpl; ei toistoja"
    assert table["contact.email"][:2] == ["sähköpostiosoite", "kyllä"]
    assert table["awards[].year"][2] == "2015–kuluva vuosi"
    assert table["redirect_from"][1] == "ei"
    assert '<a href="#sanasto-organisation-types">sanasto organisation_types</a>' in fi


def test_the_swedish_page_says_the_same_in_swedish(starter_site):
    sv = read(starter_site, "sv/faltguide")
    assert '<html lang="sv"' in sv and "Fältguide" in sv
    table = rows(sv)
    assert table["title"][:3] == ["text", "ja", "5–120 tecken"]
    assert table["published"][3].startswith("Publiceringsdatum (ÅÅÅÅ-MM-DD)")
    assert 'href="../../kenttaopas/" hreflang="fi"' in sv  # the language switch leads to the Finnish page


def test_every_term_is_listed_with_both_labels(starter_site):
    for url in ("kenttaopas", "sv/faltguide"):
        page = html_lib.unescape(read(starter_site, url))
        for vocabulary, terms in CONTENT.vocabularies.terms.items():
            assert f'<section id="sanasto-{vocabulary.replace("_", "-")}">' in page
            for term in terms.values():
                assert (
                    f"<tr><td><code>{term.slug}</code></td><td>{term.label('fi')}</td><td>{term.label('sv')}</td></tr>"
                    in page
                )


def test_the_reference_is_in_each_languages_menu(starter_site):
    assert re.search(
        r'<a href="kenttaopas/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Kenttäopas', read(starter_site, "")
    )
    assert re.search(
        r'<a href="faltguide/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Fältguide', read(starter_site, "sv")
    )
