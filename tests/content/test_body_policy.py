"""A body may use only the HTML the site allows: what sanitizing would remove is a problem with its line."""

import time

import pytest
from tarkeissa.content.body_policy import BODY_LIMIT, check_body, convert, sanitize
from tarkeissa.content.links import BodyPlace, SiteFiles

PATH = "content/acts/x.fi.md"
# the act's folder as the scan of the tree gives it: one image and one report beside it
FILES = SiteFiles(
    {PATH: ("teot/x/", "fi")},
    {"content/acts/tyopaja.png": "media/acts/tyopaja.png", "content/acts/k.png": "media/acts/k.png"},
)
PLACE = BodyPlace(PATH, "fi", "teot/x/", FILES)


def problems(body: str):
    return check_body(body, PATH, first_line=11, place=PLACE)


@pytest.mark.parametrize(
    "body, line, refused",
    [
        ("Teksti.\n\n<script>alert(1)</script>\n", 13, "the element <script>"),
        ('<img src="x.png" onerror="alert(1)">\n', 11, "an event-handler attribute 'onerror' on <img>"),
        ("Katso [tämä](javascript:alert(1)).\n", 11, "the address 'javascript:alert(1)' in 'href' on <a>"),
        ('<a href=" JavaScript:alert(1)">x</a>\n', 11, "the address ' JavaScript:alert(1)' in 'href' on <a>"),
        ("Katso [viite].\n\n[viite]: javascript:alert(1)\n", 13, "'href' on <a>"),
        ('<iframe src="https://evil.example/x"></iframe>\n', 11, "an <iframe> from 'https://evil.example/x'"),
        # the parser differences a deny-list on Python's HTMLParser let through
        ('<!--><script src="/x.js"></script>-->\n', 11, "the element <script>"),
        ("~~~\n<script>alert(1)</script>\n", 12, "the element <script>"),  # no closing fence: not a code block
        ("`` ` `` <script>alert(1)</script>\n", 11, "the element <script>"),
        ('Kappale\n{: onclick="alert(1)" }\n', 12, "an event-handler attribute 'onclick' on <p>"),
        ('[linkki](https://kt.fi){: href="javascript:alert(1)" }\n', 11, "in 'href' on <a>"),
        ("[x](&#106;avascript:alert(1))\n", 11, "the address 'javascript:alert(1)'"),
        ('<a href="java&#x09;script:alert(1)">x</a>\n', 11, "in 'href' on <a>"),
        ('<a href="\x01javascript:alert(1)">x</a>\n', 11, "in 'href' on <a>"),
        ("<svg><animate attributeName=href to=javascript:alert(1) /></svg>\n", 11, "the element <animate>"),
        ("<svg><set attributeName=onmouseover to=alert(1) /></svg>\n", 11, "the element <set>"),
        ('<iframe srcdoc="<script>alert(1)</script>"></iframe>\n', 11, "the attribute 'srcdoc' on <iframe>"),
        ('<iframe src="https://www.youtube-nocookie.com\\@evil.example/"></iframe>\n', 11, "an <iframe> from"),
        ('<iframe src="https://www.youtube-nocookie.com.evil.example/"></iframe>\n', 11, "an <iframe> from"),
        ('<iframe src="//www.youtube-nocookie.com/embed/x"></iframe>\n', 11, "an <iframe> from"),
        ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n", 11, "the element <math>"),
        ('<meta http-equiv="refresh" content="0; url=https://evil.example/">\n', 11, "the element <meta>"),
        ('<base href="https://evil.example/">\n', 11, "the element <base>"),
        ('<form id="ttSearch" data-pagefind="//evil.example/x.js"></form>\n', 11, "the element <form>"),
        ("<div data-pagefind-body>x</div>\n", 11, "the attribute 'data-pagefind-body' on <div>"),
        ('<p id="ttSearch">x</p>\n', 11, "the id 'ttSearch' on <p>"),
        ('<p id="__search">x</p>\n', 11, "the id '__search' on <p>"),
        ('<p class="md-header">x</p>\n', 11, "the class 'md-header' on <p>"),
        ('<p style="position:fixed;top:0">x</p>\n', 11, "the attribute 'style' on <p>"),
        ("![kuva](https://tracker.example/pixel.gif)\n", 11, "in 'src' on <img>"),
        ('<img src="//tracker.example/pixel.gif" alt="">\n', 11, "in 'src' on <img>"),
        ("<object data=x.swf></object>\n", 11, "the element <object>"),
        ("<style>body{display:none}</style>\n", 11, "the element <style>"),
        ("Teksti.\n\n<!-- toimittajan muistiinpano -->\n", 13, "an HTML comment"),  # dropped: said
        ("Teksti.\n\n<p>a<card>teksti</card>b</p>\n", 13, "text ('teksti')"),  # content lost with it
    ],
)
def test_what_the_policy_refuses_is_reported_at_its_line(body, line, refused):
    found = problems(body)
    assert found, f"nothing reported for {body!r}"
    assert any(refused in problem.message for problem in found), [problem.message for problem in found]
    assert all(problem.field == "body" and problem.hint and problem.path == PATH for problem in found)
    assert min(problem.line for problem in found) == line


