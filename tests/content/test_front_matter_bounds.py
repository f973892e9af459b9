"""Reading front matter does bounded work whatever an editor writes: each pathological input is a
problem naming the file and the place, found in well under two seconds, never a hang or a traceback."""

from __future__ import annotations

import contextlib
import datetime as dt
import resource
import signal
import time
from collections.abc import Mapping

import pytest
from conftest import act, run
from tarkeissa.content import source
from tarkeissa.content.load import Layout, load_content

TODAY = dt.date(2026, 11, 24)
BOUND = 2.0  # CPU seconds; each of these takes milliseconds


@contextlib.contextmanager
def bounded(seconds: float = BOUND):
    """Fail if the block spends more than `seconds` of CPU time (the work itself: a loaded machine's
    clock would make this flaky), and rather than hang the test run, stop it after a minute."""

    def too_slow(*_):
        raise TimeoutError("still reading after 60 s")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, 60)
    start = time.process_time()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.process_time() - start < seconds


def read(project, files: Mapping[str, str | bytes]):
    p = project(files)
    with bounded():
        content = load_content(Layout(p.root, p.root / "docs"), TODAY)
    return content, [problem for problem in content.problems if problem.path in files]


def front(yaml_text: str) -> str:
    return "---\n" + yaml_text + "---\n\nTarina.\n"


# 'Billion laughs': nine levels of nine aliases each, 9**9 values once composed.
LAUGHS = "a0: &a0 [haha]\n" + "".join(
    f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]\n" for level in range(1, 10)
)
ANCHOR = "uses a YAML anchor or alias (&name / *name), which the site does not support."
TOO_DEEP = "nests lists or groups of fields more than 20 levels deep."

