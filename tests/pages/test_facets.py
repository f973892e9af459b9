"""The act browser's facet counts, as a reader meets them in Chromium: each theme, sector and region
says how many acts it leaves given the other choices, an empty choice says (0) and cannot be
chosen, and the choices are in the address: shareable, and the back button goes back."""

from __future__ import annotations

import gzip
import re
from urllib.parse import parse_qs, urlsplit

from test_site import CONTENT

LIVE = [
    next(v for v in versions.values() if not v.draft).values
    for versions in CONTENT.acts.values()
    if not all(v.draft for v in versions.values())
]


def terms(values, name):
    return set(values["themes"]) if name == "themes" else {values[name.removesuffix("s")]}


def expected_counts(name, chosen):
    """What each option of `name` should say: acts passing every other choice, per term."""
    rest = [v for v in LIVE if all(slug in terms(v, other) for other, slug in chosen.items() if other != name)]
    return {
        term.slug: sum(1 for v in rest if term.slug in terms(v, name))
        for term in CONTENT.vocabularies.terms[name].values()
    }, len(rest)


def shown_options(page, name):
    return page.eval_on_selector_all(
        f"select[name={name}] option", "os => os.map(o => [o.value, o.textContent, o.disabled])"
    )


def assert_counts(page, chosen):
    for name in ("themes", "sectors", "regions"):
        counts, total = expected_counts(name, chosen)
        for value, text, disabled in shown_options(page, name):
            number = total if value == "" else counts[value]
            label = CONTENT.vocabularies.term(name, value).label("fi") if value else "Kaikki"
            assert text == f"{label} ({number})", (name, value)
            assert disabled == (number == 0 and chosen.get(name) != value), (name, value)


def query(page):
    return {name: values[0] for name, values in parse_qs(urlsplit(page.url).query).items()}


# the list is written: the data has loaded and the choices are applied (the status alone first says "loading")
SETTLED = "document.querySelector('.tt-filter__results').getAttribute('aria-busy') === 'false'"


def status(page):
    return page.inner_text(".tt-filter__status")


def test_counts_follow_the_choices_and_the_address_follows_them(page, served_site):
    page.goto(served_site + "teot/")
    assert_counts(page, {})  # written by the build: counts show before any data is loaded
    busiest = max(CONTENT.vocabularies.terms["themes"], key=lambda slug: expected_counts("themes", {})[0][slug])
    page.select_option("select[name=themes]", busiest)
    page.wait_for_function("document.querySelector('.tt-filter__status').textContent.includes('tekoa')")
    assert query(page) == {"themes": busiest}
    assert_counts(page, {"themes": busiest})
    regions, _ = expected_counts("regions", {"themes": busiest})
    assert 0 in regions.values() and any(regions.values())  # some regions left empty: said, not hidden
    region = next(slug for slug, count in regions.items() if count)
    page.select_option("select[name=regions]", region)
    page.wait_for_function(f"location.search.includes('regions={region}')")
    assert_counts(page, {"themes": busiest, "regions": region})
    assert status(page) == f"{regions[region]} tekoa"
    assert page.locator(".tt-filter__results li").count() == regions[region]
    page.go_back()
    page.wait_for_function("!location.search.includes('regions=')")
    assert page.input_value("select[name=regions]") == "" and query(page) == {"themes": busiest}
    assert_counts(page, {"themes": busiest})
    assert status(page) == f"{sum(1 for v in LIVE if busiest in v['themes'])} tekoa"
    page.go_back()
    page.wait_for_function("location.search === ''")
    assert page.input_value("select[name=themes]") == "" and status(page) == ""
    page.go_forward()
    page.wait_for_function("document.querySelector('select[name=themes]').value !== ''")
    assert page.input_value("select[name=themes]") == busiest


def test_a_shared_address_opens_the_same_list(page, served_site, starter_site):
    values = LIVE[0]
    page.goto(served_site + f"sv/garningar/?sectors={values['sector']}&themes=ei-tallaista&regions={values['region']}")
    page.wait_for_function(SETTLED)
    assert page.input_value("select[name=sectors]") == values["sector"]
    assert page.input_value("select[name=themes]") == ""  # no such term: left out, not guessed
    wanted = sum(1 for v in LIVE if v["sector"] == values["sector"] and v["region"] == values["region"])
    assert status(page) == f"{wanted} gärningar"
    links = page.eval_on_selector_all(".tt-filter__results a", "links => links.map(a => new URL(a.href).pathname)")
    assert len(links) == wanted and all((starter_site / link.lstrip("/") / "index.html").is_file() for link in links)
    page.click("button[type=reset]")
    page.wait_for_function("location.search === ''")
    assert status(page) == "" and page.input_value("select[name=sectors]") == ""
    label = CONTENT.vocabularies.term("regions", values["region"]).label("sv")
    assert any(text.startswith(label + " (") for _, text, _ in shown_options(page, "regions"))


def test_without_javascript_the_counts_lead_to_the_term_pages(starter_site):
    """The form is sent visible, a GET form to the page itself (the script filters in place); without
    the script, a note in the form and the page's own term links lead to the same lists."""
    html = (starter_site / "teot" / "index.html").read_text(encoding="utf-8")
    form_tag = re.search(r'<form class="tt-filter" id="ttFilter" action="\./" method="get"[^>]*>', html)
    noscript_element = re.search(r"<noscript>(.*?)</noscript>", html, re.DOTALL)
    assert form_tag and noscript_element
    form, noscript = form_tag[0], noscript_element[1]
    assert " hidden" not in form and 'data-source="filter-data.json"' in form
    assert re.findall(r'href="([^"]+)"', noscript) == ["../teemat/", "../toimialat/", "../maakunnat/"]
    for href in ("../teemat/", "../toimialat/", "../maakunnat/"):
        assert f'href="{href}"' in html
    assert len(gzip.compress((starter_site / "teot" / "filter-data.json").read_bytes())) < 10_000
