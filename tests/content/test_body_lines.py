"""Every problem of a body names the line and column of the text that causes it, also where an
extension or an entity reference changed that text before the policy saw it."""

import pytest
from tarkeissa.content.body_policy import check_body

PATH = "content/acts/x.fi.md"
FIRST = 11  # the file's line of the body's first line


@pytest.mark.parametrize(
    "kind, body, rule, line, column",
    [
        ("entity reference", "Alku.\n\nToinen.\n\n[x](&#106;avascript:alert(1))\n", "body.refused-link", 5, 5),
        ("hex entity", "Alku.\n\n[x](&#x6A;avascript:alert(1))\n", "body.refused-link", 3, 5),
        ("backslash escape", "Alku.\n\n[x](java\\script:x)\n", "body.refused-link", 3, 5),
        ("admonition", "Huomio: tärkeää.\n\n!!! huomio\n    Teksti.\n", "body.unknown-admonition", 3, 1),
        ("admonition title", 'Teksti.\n\n!!! note huomio "Otsikko"\n    x\n', "body.unknown-admonition", 3, 1),
        ("generated heading id", "Alku.\n\n## __Tärkeä asia\n", "body.refused-id", 3, 1),
        ("setext heading id", "Alku.\n\n__Tärkeä asia\n-------------\n", "body.refused-id", 3, 1),
        ("braces in a heading", "## Alku\n\n## Vaiheet {2019–2021}\n", "body.braces-in-text", 3, 12),
        ("attr_list on a paragraph", "Alku.\n\nKappale\n{: onclick=x }\n", "body.refused-event-handler", 4, 4),
        ("footnote", "Teksti[^1].\n\nLisää.\n\n[^1]: [x](javascript:y)\n", "body.refused-link", 5, 11),
        ("definition list", "Termi\n:   [x](javascript:y)\n", "body.refused-link", 2, 9),
        ("missing file", "Alku.\n\n![Kuva](puuttuu.png)\n", "body.link-not-found", 3, 9),
        ("lost text", "Teksti on tässä.\n\n<p>a<card>teksti</card>b</p>\n", "body.text-lost", 3, 11),
        ("comment", "Alku.\n\n<!-- muistiinpano -->\n", "body.refused-comment", 3, 1),
        ("processing instruction", 'Alku.\n\n<?xml version="1.0"?>\n', "body.refused-comment", 3, 1),
        ("stray body", "Alku.\n\n<body>x</body>\n", "body.refused-element", 3, 1),
        ("table cell", "| a | b |\n|---|---|\n| 1 | [x](javascript:y) |\n", "body.refused-link", 3, 11),
    ],
)
def test_each_kind_of_problem_is_reported_at_the_line_and_column_of_its_text(kind, body, rule, line, column):
    found = [problem for problem in check_body(body, PATH, FIRST) if problem.rule == rule]
    assert found, (kind, check_body(body, PATH, FIRST))
    assert (found[0].line, found[0].column) == (FIRST + line - 1, column), kind