PATHOLOGICAL = {
    # name: (front matter, line, column, field, start of the message)
    "alias-bomb": ("title: Naurua\n" + LAUGHS, 3, 5, "front matter", ANCHOR),
    "one-alias": ("title: &otsikko Naurua\nsummary: *otsikko\n", 2, 8, "front matter", ANCHOR),
    "undefined-alias": ("title: *otsikko\n", 2, 8, "front matter", ANCHOR),
    # the top-level group is level 1, so the 20th '[' (column 23) is level 21
    "flow-lists-500": ("x: " + "[" * 500 + "]" * 500 + "\n", 2, 23, "front matter", TOO_DEEP),
    "flow-groups-500": ("x: " + "{a: " * 500 + "1" + "}" * 500 + "\n", 2, 4 + 19 * 4, "front matter", TOO_DEEP),
    # levels alternate: the 10th "[a: "'s one-pair group (its "a") is level 21
    "flow-one-pair-groups": ("x: " + "[a: " * 500 + "1" + "]" * 500 + "\n", 2, 5 + 9 * 4, "front matter", TOO_DEEP),
    "open-brackets-60kb": ("x: " + "[" * 60_000 + "\n", 2, 23, "front matter", TOO_DEEP),
    "block-sequences-500": ("x:\n  " + "- " * 500 + "a\n", 3, 3 + 19 * 2, "front matter", TOO_DEEP),
    "block-lines-350": (
        "x:\n" + "".join(" " * depth + "-\n" for depth in range(1, 351)),
        22,
        21,
        "front matter",
        TOO_DEEP,
    ),
    "front-matter-1mb": (
        "title: " + "a" * (1 << 20) + "\n",
        1,
        1,
        "front matter",
        "is 1,048,583 characters long; the site reads at most 65,536 (64 KB).",
    ),
    "nul-in-line-5": (
        "title: Otsikko\nsummary: Tiivistelmä\norganisation: Kunta\nregion: uusi\0maa\n",
        5,
        13,
        "file",
        "contains a NUL character (byte 0), which text files do not have.",
    ),
    "control-character": (
        "title: Otsik\x01ko\n",
        2,
        13,
        "front matter",
        "contains the control character U+0001, which YAML does not allow.",
    ),
    "int-5000-digits": (
        "awards: [{year: " + "9" * 5000 + "}]\n",
        2,
        17,
        "front matter",
        "has a number 5,000 characters long; the site reads numbers of at most 100.",
    ),
    "base-60-int": ("year: 1" + ":59" * 20_000 + "\n", 2, 7, "front matter", "has a number 60,001 characters"),
    "tagged-text-as-int": ("year: !!int vuosi\n", 2, 7, "front matter", "'vuosi' cannot be read as a whole number."),
    "tagged-text-as-bool": ("draft: !!bool ehkä\n", 2, 8, "front matter", "'ehkä' cannot be read as true or false."),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_front_matter_is_one_problem_at_its_place(project, name):
    text, line, column, field, message = PATHOLOGICAL[name]
    path = f"content/acts/{name}.fi.md"
    _, problems = read(project, {path: front(text)})
    [problem] = problems
    assert (problem.path, problem.line, problem.column, problem.field) == (path, line, column, field)
    assert problem.message.startswith(message)
    assert problem.hint


def test_a_nul_in_the_story_is_reported_at_its_line(project):
    path = "content/acts/nul-in-story.fi.md"
    _, problems = read(project, {path: act() + "\nToinen kappale.\nKol\0mas.\n"})
    assert [(p.line, p.column, p.field) for p in problems] == [(17, 4, "file")]
    assert "Delete it" in problems[0].hint


def test_huge_dates_and_odd_offsets_are_ordinary_date_problems(project):
    files = {
        "content/acts/huge-year.fi.md": act(published="9999999999-01-01"),
        "content/acts/odd-offset.fi.md": act(published="2024-01-01 10:00:00 +99:00"),
    }
    _, problems = read(project, files)
    assert sorted((p.path, p.line, p.column, p.field, p.message) for p in problems) == [
        (
            "content/acts/huge-year.fi.md",
            9,
            12,
            "published",
            "'9999999999-01-01' is not a date in the form YYYY-MM-DD.",
        ),
        (
            "content/acts/odd-offset.fi.md",
            9,
            12,
            "published",
            "'2024-01-01 10:00:00 +99:00' is not a date in the form YYYY-MM-DD.",
        ),
    ]


def test_twenty_levels_are_read_and_the_deepest_ones_still_found_without_recursion(project, monkeypatch):
    # 20 levels in all is within the limit (and no field takes it)
    _, problems = read(project, {"content/acts/deep-20.fi.md": act(extra="[" * 19 + "]" * 19)})
    assert [p.message for p in problems] == ["is not a known field."]
    # with the size limit out of the way, 500 indented lines are still one problem, no RecursionError
    monkeypatch.setattr(source, "MAX_SIZE", 1 << 20)
    text = front("x:\n" + "".join("  " * depth + "-\n" for depth in range(1, 501)))
    with bounded():
        _, [problem] = source.parse_text(text, source.SourceDocument("deep.fi.md"))
    assert (problem.line, problem.column, problem.message) == (22, 41, TOO_DEEP)


def test_ampersands_and_asterisks_in_values_are_plain_text(project):
    values = {
        "title": '"A & B: *tärkeä* asia"',
        "organisation": "Q&A Oy",
        "municipality": "Jämsä*",
        "summary": "Työyhteisö & asiakkaat kehittivät palvelua yhdessä 5*5 kertaa.",
        "contact": '{name: "&Maija", email: maija@kunta.fi}',
    }
    content, problems = read(project, {"content/acts/ampersand.fi.md": act(**values)})
    assert problems == []
    entry = content.acts["ampersand"]["fi"].values
    assert (entry["title"], entry["organisation"], entry["municipality"], entry["contact"]["name"]) == (
        "A & B: *tärkeä* asia",
        "Q&A Oy",
        "Jämsä*",
        "&Maija",
    )
    assert entry["summary"] == "Työyhteisö & asiakkaat kehittivät palvelua yhdessä 5*5 kertaa."


def test_an_unexpected_error_names_the_file_and_the_bug(project, monkeypatch):
    def broken(*_):
        raise KeyError("surprise")

    monkeypatch.setattr(source, "_read", broken)
    path = "content/acts/any-act.fi.md"
    _, [problem] = read(project, {path: act()})
    assert (problem.path, problem.line, problem.field) == (path, 1, "file")
    assert problem.message == "could not be read: KeyError. This is a bug in the site's build, not in your file."


@pytest.mark.parametrize(
    "email",
    [
        "x?bcc=evil@x.fi&body=...@kunta.fi",
        "maija%0Abcc@kunta.fi",
        "maija..virtanen@kunta.fi",
        ".maija@kunta.fi",
        "maija.@kunta.fi",
        "maija@-kunta.fi",
        "maija@kunta-.fi",
        "maija@kunta",
        "maija@kunta.f1",
        "maija virtanen@kunta.fi",
        "maija@kunta..fi",
        "<maija@kunta.fi>",
        "a" * 250 + "@kunta.fi",
    ],
)
def test_an_email_that_is_more_than_an_address_is_refused(project, email):
    _, [problem] = read(project, {"content/acts/mail.fi.md": act(contact=f'{{name: Maija, email: "{email}"}}')})
    assert (problem.field, problem.message) == ("contact.email", f"'{email}' is not a valid e-mail address.")
    assert "etunimi.sukunimi@kunta.fi" in problem.hint


@pytest.mark.parametrize(
    "email",
    [
        "etunimi.sukunimi@kunta.fi",
        "maija+tekot@hyvinvointialue.fi",
        "m_v-1@palvelut.sub-domain.kunta.fi",
        "MAIJA@KUNTA.FI",
    ],
)
def test_ordinary_email_addresses_pass(project, email):
    _, problems = read(project, {"content/acts/mail.fi.md": act(contact=f"{{name: Maija, email: {email}}}")})
    assert problems == []


def test_check_reports_pathological_files_and_exits_1_without_a_traceback(project):
    names = ("alias-bomb", "open-brackets-60kb", "block-sequences-500", "nul-in-line-5", "int-5000-digits")
    p = project({f"content/acts/{name}.fi.md": front(PATHOLOGICAL[name][0]) for name in names})
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run(p.root, "check")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the whole CLI, started cold, in CPU seconds (its clock time depends on the machine's load)
    assert (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) < 30
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for name in names:
        _, line, column, field, message = PATHOLOGICAL[name]
        assert f"content/acts/{name}.fi.md:{line}:{column}: {field}: {message}" in result.stdout
    assert result.stdout.endswith("5 problem(s) in 5 file(s).\n")


def test_a_comment_in_front_matter_is_told_at_its_place_and_a_hash_in_a_value_is_not(project):
    commented = act(region="keski-suomi  # tarkista", title="'Teko #1'") + "\n# Otsikko, ei kommentti\n"
    files = {"content/acts/kommentti.fi.md": commented, "content/acts/ilman-kommenttia.fi.md": act()}
    _, problems = read(project, files)
    assert [(p.path, p.line, p.column, p.rule) for p in problems] == [
        ("content/acts/kommentti.fi.md", 6, 22, "front-matter.comment")
    ]
