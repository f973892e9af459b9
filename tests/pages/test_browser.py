"""Readers in a real browser (Debian's Chromium): every kind of page, both languages, desktop
and phone. Accessibility (axe-core, keyboard), privacy (no third-party request), security (CSP,
escaping), journeys (language switch, theme link, filter), social previews and print."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, act
from test_site import CONTENT

AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
AXE_RESULTS: dict[str, dict] = {}  # reported at the end of the run (conftest.pytest_terminal_summary)


def _live(kind: str, languages: set[str]) -> str:
    return next(
        key
        for key, versions in sorted(CONTENT.collection(kind).items())
        if set(versions) >= languages and not any(v.draft for v in versions.values())
    )


ACT = _live("act", {"fi", "sv"})
TOOL = _live("tool", {"fi", "sv"})
THEME = CONTENT.acts[ACT]["fi"].values["themes"][0]
THEME_SV = CONTENT.vocabularies.term("themes", THEME).url_slug("sv")
PAGES = {  # page type -> (Finnish URL, Swedish URL)
    "home": ("", "sv/"),
    "act": (f"teot/{ACT}/", f"sv/garningar/{ACT}/"),
    "tool": (f"tyokalut/{TOOL}/", f"sv/verktyg/{TOOL}/"),
    "term index": ("teemat/", "sv/teman/"),
    "term page": (f"teemat/{THEME}/", f"sv/teman/{THEME_SV}/"),
    "acts landing": ("teot/", "sv/garningar/"),
    "campaign": ("kampanjat/tarkein-sijoitus/", "sv/kampanjer/tarkein-sijoitus/"),
    "search": ("haku/?q=palvelumuotoilua", "sv/sok/?q=arbetsv%C3%A4lbefinnandet"),
    "accessibility statement": ("saavutettavuusseloste/", "sv/tillganglighetsutlatande/"),
    "at a glance": ("tekojen-tori-lukuina/", "sv/framstegsarenan-i-siffror/"),
}
CASES = [(kind, lang, viewport) for kind in PAGES for lang in ("fi", "sv") for viewport in VIEWPORTS]

WATCH_CSP = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"""


def open_page(browser, base: str, url: str, viewport: str, bypass_csp: bool = False):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        is_mobile=viewport == "phone",
        has_touch=viewport == "phone",
        bypass_csp=bypass_csp,
    )
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.add_init_script(WATCH_CSP)
    page.goto(base + url)
    page.wait_for_load_state("networkidle")
    return context, page


@pytest.mark.parametrize("kind, lang, viewport", CASES, ids=[f"{k}-{lang}-{v}" for k, lang, v in CASES])
def test_page_is_private_secure_and_in_its_language(browser, served_site, kind, lang, viewport):
    url = PAGES[kind][0 if lang == "fi" else 1]
    context, page = open_page(browser, served_site, url, viewport)
    try:
        own = urlsplit(served_site).netloc
        assert [r for r in page.requests if urlsplit(r).netloc not in (own, "")] == []  # nothing to third parties
        assert page.evaluate("window.__csp") == []  # the policy is on and nothing of ours breaks it
        assert page.errors == []
        assert page.get_attribute("html", "lang") == lang
        assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
        if kind == "search":  # Pagefind's script, worker and WebAssembly all run under the policy
            page.locator(".tt-search__result").first.wait_for(timeout=30_000)  # results come after the index loads
            assert page.locator(".tt-search__result").count() > 0
    finally:
        context.close()


@pytest.mark.parametrize("kind, lang, viewport", CASES, ids=[f"{k}-{lang}-{v}" for k, lang, v in CASES])
def test_axe_finds_no_wcag_21_aa_violation(browser, served_site, kind, lang, viewport):
    url = PAGES[kind][0 if lang == "fi" else 1]
    context, page = open_page(browser, served_site, url, viewport, bypass_csp=True)  # to inject axe
    try:
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(f"axe.run(document, {{runOnly: {{type: 'tag', values: {WCAG_21_AA}}}}})")
        AXE_RESULTS[f"{kind} ({lang}, {viewport})"] = {
            "violations": len(result["violations"]),
            "passes": len(result["passes"]),
            "incomplete": len(result["incomplete"]),
        }
        problems = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("kind", list(PAGES))
def test_keyboard_skip_link_and_visible_focus(browser, served_site, kind):
    context, page = open_page(browser, served_site, PAGES[kind][0], "desktop")
    try:
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        assert "tt-skip" in focused
        box = page.locator(".tt-skip").bounding_box()
        assert box and box["width"] > 20 and box["y"] >= 0  # shown on screen while focused
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#sivun-otsikko"
        page.keyboard.press("Tab")  # the next stop comes after the heading, not back in the header or menus
        assert page.evaluate(
            "!!(document.getElementById('sivun-otsikko').compareDocumentPosition("
            "document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)"
        )
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("none", "")
    finally:
        context.close()


def test_language_switch_leads_to_the_counterpart(page, served_site):
    page.goto(served_site + f"teot/{ACT}/")
    page.click("text=På svenska")
    page.wait_for_load_state()
    assert page.url.endswith(f"/sv/garningar/{ACT}/") and page.get_attribute("html", "lang") == "sv"
    page.click("text=Suomeksi")
    page.wait_for_load_state()
    assert page.url.endswith(f"/teot/{ACT}/")
    swedish_only = next(k for k, v in sorted(CONTENT.acts.items()) if set(v) == {"sv"})
    page.goto(served_site + f"sv/garningar/{swedish_only}/")
    page.click(".tt-language-switch__link")
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/" and page.get_attribute("html", "lang") == "fi"


