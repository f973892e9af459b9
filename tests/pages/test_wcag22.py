"""WCAG 2.2's new criteria where they touch this site, tried in Chromium as a keyboard and touch
user meets them: focus not hidden under the sticky header (2.4.11), targets of at least 24 x 24
CSS pixels (2.5.8) and help in the same place on every page (3.2.6)."""

from __future__ import annotations

import pytest
import test_every_page
from test_browser import ACT, VIEWPORTS, open_page
from test_every_page import html_pages

long_lists = test_every_page.long_lists  # test_every_page's fixture, requested below by name

COVERED = """() => {
  // the focused element's visible middle: what is drawn there, if not the element itself?
  const el = document.activeElement, box = el.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  if (header.contains(el) || box.width === 0) return null;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
  const hit = document.elementFromPoint(x, (top + bottom) / 2);
  const own = hit && (el === hit || el.contains(hit));  // the skip link is drawn above the header: fine
  const under = header.getBoundingClientRect().bottom >= box.bottom;
  return !own && (header.contains(hit) || under) ? el.outerHTML.slice(0, 80) : null;
}"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("url", ["kenttaopas/", f"teot/{ACT}/", "sv/garningar/"])
def test_focus_is_never_hidden_under_the_sticky_header(browser, served_site, url, viewport):
    context, page = open_page(browser, served_site, url, viewport)
    try:
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # then tab from the top again:
        page.evaluate("window.scrollTo(0, 0)")
        hidden = []
        for _ in range(80):  # every stop of a long page, down and back up
            page.keyboard.press("Tab")
            covered = page.evaluate(COVERED)
            if covered:
                hidden.append(covered)
        for _ in range(40):
            page.keyboard.press("Shift+Tab")
            covered = page.evaluate(COVERED)
            if covered:
                hidden.append(covered)
        assert page.evaluate("window.scrollY") > 0 or viewport == "desktop"  # the page did scroll under the header
        assert hidden == []
    finally:
        context.close()


SMALL = """sel => [...document.querySelectorAll(sel)].filter(el => el.offsetParent !== null).map(el => {
  const box = el.getBoundingClientRect();
  return [el.textContent.trim().slice(0, 30) || el.name, Math.round(box.width), Math.round(box.height)];
})"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_pagination_filters_and_language_switch_are_big_enough_to_hit(browser, served_site, long_lists, viewport):
    targets = {
        "teot/": (served_site, "#ttFilter select, #ttFilter button, .tt-language-switch__link"),
        "teemat/palvelumuotoilu/2/": (long_lists["base"], ".tt-pager a, .tt-pager [aria-current]"),
        "haku/": (served_site, ".tt-search select, .tt-search button"),
    }
    for url, (base, selector) in targets.items():
        context, page = open_page(browser, base, url, viewport)
        try:
            sizes = page.evaluate(SMALL, selector)
            assert len(sizes) >= 2, url  # e.g. pages 1 and 2
            assert [size for size in sizes if size[1] < 24 or size[2] < 24] == [], url
        finally:
            context.close()


def test_help_is_in_the_same_place_on_every_page(browser, served_site, starter_site):
    """The accessibility statement and the feedback address close every page's footer, in one order."""
    seen: dict[str, set[tuple[tuple[str, str], ...]]] = {}  # language -> the footers' help links
    context, page = open_page(browser, served_site, "", "desktop")
    try:
        for url in [*html_pages(starter_site)[::7], "404.html", "sv/", "kenttaopas/", "haku/"]:
            if (
                'http-equiv="refresh"'
                in (
                    starter_site / (url or "index.html" if not url.endswith("/") and url else url + "index.html")
                ).read_text(encoding="utf-8")[:2000]
            ):
                continue
            page.goto(served_site + url)
            help_links = page.evaluate("""() => [...document.querySelectorAll('.md-footer .tt-footer-links a')].map(a =>
                [a.textContent.trim(), a.protocol === 'mailto:' ? a.href : new URL(a.href).pathname])""")
            lang = page.get_attribute("html", "lang")
            seen.setdefault(lang, set()).add(tuple(map(tuple, help_links)))
    finally:
        context.close()
    assert seen.keys() == {"fi", "sv"}
    for lang, variants in seen.items():
        assert len(variants) == 1, variants  # the same links, in the same order, everywhere
        labels = [label for label, _ in next(iter(variants))]
        assert labels[1:] == (
            ["Saavutettavuusseloste", "Anna palautetta"] if lang == "fi" else ["Tillgänglighetsutlåtande", "Ge respons"]
        )


def test_the_accessibility_statements_name_the_standard_and_how_it_is_tested(starter_site):
    for url in ("saavutettavuusseloste", "sv/tillganglighetsutlatande"):
        text = (starter_site / url / "index.html").read_text(encoding="utf-8")
        for claim in ("WCAG 2.2", "EN 301 549", "axe-core", "Chromium", "2.4.11", "2.5.8", "3.2.6"):
            assert claim in text, (url, claim)
        assert "WCAG 2.1 -ohjeistuksen A- ja AA-tason vaatimukset" not in text  # the old target, no longer the test