@pytest.mark.parametrize(
    "body",
    [
        "Tavallinen <em>korostus</em> ja <abbr title='Kunta-alan'>KT</abbr>.\n",
        (
            '<iframe src="https://www.youtube-nocookie.com/embed/abc?start=10&amp;rel=0" title="Video" '
            "allowfullscreen></iframe>\n"
        ),
        '<iframe src="https://player.vimeo.com/video/123" title="Video" width="640" height="360"></iframe>\n',
        "```html\n<script>alert(1)</script>\n```\n",
        "    <script>näytetään koodina</script>\n",  # an indented code block shows HTML as text
        "Koodina `<script>` ja `javascript:` ovat tekstiä.\n",
        "Linkki [KT:n sivuille](https://www.kt.fi/), [postia](mailto:info@kt.fi) ja aika 12:30.\n",
        "![Kuva työpajasta](tyopaja.png)\n\n[Sivu](../tyokalut/) ja [ankkuri](#tulokset)\n",
        "## Tulokset {#tulokset}\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n",
        '!!! note "Huomio"\n    Tämä on huomautus.\n',
        "R&D ja Q&A &amp; <b>lihavoitu</b> &lt;ei tagi&gt; [hakasulkeissa]\n",
        "## 😀\n\n## TT-sopimus\n\nTeksti.\n",  # ids from headings: '_1', 'tt-sopimus'
    ],
)
def test_harmless_html_markdown_and_code_samples_pass(body):
    assert problems(body) == []


def test_a_body_that_passes_is_published_as_markdown_made_it():
    body = "## Tulokset\n\n<em>x</em> [KT](https://www.kt.fi/) ![k](k.png)\n\n```html\n<script>\n```\n"
    assert problems(body) == []
    assert sanitize(convert(body, PLACE)) == (
        '<h2 id="tulokset">Tulokset</h2>\n<p><em>x</em> <a href="https://www.kt.fi/">KT'
        '</a> <img alt="k" src="../../media/acts/k.png"></p>\n<pre><code class="language-html">'
        "&lt;script&gt;\n</code></pre>"
    )


def test_cdata_in_html_is_a_comment_to_a_browser_and_runs_nothing():
    assert "<script" not in sanitize(convert("<![CDATA[<script>alert(1)</script>]]>\n"))


def test_what_is_refused_never_reaches_the_output():
    html = convert('<p onclick="x">a</p><script>alert(1)</script>[x](javascript:y)')
    cleaned = sanitize(html)
    assert "onclick" not in cleaned and "<script" not in cleaned and "javascript" not in cleaned
    assert ">a<" in cleaned


def test_every_refusal_of_a_body_is_reported_not_only_the_first():
    body = "<script>a</script>\n\n<p onclick=b>x</p>\n\n[y](javascript:c)\n"
    found = problems(body)
    assert [problem.line for problem in found] == sorted({11, 13, 15})