def test_theme_link_leads_from_an_act_to_its_term_page(page, served_site):
    page.goto(served_site + f"teot/{ACT}/")
    label = CONTENT.vocabularies.term("themes", THEME).label("fi")
    page.click(f".tt-facts >> text={label}")
    page.wait_for_load_state()
    assert urlsplit(page.url).path == f"/teemat/{THEME}/"
    assert page.locator(f".tt-card a[href$='/{ACT}/']").count() == 1


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_acts_filter_with_the_keyboard(browser, served_site, viewport):
    context, page = open_page(browser, served_site, "teot/", viewport)
    try:
        page.focus("select[name=regions]")
        page.keyboard.press("ArrowDown")  # first region in the list, chosen from the keyboard
        # the list is written once its data has loaded (a locator: this tab keeps the CSP, which forbids eval)
        page.locator(".tt-filter__results[aria-busy=false]").wait_for(state="attached")
        region_label = page.evaluate("document.querySelector('select[name=regions]').selectedOptions[0].dataset.label")
        slug = next(t.slug for t in CONTENT.vocabularies.terms["regions"].values() if t.label("fi") == region_label)
        expected = {
            key
            for key, versions in CONTENT.acts.items()
            if next(iter(versions.values())).values["region"] == slug and not all(v.draft for v in versions.values())
        }
        status = page.inner_text(".tt-filter__status")
        assert status == f"{len(expected)} tekoa"
        shown = {
            href.rstrip("/").split("/")[-1]
            for href in page.eval_on_selector_all(
                ".tt-filter__results a", "links => links.map(a => a.getAttribute('href'))"
            )
        }
        assert shown == expected
    finally:
        context.close()


def test_text_fields_with_html_quotes_and_scripts_reach_the_page_as_text(project, browser):
    evil_title = '"Lainaus" <img src=x onerror="window.__xss=1"> & <script>window.__xss=2</script>'
    p = project(
        {
            "content/acts/evil-act.fi.md": act(
                title="'" + evil_title.replace("'", "''") + "'",
                organisation='\'<b onmouseover="window.__xss=3">Kunta</b> "javascript:alert(1)"\'',
                municipality="'javascript:window.__xss=4'",
            )
        }
    )
    result = p.build()
    assert result.returncode == 0, result.stderr
    html = p.html("teot/evil-act")
    assert "<img src=x" not in html and "<script>window.__xss" not in html and "<b onmouseover" not in html
    page = browser.new_page()
    try:
        page.goto((p.root / "site" / "teot" / "evil-act" / "index.html").as_uri())
        assert page.evaluate("window.__xss") is None
        assert page.inner_text("h1") == evil_title
        assert page.get_attribute("meta[property='og:title']", "content") == evil_title
        assert page.locator("img[src=x]").count() == 0
        assert page.locator(".tt-facts a[href^='javascript']").count() == 0
        assert page.title().startswith(evil_title)
    finally:
        page.close()


def test_act_and_tool_pages_have_social_previews(starter_site):
    for url, kind in ((f"teot/{ACT}", "act"), (f"sv/verktyg/{TOOL}", "tool")):
        html = (starter_site / url / "index.html").read_text(encoding="utf-8")
        meta = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)"', html))
        entry = CONTENT.acts[ACT]["fi"] if kind == "act" else CONTENT.tools[TOOL]["sv"]
        assert meta["og:title"] == meta["twitter:title"] == entry.title
        assert meta["og:description"] == entry.values["summary"]
        assert meta["og:locale"] == ("fi_FI" if kind == "act" else "sv_FI")
        assert meta["og:url"] == f"https://tarkeissatoissa.fi/{url}/" and meta["twitter:card"] == "summary_large_image"
        image = meta["og:image"].removeprefix("https://tarkeissatoissa.fi/")
        assert (starter_site / image).is_file() and meta["og:image:alt"]


def test_act_page_prints_without_navigation_and_with_link_addresses(page, served_site):
    tool_with_link = next(
        k
        for k, v in sorted(CONTENT.tools.items())
        if "fi" in v and v["fi"].values["source"].get("url") and not v["fi"].draft
    )
    for url in (f"teot/{ACT}/", f"tyokalut/{tool_with_link}/"):
        page.goto(served_site + url)
        page.emulate_media(media="print")
        for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".tt-skip"):
            assert page.evaluate(f"getComputedStyle(document.querySelector('{hidden}')).display") == "none", hidden
        assert page.locator(".tt-facts").is_visible() and page.locator("h1").is_visible()
    after = page.evaluate("getComputedStyle(document.querySelector('.tt-outbound a'), '::after').content")
    assert CONTENT.tools[tool_with_link]["fi"].values["source"]["url"] in after


def test_the_axe_check_does_catch_violations(browser):
    """The accessibility tests above can fail: the same axe run flags a page built to break the rules."""
    page = browser.new_page()
    try:
        page.set_content(
            '<html><body><img src="kuva.png"><a href="/x"></a>'
            '<p style="color:#777;background:#888">heikko kontrasti</p></body></html>'
        )
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(f"axe.run(document, {{runOnly: {{type: 'tag', values: {WCAG_21_AA}}}}})")
        assert {"html-has-lang", "image-alt", "link-name", "color-contrast"} <= {v["id"] for v in result["violations"]}
    finally:
        page.close()
