"""Reading editors' files: whatever the bytes, the answer is a problem with a place, never a traceback."""

import datetime as dt

from conftest import act
from tarkeissa.content.load import Layout, load_content

TODAY = dt.date(2026, 11, 24)


def problems_of(project, files):
    p = project(files)
    content = load_content(Layout(p.root, p.root / "docs"), TODAY)
    return content, [(x.path, x.line, x.column, x.field, x.message) for x in content.problems]


def test_bom_and_crlf_are_accepted_and_normalised(project):
    text = "\ufeff" + act().replace("\n", "\r\n")
    content, problems = problems_of(project, {"content/acts/crlf-act.fi.md": text.encode("utf-8")})
    assert problems == []
    entry = content.acts["crlf-act"]["fi"]
    assert entry.values["title"] == "Palvelumuotoilu toi asiakkaan äänen työhön"
    assert "\r" not in entry.body


def test_yaml_syntax_error_keeps_its_real_line(project):
    text = act().replace("organisation: Jämsän kaupunki", 'organisation: "Jämsän kaupunki')
    _, problems = problems_of(project, {"content/acts/broken-yaml.fi.md": text})
    [(path, line, column, field, message)] = problems
    assert (path, field) == ("content/acts/broken-yaml.fi.md", "front matter")
    assert "YAML syntax error" in message
    assert (line, column) == (4, 15)  # where the unclosed quote opens, not where YAML gave up


def test_colon_in_value_points_at_its_line_and_column(project):
    text = act(title="Kunta: uusi malli")
    _, problems = problems_of(project, {"content/acts/colon-title.fi.md": text})
    assert problems == [
        (
            "content/acts/colon-title.fi.md",
            2,
            13,
            "front matter",
            "YAML syntax error: a second ':' on a line, or a line indented too far.",
        )
    ]


def test_missing_empty_and_non_mapping_front_matter(project):
    _, problems = problems_of(
        project,
        {
            "content/acts/no-front-matter.fi.md": "Pelkkä tarina.\n",
            "content/acts/empty-front-matter.fi.md": "---\n---\nTarina.\n",
            "content/acts/list-front-matter.fi.md": "---\n- title\n- summary\n---\n",
            "content/acts/unclosed-front-matter.fi.md": "---\ntitle: Otsikko on tässä\n",
        },
    )
    messages = {path.split("/")[-1]: message for path, _, _, _, message in problems}
    assert messages == {
        "no-front-matter.fi.md": "is missing: the file must start with a '---' line.",
        "empty-front-matter.fi.md": "is empty.",
        "list-front-matter.fi.md": "is a list, not a set of 'field: value' lines.",
        "unclosed-front-matter.fi.md": "is not closed: no second '---' line was found.",
    }


def test_file_that_is_not_utf8(project):
    raw = act().encode("utf-8").replace("Jämsän".encode(), "Jämsän".encode("latin-1"))
    _, problems = problems_of(project, {"content/acts/latin1-act.fi.md": raw})
    [(_path, line, _column, field, message)] = problems
    assert (line, field) == (4, "file")
    assert message == "is not UTF-8 text (byte 0xe4 cannot be read)."


def test_wrong_file_names_and_language_suffixes(project):
    _, problems = problems_of(
        project,
        {
            "content/acts/Iso-Kirjain.fi.md": act(),
            "content/acts/no-language.md": act(),
            "content/acts/english.en.md": act(),
            "content/acts/-leading-dash.fi.md": act(),
            "content/acts/ab.fi.md": act(),
        },
    )
    assert sorted(path.split("/")[-1] for path, *_ in problems) == [
        "-leading-dash.fi.md",
        "Iso-Kirjain.fi.md",
        "ab.fi.md",
        "english.en.md",
        "no-language.md",
    ]
    assert all(field == "file name" for _, _, _, field, _ in problems)


def test_duplicate_key_is_reported_at_the_second_key(project):
    text = act().replace("region: keski-suomi", "region: keski-suomi\nregion: uusimaa")
    _, problems = problems_of(project, {"content/acts/duplicate-key.fi.md": text})
    assert problems == [
        ("content/acts/duplicate-key.fi.md", 7, 1, "region", "is given twice; only the last one would count.")
    ]


def test_impossible_date_is_a_problem_not_a_crash(project):
    _, problems = problems_of(project, {"content/acts/bad-date.fi.md": act(published="2023-02-30")})
    assert problems == [("content/acts/bad-date.fi.md", 9, 12, "published", "'2023-02-30' is not a real date.")]


NASTY_FRONT_MATTER = [
    "1: numeric key\n",
    "title: [a, list]\n",
    "? [complex, key]\n: value\n",
    "title: !!python/object:os.system x\n",
    "awards: [2019]\n",
    "awards: [{year: 2019, series: x, extra: 1}]\n",
    "image: kuva.jpg\n",
    "contact: [a, b]\n",
    "themes: [[nested]]\n",
    "themes: [{a: b}]\n",
    "published: 2024-05-16 10:00:00\n",
    "draft: null\n",
    "title: &a x\nsummary: *a\n",
    "title: |\n  multi\n  line\n",
    "\t title: tab\n",
    "title: x\ntitle: y\n",
    "campaign: Kampanja Väärin\n",
    'title: "unterminated\n',
    "---\n",
    "title: x\n...\n",
    ": empty key\n",
]


def test_no_input_crashes_the_reader_and_each_gets_a_problem(project):
    files = {
        f"content/acts/nasty-{i:02d}.fi.md": "---\n" + text + "---\nTarina.\n"
        for i, text in enumerate(NASTY_FRONT_MATTER)
    }
    files["docs/nasty-page.fi.md"] = "---\ntype: blog\ntitle: x\n---\n"
    p = project(files)
    content = load_content(Layout(p.root, p.root / "docs"), TODAY)
    assert {problem.path for problem in content.problems} == set(files)
    assert all(problem.line >= 1 and problem.column >= 1 and problem.hint for problem in content.problems)


def test_what_the_yaml_parser_found_is_said_in_the_files_language(project):
    from tarkeissa.content.source import read_source

    p = project(
        {"content/acts/lista.sv.md": "---\ntitle: [a, b\n---\n", "content/acts/lista.fi.md": "---\ntitle: [a, b\n---\n"}
    )
    for lang, words in (("sv", "en lista inom [ ] stängs inte"), ("fi", "hakasulkeissa [ ] oleva luettelo jää auki")):
        _, [problem] = read_source(p.root / f"content/acts/lista.{lang}.md", f"content/acts/lista.{lang}.md")
        message, hint = problem.text()
        assert words in message and "expected" not in message and hint
