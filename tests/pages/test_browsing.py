"""Readers browse the acts: landing pages, awards, feeds, sitemap, related acts, pagination."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import feedparser
from conftest import act
from test_site import CONTENT, read


def published(versions):
    return next(iter(versions.values())).values["published"]


def live(collection):
    """Items as production shows them: draft versions left out."""
    kept = {k: {lang: e for lang, e in v.items() if not e.draft} for k, v in collection.items()}
    return {k: v for k, v in kept.items() if v}


def test_acts_landing_counts_newest_and_filter(starter_site):
    acts = live(CONTENT.acts)
    html = read(starter_site, "teot")
    in_finnish = sum(1 for v in acts.values() if "fi" in v)
    assert f"Tekojen torilla on {len(acts)} kehittämistekoa, joista {in_finnish} suomeksi." in html
    dates = re.findall(r'<time datetime="([0-9-]+)"', html[html.index('id="uusimmat"') :])
    assert dates == sorted(dates, reverse=True) and len(dates) == min(12, len(acts))
    for vocabulary in ("themes", "sectors", "regions"):
        options = re.findall(rf'<select name="{vocabulary}">(.*?)</select>', html, re.DOTALL)[0]
        assert len(re.findall("<option", options)) == len(CONTENT.vocabularies.slugs(vocabulary)) + 1
    form_tag = re.search(r'<form class="tt-filter" id="ttFilter"[^>]*>', html)
    assert form_tag
    form = form_tag[0]
    assert " hidden" not in form and 'method="get"' in form  # in the page as sent: nothing moves when the script comes
    data = json.loads((starter_site / "teot" / "filter-data.json").read_text(encoding="utf-8"))
    assert len(data["acts"]) == len(acts)
    assert [row[6] for row in data["acts"]] == sorted((row[6] for row in data["acts"]), reverse=True)
    for act_id, *_, lang in data["acts"]:  # the script links to the id in the act's language's section
        assert (starter_site / ("teot" if lang == "fi" else "sv/garningar") / act_id / "index.html").is_file()
    assert "Framstegsarenan" in read(starter_site, "sv/garningar")


def test_tools_landing_lists_every_tool(starter_site):
    tools = live(CONTENT.tools)
    html = read(starter_site, "tyokalut")
    assert f"{len(tools)} työkalua ja toimintamallia." in html
    assert len(re.findall('<li class="tt-card"', html)) == len(tools)
    assert "Förutsättningar för gott arbete" in read(starter_site, "sv/verktyg")


def test_awards_page_by_year_and_series(starter_site):
    html = read(starter_site, "palkitut")
    years = [int(y) for y in re.findall(r'<h2 id="vuosi-(\d{4})"', html)]
    expected = {a["year"] for v in live(CONTENT.acts).values() for a in next(iter(v.values())).values.get("awards", [])}
    assert years == sorted(expected, reverse=True)
    for act_id, versions in live(CONTENT.acts).items():
        for award in next(iter(versions.values())).values.get("awards", []):
            section = html[html.index(f'id="vuosi-{award["year"]}"') :]
            section = section[: section.find("</section>")]
            label = CONTENT.vocabularies.term("award_series", award["series"]).label("fi")
            assert f"<h3>{label}</h3>" in section and f"/{act_id}/" in section


def test_atom_feeds_parse_and_list_newest_acts_of_their_language(starter_site):
    for lang, path in (("fi", "teot/atom.xml"), ("sv", "sv/garningar/atom.xml")):
        feed = feedparser.parse((starter_site / path).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        expected = sorted(
            (v[lang] for v in live(CONTENT.acts).values() if lang in v),
            key=lambda e: (e.values["published"], e.id),
            reverse=True,
        )
        assert [entry.title for entry in feed.entries] == [e.title for e in expected][:30]
        assert feed.version == "atom10" and feed.feed.language == lang
        assert all(entry.link.startswith("https://tarkeissatoissa.fi/") for entry in feed.entries)


def test_sitemap_lists_pages_with_their_alternates(starter_site):
    tree = ET.parse(starter_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls: dict[str, dict[str | None, str | None]] = {}  # address -> its alternates' addresses by language
    for u in tree.getroot():
        loc = u.findtext("s:loc", namespaces=ns)
        assert loc, ET.tostring(u)
        urls[loc] = {link.get("hreflang"): link.get("href") for link in u.findall("x:link", ns)}
    pages = {p.relative_to(starter_site).parent.as_posix() for p in starter_site.rglob("index.html")}
    pages.discard("admin")  # the web editor: noindex, not a page for search engines
    assert {u.removeprefix("https://tarkeissatoissa.fi/").rstrip("/") or "." for u in urls} == pages
    act_id = next(k for k, v in live(CONTENT.acts).items() if set(v) == {"fi", "sv"})
    assert urls[f"https://tarkeissatoissa.fi/teot/{act_id}/"] == {
        "fi": f"https://tarkeissatoissa.fi/teot/{act_id}/",
        "sv": f"https://tarkeissatoissa.fi/sv/garningar/{act_id}/",
    }


def test_related_acts_share_a_theme_or_the_sector(starter_site):
    acts = live(CONTENT.acts)
    for act_id, versions in acts.items():
        if "fi" not in versions:
            continue
        values = versions["fi"].values
        html = read(starter_site, f"teot/{act_id}")
        section = html[html.index('id="samankaltaiset"') :] if 'id="samankaltaiset"' in html else ""
        related = re.findall(
            r'<a href="\.\./(?:\.\./sv/garningar/)?([a-z0-9-]+)/">', section[: section.find("</section>")]
        )
        assert 1 <= len(related) <= 4 and act_id not in related
        for other in related:
            other_values = next(iter(acts[other].values())).values
            assert set(other_values["themes"]) & set(values["themes"]) or other_values["sector"] == values["sector"]


def test_long_term_pages_are_paginated_newest_first(project):
    files = {
        f"content/acts/teko-{n:03d}.fi.md": act(
            title=f"Kehittämisteko numero {n}",
            campaign="iso-kampanja",
            published=f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}",
        )
        for n in range(120)
    }
    files["docs/campaigns/iso-kampanja.fi.md"] = (
        "---\ntype: campaign\ntitle: Iso kampanja\n"
        "summary: Kampanja, johon liittyy paljon tekoja.\nstart: 2024-01-01\n---\n"
    )
    p = project(files)
    result = p.build()
    assert result.returncode == 0, result.stderr
    first, third = p.html("teemat/palvelumuotoilu"), p.html("teemat/palvelumuotoilu/3")
    assert "120 kehittämistekoa" in first
    assert len(re.findall('<li class="tt-card"', first)) == 50 and len(re.findall('<li class="tt-card"', third)) == 20
    assert not (p.root / "site" / "teemat" / "palvelumuotoilu" / "4").exists()
    assert '<span aria-current="page">1</span>' in first and 'href="3/" aria-label="Sivu 3"' in first
    assert "Kehittämisteko numero 119" in first and "Kehittämisteko numero 0<" in third
    campaign = p.html("kampanjat/iso-kampanja")
    assert len(re.findall('<li class="tt-card"', campaign)) == 50 and "Kampanjaan liittyvät teot (120)" in campaign
    assert '<a href="teot/">Kaikki kampanjan 120 tekoa</a>' in campaign
    assert len(re.findall('<li class="tt-card"', p.html("kampanjat/iso-kampanja/teot/3"))) == 20
