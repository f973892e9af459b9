"""Every page of a production build, as readers get it: axe-core with the WCAG 2.2 A and AA rules
on every HTML page at desktop width and on one page of each template and state at phone width,
and a link check of the whole output (no browser needed for that)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import act, serve
from test_browser import AXE, VIEWPORTS
from test_site import CONTENT

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def html_pages(site: Path) -> list[str]:
    """Every HTML file of the build as the address a reader opens (a folder for index.html)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        # Pagefind's own files; admin/ is the editors' CMS (Decap's app), not a reader's page
        if relative.startswith((".", "pagefind/", "sv/pagefind/", "admin/")):
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages


class AxeTab:
    """One tab for many pages: axe-core comes with every document the tab opens (an init script,
    so it is read once per page), and each run reports its violations as text."""

    def __init__(self, browser, viewport: str):
        self.context = browser.new_context(
            viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone", has_touch=viewport == "phone", bypass_csp=True
        )  # to inject axe
        self.context.add_init_script(path=str(AXE))
        self.tab = self.context.new_page()

    def violations(self, url: str, ready: str | None = None) -> list[str]:
        self.tab.goto(url, wait_until="load")
        if ready:
            self.tab.wait_for_selector(ready, state="attached")
        result = self.tab.evaluate(
            f"axe.run(document, {{runOnly: {{type: 'tag', values: {WCAG_22_AA}}}, resultTypes: ['violations']}})"
        )
        return [
            f"{url}: {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
        ]

    def close(self):
        self.context.close()


def _is_redirect(site: Path, url: str) -> bool:
    path = site / (url + "index.html" if url.endswith("/") or url == "" else url)
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:2000]


def test_axe_finds_no_wcag_22_aa_violation_on_any_page_at_desktop_width(browser, starter_site, served_site):
    pages = [url for url in html_pages(starter_site) if not _is_redirect(starter_site, url)]
    assert len(pages) > 200  # every page, not a sample
    tab = AxeTab(browser, "desktop")
    try:
        problems = [problem for url in pages for problem in tab.violations(served_site + url)]
    finally:
        tab.close()
    assert problems == []


def _act_where(test) -> str:
    return next(
        key
        for key, versions in sorted(CONTENT.acts.items())
        if not any(v.draft for v in versions.values()) and test(versions)
    )


ACT_FI_ONLY = _act_where(lambda v: set(v) == {"fi"})
ACT_BOTH = _act_where(lambda v: set(v) == {"fi", "sv"})
ACT_IMAGE = _act_where(lambda v: "image" in next(iter(v.values())).values)
ACT_AWARDS = _act_where(lambda v: "awards" in next(iter(v.values())).values and "sv" in v)
TOOL = next(key for key, versions in sorted(CONTENT.tools.items()) if not any(v.draft for v in versions.values()))
RESULTS, NONE = ".tt-search__result", ".tt-search__status:not(:empty)"
STARTER_STATES = {  # one page of each template and state -> the element that says it is ready
    f"teot/{ACT_FI_ONLY}/": None,
    f"teot/{ACT_BOTH}/": None,
    f"sv/garningar/{ACT_BOTH}/": None,
    f"teot/{ACT_IMAGE}/": None,
    f"teot/{ACT_AWARDS}/": None,
    f"sv/garningar/{ACT_AWARDS}/": None,
    f"tyokalut/{TOOL}/": None,
    f"sv/verktyg/{TOOL}/": None,
    "teemat/": None,
    "sv/teman/": None,
    "teot/": None,
    "sv/garningar/": None,
    "tyokalut/": None,
    "palkitut/": None,
    "sv/prisbelonade/": None,
    "kampanjat/": None,
    "kampanjat/tarkein-sijoitus/": None,
    "": None,
    "sv/": None,
    "haku/?q=palvelumuotoilua": RESULTS,
    "sv/sok/?q=arbetsv%C3%A4lbefinnandet": RESULTS,
    "haku/?q=xyzzyqwerty": NONE,
    "sv/sok/?q=xyzzyqwerty": NONE,
    "kenttaopas/": None,
    "sv/faltguide/": None,
    "saavutettavuusseloste/": None,
    "sv/tillganglighetsutlatande/": None,
    "404.html": None,
    "tekojen-tori-lukuina/": None,
    "sv/framstegsarenan-i-siffror/": None,
}


def test_axe_finds_no_wcag_22_aa_violation_on_each_template_at_phone_width(browser, served_site, long_lists):
    tab = AxeTab(browser, "phone")
    try:
        problems = [
            problem for url, ready in STARTER_STATES.items() for problem in tab.violations(served_site + url, ready)
        ]
        for url in long_lists["pages"]:
            problems += tab.violations(long_lists["base"] + url)
    finally:
        tab.close()
    assert problems == []


