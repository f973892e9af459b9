"""A second accessibility engine: HTML_CodeSniffer (Squiz's, the engine of pa11y; pinned in
tests/js/package.json) at WCAG 2 AA on one page of each template and state, in both languages, in
Chromium. It finds no error; each warning it gives is fixed or listed below with why it does not apply.
HTMLCS.js is injected as the axe tests inject axe (pa11y itself would download a browser)."""

from __future__ import annotations

import pytest
from conftest import ROOT
from test_browser import VIEWPORTS
from test_every_page import STARTER_STATES

HTMLCS = ROOT / "tests" / "js" / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"
ERROR, WARNING = 1, 2

# Warnings that do not apply: HTML_CodeSniffer's technique code -> (the start of the markup it is
# about, "" for any, and why it does not apply). Every other warning fails the test.
NOT_APPLICABLE = {
    "G18.Abs": (
        ("",),
        (
            "a heuristic: HTMLCS cannot see the background of an absolutely positioned element (Material's"
            " header title, the phone menu) and asks for a look; axe computes that contrast and passes it"
        ),
    ),
    "C32,C31,C33,C38,SCR34,G206": (
        ('class="md-skip tt-skip"', 'class="md-overlay"', 'class="md-sidebar md-sidebar--primary"'),
        (
            "position: fixed on the skip link (off screen until focused, one line wide), on the phone menu"
            " and on the shade behind it (the viewport's own size, scrolling inside): none can make a reader"
            " scroll in two directions (axe's checks and the 320 px reflow check pass)"
        ),
    ),
    "G18.Alpha": (
        ('<p class="admonition-title"',),
        (
            "the admonition's title sits on a translucent tint of its colour, which HTMLCS cannot blend and"
            " so asks for a look; axe blends it over the page's white and passes its contrast (test_every_page)"
        ),
    ),
    "H85.2": (
        ("<select",),
        "the filters' options are one vocabulary's terms each, alphabetical, with no groups to mark",
    ),
}

PAGES = STARTER_STATES
PRE_MAY_SCROLL = "Preformatted text may require scrolling in two dimensions"


def sniff(tab, url: str, ready: str | None = None) -> list[dict]:
    tab.goto(url, wait_until="load")
    if ready:
        tab.wait_for_selector(ready, state="attached")
    tab.add_script_tag(path=str(HTMLCS))
    messages: list[dict] = tab.evaluate(
        """() => new Promise(done => HTMLCS.process('WCAG2AA', document, () => done(
            HTMLCS.getMessages().filter(m => m.type <= 2).map(m => ({
                type: m.type, code: m.code, msg: m.msg,
                where: m.element && m.element.outerHTML ? m.element.outerHTML.slice(0, 160) : String(m.element)
            })))))"""
    )
    # HTMLCS warns of every <pre> that it "may" scroll both ways, naming only the document: the warning
    # does not apply where no <pre> of the page is wider than its box (ours wrap their lines).
    pre_fits = tab.evaluate("() => [...document.querySelectorAll('pre')].every(p => p.scrollWidth <= p.clientWidth)")
    return [m for m in messages if not (pre_fits and m["msg"].startswith(PRE_MAY_SCROLL))]


def _technique(code: str) -> str:
    """'WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Abs' -> 'G18.Abs' (the technique and its variant)."""
    parts = code.split(".")
    return ".".join(parts[4:]) if len(parts) > 4 else code


def _not_applicable(message: dict) -> bool:
    markup, _reason = NOT_APPLICABLE.get(_technique(message["code"]), ((), ""))
    return any(start in message["where"].split(">")[0] for start in markup)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_html_codesniffer_finds_no_error_and_no_unexplained_warning(browser, served_site, viewport):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone", has_touch=viewport == "phone", bypass_csp=True
    )  # to inject HTMLCS.js
    tab = context.new_page()
    try:
        found = {url: sniff(tab, served_site + url, ready) for url, ready in PAGES.items()}
    finally:
        context.close()
    assert {"", "sv/", "teot/", "sv/garningar/"} <= set(found)  # both languages, every template
    errors = [
        f"{url}: {m['code']}: {m['msg']} at {m['where']}" for url, ms in found.items() for m in ms if m["type"] == ERROR
    ]
    warnings = [
        f"{url}: {m['code']}: {m['msg']} at {m['where']}"
        for url, ms in found.items()
        for m in ms
        if m["type"] == WARNING and not _not_applicable(m)
    ]
    assert errors == []
    assert warnings == []


def test_html_codesniffer_does_catch_errors(browser):
    """The test above can fail: the same run flags a page built to break the rules."""
    tab = browser.new_page()
    try:
        tab.set_content(
            '<html lang="fi"><head><title>x</title></head><body><form><input type="checkbox" id="a"></form>'
            '<img src="kuva.png"></body></html>'
        )
        tab.add_script_tag(path=str(HTMLCS))
        codes = tab.evaluate(
            "() => new Promise(done => HTMLCS.process('WCAG2AA', document, () => "
            "done(HTMLCS.getMessages().filter(m => m.type === 1).map(m => m.code))))"
        )
        assert any("H37" in code for code in codes)  # the image has no alt
        assert any("H32" in code for code in codes)  # the form has no submit button
        assert any("4_1_2" in code for code in codes)  # the checkbox has no name
    finally:
        tab.close()
