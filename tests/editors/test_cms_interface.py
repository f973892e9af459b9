"""The web editor's interface as its users meet it, in Finnish and in Swedish: axe-core's WCAG 2.2 AA rules
on every view, the keyboard through the whole form, and no English left on the screen."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, act
from test_cms import (
    PNG,
    _open_new_act,
    cms,  # noqa: F401  the fixture, used by name below
)

AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
KEY = "kuvaton-teko"
TITLES = {"fi": "Kuvaton teko", "sv": "Bildlös gärning"}
WORDS = {  # the interface's own words that open each view
    "fi": {
        "login": "Kirjaudu",
        "publish": "Julkaise",
        "choose": "Valitse kuva",
        "now": "Julkaise nyt",
        "delete": "Poista valitut",
    },
    "sv": {
        "login": "Logga in",
        "publish": "Publicera",
        "choose": "Välj en bild",
        "now": "Publicera nu",
        "delete": "Radera de valda",
    },
}
# English an editor met here before (issue 22): whole words, any case
ENGLISH = re.compile(
    r"\b(No options|options?|Check|Preview|Media|assets|Copy|Name|Path|Download|Draft|Are you sure|delete|selected"
    r"|UTC|Loading|Search|Select|Remove|entry|entries|Publish|Save|Unsaved|Changes|Upload|Choose|Add|Writing"
    r"|collection|widget|string|datetime|relation|boolean)\b",
    re.IGNORECASE,
)
KNOWN = ["No options", "Check for Preview", "Media assets", "Copy", "Copy Name", "Copy Path", "Download", "Draft",
         "Are you sure you want to delete selected media?"]  # fmt: skip
# Every text node and every name an assistive technology reads, of what is shown
STRINGS = """() => {
  const found = new Set();
  const shown = (element) => element && element.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    if (text && shown(walker.currentNode.parentElement)) found.add(text);
  }
  for (const element of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
    if (!shown(element)) continue;
    for (const name of ["aria-label", "title", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value && value.trim()) found.add(value.trim());
    }
  }
  return [...found];
}"""
AXE_RESULTS: dict[str, dict[str, int]] = {}
STRING_COUNTS: dict[str, int] = {}


def english(strings) -> list[str]:
    return [text for text in strings if ENGLISH.search(text)]


@pytest.fixture
def site_with_act(cms):  # noqa: F811  the imported fixture
    site, address = cms
    site.write(f"content/acts/{KEY}.fi.md", act(title=TITLES["fi"]))
    site.write(
        f"content/acts/{KEY}.sv.md",
        act(title=TITLES["sv"], summary="Arbetsgemenskapen utvecklade kundtjänsten.", organisation="Jämsä stad"),
    )
    site.write("content/acts/vanha-kuva.png", PNG)
    return site, address


def _tab(browser, address, lang):
    """A tab in the interface language under the editor's own policy; axe is served from the same origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=f"{lang}-FI")
    tab = context.new_page()
    tab.route(address + "axe.min.js", lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
    tab.dialogs = []

    def answer(dialog):
        tab.dialogs.append(dialog.message)
        dialog.dismiss()  # nothing is deleted: the question is what is read

    tab.on("dialog", answer)
    return context, tab


def _views(tab, address, lang):
    """Each view in turn: yields its name once it is shown."""
    words = WORDS[lang]
    tab.goto(f"{address}?lang={lang}")
    tab.get_by_role("button", name=words["login"]).wait_for()
    yield "sign-in"
    tab.get_by_role("button", name=words["login"]).click()
    tab.get_by_role("button", name=words["login"]).wait_for(state="detached")
    tab.goto(f"{address}?lang={lang}#/collections/acts")
    tab.locator("a", has_text=TITLES[lang]).first.wait_for()
    yield "collection list"
    tab.goto(f"{address}?lang={lang}#/collections/acts/entries/{KEY}")
    tab.locator("[id^=title-field-]").nth(1).wait_for()
    tab.wait_for_function(f"() => document.querySelector('[id^=title-field-]')?.value === {TITLES[lang]!r}")
    yield "editor"
    tab.locator("[id^=title-field-]").nth(0).fill(TITLES["fi"] + " muutettu")
    tab.get_by_role("button", name=words["publish"], exact=True).first.click()
    tab.get_by_text(words["now"]).wait_for()
    yield "publish menu"
    tab.keyboard.press("Escape")
    tab.get_by_text(words["now"]).wait_for(state="hidden")
    tab.get_by_role("button", name=words["choose"]).first.click()
    tab.get_by_text("vanha-kuva.png").first.wait_for()
    yield "media library"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_axe_finds_no_wcag_22_aa_violation_in_the_editor(browser, site_with_act, lang):
    _, address = site_with_act
    context, tab = _tab(browser, address, lang)
    problems = {}
    try:
        for view in _views(tab, address, lang):
            # colours are measured once Decap's transitions (a label fading from its focus colour) are over
            tab.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
            if not tab.evaluate("!!window.axe"):
                tab.add_script_tag(url=address + "axe.min.js")  # 'self': the policy stays on
            result = tab.evaluate(f"axe.run(document, {{runOnly: {{type: 'tag', values: {WCAG_22_AA}}}}})")
            AXE_RESULTS[f"{view} ({lang})"] = {"violations": len(result["violations"]), "passes": len(result["passes"])}
            problems[view] = [
                f"{v['id']}: {[(n['target'], n['failureSummary'][:160], n['html'][:90]) for n in v['nodes']][:3]}"
                for v in result["violations"]
            ]
    finally:
        context.close()
    print(AXE_RESULTS)
    assert problems == {view: [] for view in problems}
    assert len(problems) == 5


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_english_in_the_interface(browser, site_with_act, lang):
    _, address = site_with_act
    context, tab = _tab(browser, address, lang)
    shown = {}
    try:
        for view in _views(tab, address, lang):
            shown[view] = tab.evaluate(STRINGS)
        tab.get_by_text("vanha-kuva.png").first.click()
        tab.get_by_role("button", name=WORDS[lang]["delete"]).click()
        tab.wait_for_function("() => true")  # the confirm dialog answers synchronously
        shown["media library (selected)"] = tab.evaluate(STRINGS)
        shown["dialogs"] = list(tab.dialogs)
        # the same check on Decap's own English finds every word it was written for
        decap_english = tab.evaluate(
            "() => { const out = []; const walk = (o) => Object.values(o).forEach("
            "v => typeof v === 'string' ? out.push(v) : walk(v)); walk(CMS.getLocale('en')); return out; }"
        )
    finally:
        context.close()
    STRING_COUNTS.update({f"{view} ({lang})": len(strings) for view, strings in shown.items()})
    print(STRING_COUNTS)
    assert shown["dialogs"], "the delete question was asked"
    assert {view: english(strings) for view, strings in shown.items()} == {view: [] for view in shown}
    assert english(KNOWN) == KNOWN
    assert len(english(decap_english)) > 100, len(english(decap_english))


COUNTS = {  # what a list of awards says of itself, and a too short title
    "fi": (["0 palkintoa", "1 palkinto", "2 palkintoa"], "Lisää palkinto", "Nyt 3 merkkiä."),
    "sv": (["0 priser", "1 pris", "2 priser"], "Lägg till pris", "Nu 3 tecken."),
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_counts_in_the_languages_plural_and_the_length_of_a_wrong_text(browser, site_with_act, lang):
    _, address = site_with_act
    context, tab = _tab(browser, address, lang)
    headings, add, length = COUNTS[lang]
    try:
        tab.goto(f"{address}?lang={lang}")
        tab.get_by_role("button", name=WORDS[lang]["login"]).click()
        tab.get_by_role("button", name=WORDS[lang]["login"]).wait_for(state="detached")
        tab.goto(f"{address}?lang={lang}#/collections/acts/entries/{KEY}")
        awards = tab.locator("[id^=awards-field-]").first
        for count, heading in enumerate(headings):
            awards.get_by_text(heading, exact=True).wait_for()
            if count < len(headings) - 1:
                awards.get_by_role("button", name=add).first.click()
        tab.locator("[id^=title-field-]").nth(0).fill("Abc")
        tab.get_by_role("button", name=WORDS[lang]["publish"], exact=True).first.click()
        tab.get_by_role("menuitem").first.click()
        tab.get_by_text(length, exact=False).first.wait_for()
        assert "UTC" not in tab.locator("[id^=published-field-]").first.inner_text()
    finally:
        context.close()


def test_keyboard_reaches_every_field_of_both_panes_and_publish(browser, cms):  # noqa: F811
    """From the top of a new act's page, Tab alone stops on every field that can be edited in either
    language's pane and on the publish button."""
    _, address = cms
    context, tab = _tab(browser, address, "fi")
    try:
        _open_new_act(tab, address)
        tab.locator("[id^=title-field-]").nth(1).wait_for()
        fields = tab.evaluate(
            """() => [...document.querySelectorAll("[id*='-field-']")].filter((field) =>
                 field.querySelector("input:not([disabled]):not([type=hidden]), textarea:not([disabled]), "
                   + "button:not([disabled]), [tabindex='0']") || field.matches("input:not([disabled]), textarea, "
                   + "button:not([disabled])")).map((field) => field.id)"""
        )
        tab.evaluate("document.activeElement.blur()")
        reached, stops, publish = set(), 0, False
        for _ in range(600):
            tab.keyboard.press("Tab")
            stops += 1
            stop = tab.evaluate(
                """() => { const here = document.activeElement;
                   const ids = [...document.querySelectorAll("[id*='-field-']")].filter((f) => f.contains(here))
                     .map((f) => f.id);
                   return {ids, text: here.textContent.trim(), body: here === document.body}; }"""
            )
            reached.update(stop["ids"])
            publish = publish or stop["text"] == "Julkaise"
            if set(fields) <= reached and publish:
                break
        print(f"{stops} Tab stops, {len(fields)} fields")
    finally:
        context.close()
    assert len(fields) > 20  # both panes' fields
    assert sorted(set(fields) - reached) == []
    assert publish