LONG = 55  # more acts on one theme and one campaign than a page lists (term_pages.PAGE_SIZE)


@pytest.fixture(scope="module")
def long_lists(tmp_path_factory):
    """A project whose theme and running campaign have more acts than one page shows."""
    from conftest import Project

    files = {
        "docs/campaigns/kevat.fi.md": (
            "---\ntitle: Kevään kampanja\ntype: campaign\nsummary: Kevään kampanja kokoaa tekoja yhteen.\n"
            "start: 2026-01-01\nend: 2027-12-31\n---\n\nKampanja.\n"
        ),
        "docs/campaigns/kevat.sv.md": (
            "---\ntitle: Vårens kampanj\ntype: campaign\nsummary: Vårens kampanj samlar gärningar.\n"
            "start: 2026-01-01\nend: 2027-12-31\n---\n\nKampanj.\n"
        ),
    }
    for number in range(LONG):
        files[f"content/acts/teko-{number:02}.fi.md"] = act(
            f"Teko numero {number}", campaign="kevat", published=f"2024-01-{number % 28 + 1:02}"
        )
    project = Project(tmp_path_factory.mktemp("long") / "project", files)
    result = project.build()
    assert result.returncode == 0, result.stderr
    site = project.root / "site"
    assert (site / "teemat" / "palvelumuotoilu" / "2" / "index.html").is_file()
    for base in serve(site):
        yield {
            "site": site,
            "base": base,
            "pages": [
                "teemat/palvelumuotoilu/",
                "teemat/palvelumuotoilu/2/",
                "sv/teman/tjanstedesign/2/",
                "kampanjat/kevat/",
                "kampanjat/kevat/teot/2/",
                "sv/kampanjer/kevat/",
            ],
        }


class _Links(HTMLParser):
    """The addresses (href, src, srcset) and the ids of one HTML file."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "link" and set((attrs.get("rel") or "").split()) & {"canonical", "alternate"}:
            return  # where the page is published, for search engines and feed readers: absolute by design
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.links.append(attrs[name])
        if attrs.get("srcset"):
            self.links += [part.split()[0] for part in attrs["srcset"].split(",") if part.strip()]
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.links.append(re.sub(r"^\s*\d+\s*;\s*url=", "", attrs.get("content", ""), flags=re.IGNORECASE))


def _parsed(path: Path, cache: dict) -> _Links:
    if path not in cache:
        cache[path] = parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
    return cache[path]


def broken_links(site: Path, own_hosts=("tarkeissatoissa.fi",)) -> tuple[int, list[str]]:
    """(links checked, problems): every internal address of every HTML file is a file of the build
    (a folder means its index.html), its #fragment an id of that page; nothing reaches our own site
    by its host or a protocol-relative address, which would leave a preview or localhost. Only the
    not-found page, served at any address, links by absolute paths (under the site's own, / here)."""
    cache: dict[Path, _Links] = {}
    checked, problems = 0, []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith((".", "pagefind/", "sv/pagefind/")):
            continue
        for link in _parsed(path, cache).links:
            checked += 1
            parts = urlsplit(link)
            if link.startswith("//") or parts.hostname in own_hosts:
                problems.append(f"{relative}: {link!r} leads to another host, or to ours by its name")
                continue
            if parts.scheme:
                continue  # another site's address, mailto: or data:
            if parts.path.startswith("/") and relative != "404.html":
                problems.append(f"{relative}: {link!r} is absolute: it breaks when the site is served from a folder")
                continue
            folder = site if parts.path.startswith("/") else path.parent
            target = (folder / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
            if target.is_dir() or parts.path.endswith("/"):
                target = target / "index.html"
            if not target.is_file() or site.resolve() not in target.parents:
                problems.append(f"{relative}: {link!r} leads to no file of the build")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in _parsed(target, cache).ids
            ):
                problems.append(f"{relative}: {link!r}: no id {parts.fragment!r} on that page")
    return checked, problems


def test_every_internal_link_of_the_build_resolves(starter_site):
    checked, problems = broken_links(starter_site)
    assert checked > 5000  # the whole output
    assert problems == []


def test_the_link_check_finds_what_is_broken(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<h1 id="top">x</h1><a href="a/">ok</a><a href="#top">ok</a><a href="b/">no</a>'
        '<a href="a/#nowhere">no</a><a href="//">no</a><a href="/a/">no</a>'
        '<img src="kuva.png" alt=""><a href="https://example.org/">other site</a>'
    )
    (site / "a" / "index.html").write_text('<a href="../#top">ok</a>')
    checked, problems = broken_links(site)
    assert checked == 9
    assert [problem.split(" ", 2)[1] for problem in problems] == [
        "'b/'",
        "'a/#nowhere':",
        "'//'",
        "'/a/'",
        "'kuva.png'",
    ]
