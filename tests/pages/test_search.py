"""Search in a real Chromium: the page's language only, stemmed, with excerpts, kinds and filters."""

from __future__ import annotations

import re

from test_site import CONTENT

SETTLED = "document.querySelector('.tt-search__results').getAttribute('aria-busy') === 'false'"


def search(page, base: str, path: str, query: str):
    page.goto(base + path)
    page.fill("#ttSearchQuery", query)
    page.keyboard.press("Enter")
    page.wait_for_function(SETTLED)
    return page.locator(".tt-search__result")


def result_urls(page) -> list[str]:
    """Every result, pressing 'show more' as a reader would until it goes away."""
    while page.locator(".tt-search__more").is_visible():
        shown = page.locator(".tt-search__result").count()
        page.click(".tt-search__more")
        page.wait_for_function(f"document.querySelectorAll('.tt-search__result').length > {shown} && {SETTLED}")
    return page.eval_on_selector_all(".tt-search__title a", "links => links.map(a => new URL(a.href).pathname)")


def acts_with_theme(theme: str, lang: str) -> set[str]:
    return {
        f"/{'sv/garningar' if lang == 'sv' else 'teot'}/{key}/"
        for key, versions in CONTENT.acts.items()
        if lang in versions and not versions[lang].draft and theme in versions[lang].values["themes"]
    }


def test_finnish_query_is_stemmed_and_stays_finnish(page, served_site):
    results = search(page, served_site, "haku/", "palvelumuotoilua")  # partitive of 'palvelumuotoilu'
    assert results.count() == min(5, int(page.inner_text(".tt-search__status").split()[0]))  # five at first
    urls = result_urls(page)
    assert len(urls) == int(page.inner_text(".tt-search__status").split()[0]) >= 3
    assert acts_with_theme("palvelumuotoilu", "fi") <= set(urls)
    assert not [url for url in urls if url.startswith("/sv/")]
    assert re.match(r"\d+ tulosta", page.inner_text(".tt-search__status"))
    first = results.first
    assert first.locator("mark").count() >= 1  # a highlighted excerpt
    assert first.locator(".tt-search__kind").inner_text().strip().lower() in (
        "kehittämisteko",
        "työkalu",
        "kampanja",
        "sivu",
    )
    assert page.errors == []


def test_swedish_query_is_stemmed_and_stays_swedish(page, served_site):
    search(page, served_site, "sv/sok/", "arbetsvälbefinnandet")  # definite form of 'arbetsvälbefinnande'
    urls = result_urls(page)
    assert acts_with_theme("tyohyvinvointi", "sv") <= set(urls)
    assert urls and all(url.startswith("/sv/") for url in urls)
    assert "resultat" in page.inner_text(".tt-search__status")
    assert page.locator(".tt-search__result mark").first.inner_text().lower().startswith("arbetsvälbefinnande")


def test_results_narrow_by_region(page, served_site):
    search(page, served_site, "haku/", "työ")
    before = set(result_urls(page))
    region = next(v["fi"].values["region"] for v in CONTENT.acts.values() if "fi" in v and not v["fi"].draft)
    label = CONTENT.vocabularies.term("regions", region).label("fi")
    page.select_option("select[name=region]", label)  # starts a new search at once: busy until it is in
    page.wait_for_function(SETTLED)
    after = set(result_urls(page))
    expected = {
        f"/teot/{k}/"
        for k, v in CONTENT.acts.items()
        if "fi" in v and not v["fi"].draft and v["fi"].values["region"] == region
    }
    assert after and after <= expected and after <= before | expected
    assert "region=" in page.url  # the narrowed search can be shared


def test_header_search_works_from_any_page_with_the_keyboard(page, served_site):
    act_id = next(k for k, v in CONTENT.acts.items() if "sv" in v and not v["sv"].draft)
    page.goto(served_site + f"sv/garningar/{act_id}/")
    page.focus("#ttHeaderQuery")
    page.keyboard.type("arbetsvälbefinnande")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sv/sok/\?q="))
    page.wait_for_function(SETTLED)
    assert page.input_value("#ttSearchQuery") == "arbetsvälbefinnande"
    assert all(url.startswith("/sv/") for url in result_urls(page)) and result_urls(page)


def test_an_index_in_parts_finds_what_one_index_finds(page, served_site, served_site_in_parts):
    """Parts that lack a word the language has must not answer with a shorter word ('palvelu' for
    'palvelumuotoilua'), and their vocabulary pages never show."""
    searches = [
        ("haku/", "palvelumuotoilua"),
        ("haku/", "työ"),
        ("haku/", "kaustisen"),
        ("haku/", "robotiikka"),
        ("sv/sok/", "arbetsvälbefinnandet"),
        ("sv/sok/", "digitalisering"),
    ]
    region = next(v["fi"].values["region"] for v in CONTENT.acts.values() if "fi" in v and not v["fi"].draft)
    label = CONTENT.vocabularies.term("regions", region).label("fi")
    found = {}
    for base in (served_site, served_site_in_parts):
        for path, query in searches:
            search(page, base, path, query)
            found[base, query] = sorted(result_urls(page))
        page.goto(base + "haku/")
        page.select_option("select[name=region]", label)  # no words: every page of the region
        page.wait_for_function(SETTLED)
        found[base, label] = sorted(result_urls(page))
        assert page.errors == []
    page.goto(served_site_in_parts + "haku/")
    assert page.get_attribute("#ttSearch", "data-pagefind-parts")  # this site's Finnish index is in parts
    for query in [query for _, query in searches] + [label]:
        assert found[served_site_in_parts, query] == found[served_site, query], query
        assert not [url for url in found[served_site_in_parts, query] if "vocabulary" in url]
    assert all(found[served_site, query] for query in ("palvelumuotoilua", "työ", "arbetsvälbefinnandet", label))


def test_the_site_scripts_take_no_address_from_the_page(page, served_site):
    """A page that says where the index or the filter data is (as a body could once write) is not
    listened to: the scripts load only the site's own files, found from where they themselves are."""
    evil = "https://evil.example/"
    rewritten = []

    def rewrite(route):
        html = route.fetch().text()
        html, searches = re.subn(r'(<form [^>]*id="ttSearch")', rf'\1 data-pagefind="{evil}pagefind.js"', html)
        html, filters = re.subn(
            r'(<form [^>]*id="ttFilter"[^>]*) data-source="[^"]*"', rf'\1 data-source="{evil}filter-data.json"', html
        )
        rewritten.append(searches + filters)
        route.fulfill(body=html, headers={"content-type": "text/html; charset=utf-8"})

    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.route(re.compile(r".*/(haku|teot)/(\?.*)?$"), rewrite)
    results = search(page, served_site, "haku/", "palvelumuotoilua")
    assert results.count() >= 1  # the site's own index answered
    page.goto(served_site + "teot/")
    assert rewritten == [1, 1]  # each page did say where to load from
    theme = page.eval_on_selector(
        "#ttFilter select[name=themes] option:not([value='']):not([disabled])", "option => option.value"
    )
    page.select_option("#ttFilter select[name=themes]", theme)
    # refused: the form is left as sent, so sending it is an ordinary GET to the page, not filtered in place
    with page.expect_navigation():
        page.click("#ttFilter button[type=submit]")
    assert f"themes={theme}" in page.url and rewritten == [1, 1, 1]
    assert page.inner_text(".tt-filter__status") == ""
    assert not [url for url in requests if "filter-data.json" in url or not url.startswith(served_site)], requests
    assert page.errors == []
