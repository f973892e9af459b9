"""Bodies generated from a grammar of what editors write, judged by `check` (its Python API) and by
one real build of all of them: `check` passes a body exactly when the build does, with the same
problems at the same lines, and both publish the same HTML.

The grammar: ATX and setext headings, lists and task lists, admonitions of every type Material
styles and a few it does not, attr_list, tables, fenced code, links and images (relative to files
that are and are not beside the act, absolute, tel:, mailto:, schemes and hosts refused), footnotes,
definition lists, abbreviations, entity references and raw HTML fragments.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from body_batch import judge_all
from conftest import act
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from tarkeissa.content.body_policy import STYLED_TYPES

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)
BESIDE: dict[str, str | bytes] = {
    "content/acts/kuva.png": PNG,
    "content/acts/raportti.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    "content/acts/toinen-teko.fi.md": act(title="Toinen teko"),
    "content/acts/toinen-teko.sv.md": act(title="En annan gärning"),
}

words = st.sampled_from(
    ["Työhyvinvointi", "kehittäminen", "ääni", "KT", "R&D", "2019–2021", "-20 %", "_luonnos", "x*y", "a_b", "Ω"]
)
entity = st.sampled_from(["&amp;", "&#106;", "&copy;", "&#x3C;", "&lt;b&gt;", "&nbsp;", "&#0;", "&bogus;"])
target = st.sampled_from(
    [
        "kuva.png",
        "raportti.pdf",
        "puuttuu.pdf",
        "toinen-teko.fi.md",
        "toinen-teko.sv.md",
        "toinen-teko.fi.md#tulokset",
        "puuttuva-teko.fi.md",
        "../tools/",
        "#tulokset",
        "https://www.kt.fi/",
        "http://example.fi/a?b=1&c=2",
        "tel:+358401234567",
        "mailto:info@kt.fi",
        "javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "//evil.example/x",
        "data:text/html,x",
    ]
)
raw_html = st.sampled_from(
    [
        "<em>x</em>",
        '<span class="x">y</span>',
        "<card>teksti</card>",
        "<!-- muistiinpano -->",
        "<script>alert(1)</script>",
        '<abbr title="Kunta-ala">KA</abbr>',
        "<img src=x onerror=alert(1)>",
        "<kbd>Ctrl</kbd>",
        '<p id="ttSearch">x</p>',
        "<body>x</body>",
        '<input type="checkbox">',
    ]
)
attributes = st.sampled_from(["", " {#tulokset}", " {: .huomio}", " {#Iso}", " {2019–2021}", " \\{2019\\}", " {: #-a}"])


@st.composite
def inline(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["word", "entity", "link", "image", "em", "del", "footnote", "html", "code"]))
        if kind == "word":
            parts.append(draw(words))
        elif kind == "entity":
            parts.append(draw(entity))
        elif kind == "link":
            parts.append(f"[{draw(words)}]({draw(target)})")
        elif kind == "image":
            parts.append(f"![{draw(words)}]({draw(target)})")
        elif kind == "em":
            parts.append(f"*{draw(words)}*")
        elif kind == "del":
            parts.append(f"~~{draw(words)}~~")
        elif kind == "footnote":
            parts.append("[^1]")
        elif kind == "html":
            parts.append(draw(raw_html))
        else:
            parts.append(f"`{draw(raw_html)}`")
    return " ".join(parts)


@st.composite
def block(draw) -> str:
    kind = draw(
        st.sampled_from(
            [
                "atx",
                "setext",
                "list",
                "tasks",
                "admonition",
                "table",
                "code",
                "para",
                "footnote",
                "deflist",
                "abbr",
                "html",
            ]
        )
    )
    text = draw(inline())
    if kind == "atx":
        return "#" * draw(st.integers(1, 6)) + " " + text + draw(attributes)
    if kind == "setext":
        return text + draw(attributes) + "\n" + draw(st.sampled_from(["===", "---"]))
    if kind == "list":
        marker = draw(st.sampled_from(["-", "*", "1."]))
        return "\n".join(f"{marker} {draw(inline())}" for _ in range(draw(st.integers(1, 3))))
    if kind == "tasks":
        return "\n".join(f"- [{draw(st.sampled_from(['x', ' ']))}] {draw(inline())}" for _ in range(2))
    if kind == "admonition":
        kind_name = draw(st.sampled_from([*STYLED_TYPES, "huomio", "Note", "custom"]))
        title = draw(st.sampled_from(["", ' "Otsikko"', ' ""']))
        return f"!!! {kind_name}{title}\n    {text}"
    if kind == "table":
        return f"| a | b |\n|:--|--:|\n| {text.replace('|', '/')} | {draw(words)} |"
    if kind == "code":
        language = draw(st.sampled_from(["", "python", "Python", "JSON", "c++", "html"]))
        return f"```{language}\n{draw(raw_html)}\n```"
    if kind == "footnote":
        return f"[^1]: {text}"
    if kind == "deflist":
        return f"{draw(words)}\n:   {text}"
    if kind == "abbr":
        return f"*[KT]: {draw(words)}"
    if kind == "html":
        return draw(raw_html)
    return text + draw(st.sampled_from(["", "\n{: #kappale}", "\n{: onclick=x}"]))


bodies = st.lists(block(), min_size=1, max_size=5).map(lambda blocks: "\n\n".join(blocks) + "\n")


@settings(
    max_examples=3,  # each example is ONE build of 30 bodies; the explicit one is a fourth
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each step would be a build; the body is printed
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(bodies, min_size=30, max_size=30))
@example(  # one of each kind, refused and accepted, whatever the generator draws
    [
        "## -20 % sairauspoissaoloja\n\n## _luonnos\n\nOtsikko\n=======\n\n- yksi\n---\n",
        '!!! important\n    x\n\n!!! huomio\n    y\n\n!!! tldr "Lyhyesti"\n    z\n',
        "## Hankkeen vaiheet {2019–2021}\n\n## Vaiheet \\{2019\\}\n",
        "![Kuva](kuva.png) [raportti](raportti.pdf) [toinen](toinen-teko.fi.md) [sv](toinen-teko.sv.md)\n",
        "[puuttuu](puuttuu.pdf) ja [040 123 4567](tel:+358401234567) [posti](mailto:a@kt.fi)\n",
        "[x](&#106;avascript:alert(1))\n\nR&D &amp; &copy; &#x3C;b>\n",
        "Teksti[^1]\n\n[^1]: Viite.\n\nTermi\n:   Selitys\n\n*[KT]: Kunta\n\nKT\n",
        "- [x] tehty\n- [ ] kesken\n\n~~pois~~ H~2~O\n",
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n```JSON\n{}\n```\n\n```Python\nx\n```\n",
        "<p>a<card>teksti</card>b</p>\n\n<!-- huom -->\n\n<body>x</body>\n",
        '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<p id="ttSearch">x</p>\n',
        "Kappale\n{: #kappale }\n\nToinen\n{: .huomio }\n\n## Iso {#Iso}\n",
    ]
    + ["Tavallinen kappale.\n"] * 18
)
def test_check_passes_exactly_when_the_build_does_and_both_publish_the_same_html(generated):
    named = {f"g{number}": body for number, body in enumerate(generated)}
    batch = judge_all(Path(tempfile.mkdtemp(prefix="tt-property-")), named, BESIDE)
    for name, body in named.items():
        path = batch.paths[name]
        check, build = sorted(batch.check.problems.get(path, [])), sorted(batch.build.problems.get(path, []))
        assert check == build, f"{body!r}\ncheck: {check}\nbuild: {build}"
        assert batch.check.html[path] == batch.build.html[path], body
