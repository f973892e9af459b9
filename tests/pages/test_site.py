"""The built starter site, as a reader gets it: two languages, facts, drafts, the footer."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import BUILD_DATE, ROOT
from tarkeissa.content.load import Layout, load_content

CONTENT = load_content(Layout(ROOT, ROOT / "docs"), dt.date.fromisoformat(BUILD_DATE))


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def html_lang(html: str) -> str:
    found = re.search(r'<html lang="([a-z]+)"', html)
    assert found, "no <html lang>"
    return found.group(1)


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", html)


def pairs(kind: str, wanted: set[str]):
    return sorted(
        key
        for key, versions in CONTENT.collection(kind).items()
        if set(versions) == wanted and not any(v.draft for v in versions.values())
    )


def test_starter_content_has_no_problems_and_enough_of_everything():
    assert CONTENT.problems == []
    acts = CONTENT.acts
    assert len(acts) >= 15
    assert len(pairs("act", {"sv"})) >= 3
    assert len(pairs("act", {"fi", "sv"})) >= 4
    assert len(CONTENT.tools) >= 10
    assert {"tarkein-sijoitus", "tekoja-tiskiin-2019"} <= set(CONTENT.campaigns)


def test_finnish_at_root_swedish_under_sv(starter_site):
    assert html_lang(read(starter_site, "")) == "fi"
    assert html_lang(read(starter_site, "sv")) == "sv"
    for act_id in pairs("act", {"fi", "sv"}):
        assert html_lang(read(starter_site, f"teot/{act_id}")) == "fi"
        assert html_lang(read(starter_site, f"sv/garningar/{act_id}")) == "sv"


def test_language_switch_leads_to_the_counterpart(starter_site):
    act_id = pairs("act", {"fi", "sv"})[0]
    fi, sv = read(starter_site, f"teot/{act_id}"), read(starter_site, f"sv/garningar/{act_id}")
    assert f'href="../../sv/garningar/{act_id}/" hreflang="sv" lang="sv"' in fi
    assert f'href="../../../teot/{act_id}/" hreflang="fi" lang="fi"' in sv


def test_swedish_only_act_is_only_a_swedish_page(starter_site):
    for act_id in pairs("act", {"sv"}):
        assert not (starter_site / "teot" / act_id).exists()
        html = read(starter_site, f"sv/garningar/{act_id}")
        # the switch goes to the Finnish home and the page says plainly that there is no Finnish version
        assert 'href="../../../" hreflang="fi" lang="fi"' in html
        assert '<p class="tt-language-note" lang="fi" data-pagefind-ignore>Tätä sivua ei ole suomeksi.' in html


def test_act_page_shows_story_and_facts_in_its_language(starter_site):
    act_id = pairs("act", {"fi", "sv"})[0]
    entry = CONTENT.acts[act_id]["fi"]
    html = read(starter_site, f"teot/{act_id}")
    facts = html[html.index('<aside class="tt-facts"') : html.index("</aside>")]
    region = CONTENT.vocabularies.term("regions", entry.values["region"])
    assert f'<a href="../../maakunnat/{region.slug}/">{region.label("fi")}</a>' in facts
    for theme in entry.values["themes"]:
        term = CONTENT.vocabularies.term("themes", theme)
        assert f'<a href="../../teemat/{term.slug}/">{term.label("fi")}</a>' in facts
    assert f'<time datetime="{entry.values["published"].isoformat()}">' in facts
    sv_html = read(starter_site, f"sv/garningar/{act_id}")
    assert f">{region.label('sv')}</a>" in sv_html and f"landskap/{region.url_slug('sv')}/" in sv_html
    assert "<h2" in html  # the story's sections


def test_awarded_act_links_its_award_series(starter_site):
    act_id, versions = next((k, v) for k, v in CONTENT.acts.items() if "fi" in v and v["fi"].values.get("awards"))
    award = versions["fi"].values["awards"][0]
    series = CONTENT.vocabularies.term("award_series", award["series"])
    assert f'<a href="../../palkintosarjat/{series.slug}/">{series.label("fi")} {award["year"]}</a>' in read(
        starter_site, f"teot/{act_id}"
    )


def test_tool_page_has_a_clear_outbound_link(starter_site):
    tool_id, entry = next(
        (k, v["fi"]) for k, v in sorted(CONTENT.tools.items()) if "fi" in v and v["fi"].values["source"].get("url")
    )
    html = read(starter_site, f"tyokalut/{tool_id}")
    url = entry.values["source"]["url"]
    assert f'href="{url}" rel="external noopener">Siirry työkaluun: {entry.values["source"]["organisation"]}' in html


def test_every_page_links_the_accessibility_statement_in_its_language(starter_site):
    pages = list(starter_site.rglob("index.html"))
    assert len(pages) > 40
    for path in pages:
        html = path.read_text(encoding="utf-8")
        label = "Tillgänglighetsutlåtande" if html_lang(html) == "sv" else "Saavutettavuusseloste"
        target = "tillganglighetsutlatande/" if html_lang(html) == "sv" else "saavutettavuusseloste/"
        assert re.search(rf'<a href="(\./|[./]*(sv/)?{target})">{label}</a>', html), path


@pytest.mark.parametrize("url", ["sv", "sv/kampanjer", "sv/tillganglighetsutlatande"])
def test_swedish_pages_show_no_english_or_finnish_interface_words(starter_site, url):
    text = visible_text(read(starter_site, url))
    html = read(starter_site, url)
    for english in (
        "Skip to content",
        "Back to top",
        "Search",
        "Table of contents",
        "Made with",
        "Initializing",
        "Type to start",
        "Home",
    ):
        assert english not in text and f'"{english}' not in html
    for finnish in ("Hae", "Etusivu", "Saavutettavuusseloste", "Sisällysluettelo"):
        assert finnish not in text


def test_no_english_interface_words_on_finnish_pages(starter_site):
    for url in ("", "kampanjat", "teot/" + pairs("act", {"fi"})[0]):
        html = read(starter_site, url)
        for english in ("Skip to content", "Back to top", "Search", "Table of contents", "Made with", "Home"):
            assert english not in visible_text(html) and f'"{english}' not in html


def test_acts_and_tools_are_not_in_the_menu(starter_site):
    html = read(starter_site, "")
    menu = html[html.index('class="md-nav md-nav--primary"') :]
    menu = menu[: menu.index("</nav>")]
    assert "teot/" not in menu and "tyokalut/" not in menu
    assert len(re.findall(r'class="md-nav__link', menu)) <= 8


def test_campaign_pages_show_status_from_dates_and_their_acts(starter_site):
    html = read(starter_site, "kampanjat/tekoja-tiskiin-2019")
    assert "<dt>Tila</dt>\n<dd>Päättynyt</dd>" in html
    named = [
        k
        for k, v in CONTENT.acts.items()
        if any(e.values.get("campaign") == "tekoja-tiskiin-2019" and not e.draft for e in v.values())
    ]
    assert len(named) >= 3
    assert f"Kampanjaan liittyvät teot ({len(named)})" in html
    index = read(starter_site, "sv/kampanjer")
    assert "Finlands viktigaste investering" in index and "Avslutad" in index


def test_drafts_absent_in_production_and_marked_in_preview(starter_site, starter_preview):
    drafts = [(k, lang) for k, v in CONTENT.acts.items() for lang, e in v.items() if e.draft]
    assert drafts, "the starter content keeps one draft act to show reviewers"
    for act_id, lang in drafts:
        url = f"teot/{act_id}" if lang == "fi" else f"sv/garningar/{act_id}"
        assert not (starter_site / url).exists()
        assert act_id not in "".join(p.read_text(encoding="utf-8") for p in starter_site.rglob("index.html"))
        html = read(starter_preview, url)
        assert '<span class="tt-draft-badge">' in html and 'class="tt-draft-note"' in html


def test_the_build_writes_nothing_into_docs_or_content(project):
    from conftest import act

    p = project({"content/acts/the-act.fi.md": act()})

    def snapshot():
        return sorted(
            (str(path.relative_to(p.root)), path.stat().st_size, path.stat().st_mtime_ns)
            for folder in ("docs", "content")
            for path in (p.root / folder).rglob("*")
        )

    before = snapshot()
    result = p.build()
    assert result.returncode == 0, result.stderr
    assert (p.root / "site" / "teot" / "the-act" / "index.html").is_file()
    assert snapshot() == before


def test_every_internal_link_and_asset_resolves(starter_site):
    missing = []
    for path in starter_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"#?]+)', html):
            if re.match(r"^[a-z]+:", target) or target.startswith("//"):
                continue
            resolved = (starter_site / target.lstrip("/")) if target.startswith("/") else (path.parent / target)
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                missing.append(f"{path.relative_to(starter_site)} -> {target}")
    assert missing == []


def test_term_pages_list_items_newest_first_in_both_languages(starter_site):
    theme, acts = max(
        (
            (
                t,
                [
                    v
                    for v in CONTENT.acts.values()
                    if any(not e.draft for e in v.values()) and t in next(iter(v.values())).values["themes"]
                ],
            )
            for t in CONTENT.vocabularies.slugs("themes")
        ),
        key=lambda pair: len(pair[1]),
    )
    term = CONTENT.vocabularies.term("themes", theme)
    fi, sv = read(starter_site, f"teemat/{theme}"), read(starter_site, f"sv/teman/{term.url_slug('sv')}")
    assert f"{len(acts)} kehittämistekoa" in fi and f"{len(acts)} utvecklingsgärningar" in sv
    dates = re.findall(r'<li class="tt-card".*?<time datetime="([0-9-]+)"', fi, flags=re.DOTALL)
    assert len(dates) == len(acts) and dates == sorted(dates, reverse=True)
    # an act in only one language is listed on the other language's term page too, marked with its language
    for versions in acts:
        if set(versions) == {"sv"}:
            act_id = next(iter(versions.values())).id
            link = rf'<a href="\.\./\.\./sv/garningar/{act_id}/"'
            card = rf'<li class="tt-card" lang="sv">\s*<h2 class="tt-card__title">{link}'
            assert re.search(card, fi), act_id


def test_a_term_without_items_still_has_a_page_that_says_so(starter_site):
    used = {v["fi" if "fi" in v else "sv"].values["region"] for v in CONTENT.acts.values()}
    unused = [slug for slug in CONTENT.vocabularies.slugs("regions") if slug not in used]
    assert unused, "the starter content leaves at least one region without acts"
    assert "Tällä termillä ei ole vielä kehittämistekoja." in read(starter_site, f"maakunnat/{unused[0]}")
    index = read(starter_site, "maakunnat")
    label = CONTENT.vocabularies.term("regions", unused[0]).label("fi")
    assert f'<tr><td><a href="{unused[0]}/">{label}</a></td><td>0</td></tr>' in index
