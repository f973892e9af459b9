"""Raw HTML that could run code in a reader's browser is an error; harmless HTML and code samples are not."""

import pytest

from tarkeissa.body_safety import check_body


@pytest.mark.parametrize("body, line, message", [
    ("Teksti.\n\n<script>alert(1)</script>\n", 13, "contains a <script> element, which could run code."),
    ('<img src="x.png" onerror="alert(1)">\n', 11, "has an event-handler attribute 'onerror' on <img>."),
    ('Katso [tämä](javascript:alert(1)).\n', 11, "has a 'javascript:' link, which runs code."),
    ('<a href=" JavaScript:alert(1)">x</a>\n', 11, "has a 'href' that runs code on <a>."),
    ('[viite]: javascript:alert(1)\n', 11, "has a 'javascript:' link, which runs code."),
    ('<iframe src="https://evil.example/x"></iframe>\n', 11,
     "embeds an <iframe> from 'evil.example', which is not allowed."),
])
def test_dangerous_html_is_reported_with_its_line(body, line, message):
    [problem] = check_body(body, "content/acts/x.fi.md", first_line=11)
    assert (problem.line, problem.field, problem.message) == (line, "body", message)
    assert problem.hint


@pytest.mark.parametrize("body", [
    "Tavallinen <em>korostus</em> ja <abbr title='Kunta-alan'>KT</abbr>.\n",
    '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>\n',
    "```html\n<script>alert(1)</script>\n```\n",
    "Koodina `<script>` ja `javascript:` ovat tekstiä.\n",
    "Linkki [KT:n sivuille](https://www.kt.fi/) ja aika 12:30.\n",
])
def test_harmless_html_and_code_samples_pass(body):
    assert check_body(body, "content/acts/x.fi.md", first_line=11) == []