def test_pathological_markdown_is_stopped_within_its_cpu_budget_and_named():
    # 30,000 '[' cost Python-Markdown minutes of CPU time: the budget of CPU_SECONDS stops it,
    # counted in CPU time (a loaded machine may take longer by the clock, never to another verdict)
    from tarkeissa.content.body_policy import CONVERT_SECONDS

    started = time.process_time()
    [problem] = problems("[" * 30_000)
    spent = time.process_time() - started
    assert CONVERT_SECONDS * 0.5 <= spent < CONVERT_SECONDS + 2  # the kernel counts CPU time in ticks
    assert problem.rule == "body.too-slow" and "seconds to convert" in problem.message and problem.hint


def test_a_body_over_the_size_limit_is_refused_with_the_limit_named():
    [problem] = problems("a" * (BODY_LIMIT + 1))
    assert f"{BODY_LIMIT:,}" in problem.message


def test_the_check_converts_with_the_extensions_of_the_build():
    from pathlib import Path

    import yaml
    from tarkeissa.content.body_policy import MARKDOWN_CONFIGS, MARKDOWN_EXTENSIONS

    config = yaml.safe_load((Path(__file__).parents[2] / "mkdocs.yml").read_text(encoding="utf-8"))
    named = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    settings = {
        next(iter(item)): next(iter(item.values())) for item in config["markdown_extensions"] if isinstance(item, dict)
    }
    # MkDocs adds its built-ins toc, tables and fenced_code first
    assert list(MARKDOWN_EXTENSIONS) == ["toc", "tables", "fenced_code"] + [
        n for n in named if n not in ("toc", "tables", "fenced_code")
    ]
    assert {name: value for name, value in settings.items() if value} == MARKDOWN_CONFIGS


@pytest.mark.parametrize(
    "body, published",
    [
        *[
            (f"!!! {kind}\n    Teksti.\n", f'class="admonition {kind}"')
            for kind in ("important", "hint", "tldr", "todo")
        ],
        ("## -20 % sairauspoissaoloja\n", 'id="-20-sairauspoissaoloja"'),
        ("## _luonnos\n", 'id="_luonnos"'),
        ("- yksi\n---\n", "<h2"),
        ("[040 123 4567](tel:+358401234567)\n", 'href="tel:+358401234567"'),
        ("```JSON\n{}\n```\n", 'class="language-JSON"'),
        ("Teksti.[^1]\n\n[^1]: Viite.\n", 'title="Takaisin viitteeseen 1"'),
        ("Termi\n:   Selitys\n", "<dt>Termi</dt>"),
        ("KT sopii.\n\n*[KT]: Kunta\n", '<abbr title="Kunta">KT</abbr>'),
        ("- [x] tehty\n", 'type="checkbox" title="tehty" disabled="" checked=""'),
        ("~~pois~~\n", "<del>pois</del>"),
        ("## Vaiheet \\{2019–2021\\}\n", "Vaiheet {2019–2021}</h2>"),
    ],
)
def test_the_markdown_editors_write_is_published(body, published):
    assert problems(body) == []
    assert published in sanitize(convert(body, PLACE))


def test_an_admonition_type_the_site_does_not_style_is_refused_with_the_closest_type():
    [problem] = problems("!!! warnng\n    Teksti.\n")
    assert problem.rule == "body.unknown-admonition"
    assert "'warnng'" in problem.message and "Did you mean 'warning'?" in problem.hint


def test_braces_that_are_no_attribute_say_what_to_write_instead():
    [problem] = problems("## Hankkeen vaiheet {2019–2021}\n")
    assert problem.rule == "body.braces-in-text" and "\\{2019–2021\\}" in problem.hint


def test_the_footnote_way_back_is_in_the_bodys_language():
    sv = BodyPlace("content/acts/x.sv.md", "sv", "sv/garningar/x/", FILES)
    assert 'title="Tillbaka till fotnot 1"' in convert("Text.[^1]\n\n[^1]: Not.\n", sv)
