"""The site served from a sub-path, as a pull request's preview is on the Pages site (/previews/pr-12/):
a reviewer's walk in Chromium with the Content-Security-Policy on, and every link of the output checked."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import ROOT, run_build
from test_browser import WATCH_CSP

PREFIX = "/previews/pr-12/"
PRODUCTION = "https://tarkeissatoissa.fi/"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """A host whose document root maps `prefix` to the site folder; any other address, and any missing file,
    gets the site's 404.html with status 404, as GitHub Pages answers."""

    def __init__(self, *args, site: Path, prefix: str, **kwargs):
        self.site, self.prefix = site, prefix
        super().__init__(*args, directory=str(site), **kwargs)

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(self.site / "\0outside")  # no such file: a 404
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve_under(site: Path, prefix: str):
    """Starts the host before the site is built, so that the build can be given its address."""
    handler = functools.partial(_SubPathHandler, site=site, prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def preview_under_subpath(tmp_path_factory):
    """The starter content built as pull request 12's preview for <host>/previews/pr-12/, served there."""
    site = tmp_path_factory.mktemp("subpath") / "site"
    server, origin = serve_under(site, PREFIX)
    # search indexes in parts of about eight pages, which the search page merges (from under the sub-path too)
    result = run_build(
        ROOT, "preview", site_dir=site, TT_PULL_REQUEST="12", TT_SITE_URL=origin + PREFIX, TT_SEARCH_PART_PAGES="8"
    )
    assert result.returncode == 0, result.stderr
    yield site, origin + PREFIX
    server.shutdown()


@pytest.fixture(scope="session")
def root_site_with_404(starter_site):
    server, origin = serve_under(starter_site, "/")
    yield origin + "/"
    server.shutdown()


@pytest.fixture
def reviewer(browser):
    """A tab with the site's Content-Security-Policy in force (no bypass), recording every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.requests, tab.errors, tab.failed = [], [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("response", lambda response: response.status >= 400 and tab.failed.append((response.status, response.url)))
    tab.add_init_script(WATCH_CSP)
    yield tab
    context.close()


def arrive(tab, base: str, path: str) -> None:
    """The tab is at base + path, and every request so far stayed under base, within the policy."""
    tab.wait_for_load_state("networkidle")
    assert urlsplit(tab.url).path == urlsplit(base + path).path
    assert [url for url in tab.requests if not url.startswith(base)] == []
    assert tab.evaluate("window.__csp") == [] and tab.errors == []


def is_draft(site: Path, path: str) -> bool:
    return "tt-draft-badge" in (site / path / "index.html").read_text(encoding="utf-8")


def has_translation(site: Path, path: str) -> bool:
    switch = re.search(
        r'<a class="tt-language-switch__link"[^>]*>', (site / path / "index.html").read_text(encoding="utf-8")
    )
    assert switch, f"no language switch on {path}"
    return "title=" not in switch.group(0)  # the switch says so when it leads to the other home instead


def test_a_reviewer_walks_the_preview_under_its_sub_path(reviewer, preview_under_subpath):
    site, base = preview_under_subpath
    tab = reviewer
    tab.goto(base)
    arrive(tab, base, "")
    assert "Esikatselu pull requestista #12" in tab.locator(".tt-preview-banner").inner_text()
    assert tab.get_attribute("link[rel=canonical]", "href") == PRODUCTION  # never the preview's own address

    # an act from the home page's list: a draft has no production address yet, a published act has
    acts = tab.eval_on_selector_all(
        "main a[href^='teot/']:not([href='teot/'])", "links => links.map(a => a.getAttribute('href'))"
    )
    draft = next(href for href in acts if is_draft(site, href))
    act_path = next(href for href in acts if not is_draft(site, href) and has_translation(site, href))
    tab.locator(f"main a[href='{draft}']").first.click()
    arrive(tab, base, draft)
    assert tab.locator("link[rel=canonical]").count() == 0 and tab.locator(".tt-draft-badge").count() == 1
    tab.go_back()
    tab.locator(f"main a[href='{act_path}']").first.click()
    arrive(tab, base, act_path)
    assert tab.get_attribute("link[rel=canonical]", "href") == PRODUCTION + act_path
    assert tab.get_attribute("meta[property='og:url']", "content") == base + act_path  # shared: the preview

    # a term page, from the act's facts
    tab.locator("main a[href*='teemat/']:not([href$='teemat/'])").first.click()
    arrive(tab, base, tab.url[len(base) :])
    assert re.search(r"/teemat/[a-z0-9-]+/$", tab.url) and tab.locator("main a[href*='teot/']").count() > 0

    # the acts filter: its data and its results from under the sub-path
    tab.goto(base + "teot/")
    tab.select_option("#ttFilter select[name=themes]", index=1)
    tab.locator(".tt-filter__results a").first.wait_for()
    arrive(tab, base, "teot/")
    found = tab.eval_on_selector_all(".tt-filter__results a", "links => links.map(a => a.href)")
    assert found and all(re.fullmatch(r"(teot|sv/garningar)/[a-z0-9-]+/", url.removeprefix(base)) for url in found)

    # the language switch of the act, to its Swedish version, and back
    tab.goto(base + act_path)
    tab.locator(".tt-language-switch__link").click()
    arrive(tab, base, tab.url[len(base) :])
    assert tab.get_attribute("html", "lang") == "sv" and re.search(r"/sv/garningar/[a-z0-9-]+/$", tab.url)
    tab.locator(".tt-language-switch__link").click()
    arrive(tab, base, act_path)

    # search with a result, from the header's form; the result leads to its page under the sub-path
    tab.fill("#ttHeaderQuery", "palvelumuotoilu")
    tab.keyboard.press("Enter")
    tab.locator(".tt-search__result").first.wait_for()
    arrive(tab, base, "haku/")
    assert tab.locator(".tt-search__result").count() > 0
    hits = tab.eval_on_selector_all(".tt-search__title a", "links => links.map(a => a.href)")
    assert hits and all(hit.startswith(base) for hit in hits)
    tab.locator(".tt-search__title a").first.click()
    arrive(tab, base, hits[0][len(base) :])
    assert tab.failed == []

    # an address that does not exist: the 404 page, its links leading to the preview's own pages
    for link, path in (("Haku", "haku/"), ("Till startsidan", "sv/")):
        response = tab.goto(base + "teot/ei-tallaista-tekoa/")
        assert response.status == 404
        assert tab.locator("h1").inner_text() == "Sivua ei löytynyt"
        tab.get_by_role("link", name=link, exact=True).click()
        arrive(tab, base, path)
    assert tab.failed == [(404, base + "teot/ei-tallaista-tekoa/")] * 2


def test_the_root_builds_404_page_links_work(reviewer, root_site_with_404):
    tab, base = reviewer, root_site_with_404
    for link, path in (
        ("Tärkeissä töissä -etusivulle", ""),
        ("Haku", "haku/"),
        ("Till startsidan", "sv/"),
        ("Sök", "sv/sok/"),
    ):
        response = tab.goto(base + "jokin/syvalla/olematon/")
        assert response.status == 404
        tab.get_by_role("link", name=link, exact=True).click()
        arrive(tab, base, path)
        assert tab.title()  # a real page, not the 404 page again
        assert tab.locator("h1").first.inner_text() != "Sivua ei löytynyt"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src", "action", "data-source"):  # data-source: the acts filter's data
            if attrs.get(name) is not None:
                self.found.append(attrs[name])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.found.append(attrs["content"].partition("url=")[2])


XML_LINK = re.compile(r"""(?:href=|<loc>|<id>)["']?(https?://[^"'<\s]+)""")


def links_of(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _Links()
        parser.feed(text)
        return parser.found
    return XML_LINK.findall(text)  # feeds and the sitemap: absolute addresses


def test_no_link_of_the_preview_leaves_its_sub_path_or_misses_its_file(preview_under_subpath):
    site, base = preview_under_subpath
    origin = base[: -len(PREFIX)]
    checked = external = canonical = 0
    broken = []
    files = sorted([*site.rglob("*.html"), *site.rglob("*.xml")])
    for path in files:
        address = base + path.relative_to(site).as_posix()
        for link in links_of(path):
            target = urljoin(address, link)
            if urlsplit(link).scheme and not target.startswith(origin + "/"):
                if target.startswith(PRODUCTION):
                    canonical += 1  # canonical links name the production address on purpose
                else:
                    external += 1  # mailto:, embeds, links out of the site
                continue
            if not target.startswith(origin + "/"):  # `//haku/` is another host
                broken.append((path.relative_to(site).as_posix(), link, "leaves the host"))
                continue
            checked += 1
            local = unquote(urlsplit(target).path)
            if not local.startswith(PREFIX):
                broken.append((path.relative_to(site).as_posix(), link, "leaves the sub-path"))
                continue
            file = site / local[len(PREFIX) :]
            if not (file.is_file() or (file / "index.html").is_file()):
                broken.append((path.relative_to(site).as_posix(), link, "no such file"))
    print(
        f"\nsub-path link check: {len(files)} files, {checked} internal links checked, {canonical} canonical "
        f"links to production, {external} other, broken: {len(broken)}"
    )
    assert checked > 5000 and len(files) > 100
    assert broken == []
