"""A translation says only what differs: the shared fields come from its counterpart."""

import datetime as dt

from conftest import act, run
from tarkeissa.content.load import Layout, load_content

TODAY = dt.date(2026, 11, 24)
SWEDISH_ONLY_TEXT = """---
title: Tjänstedesign gav kunden en röst
summary: Arbetsgemenskapen utvecklade sin kundservice tillsammans med kunderna.
organisation: Jämsä stad
---

## Utgångsläge

Berättelsen börjar.
"""


def load(project, files):
    p = project(files)
    return p, load_content(Layout(p.root, p.root / "docs"), TODAY)


def test_a_translation_without_the_shared_fields_takes_them_from_its_counterpart(project):
    p, content = load(
        project,
        {
            "content/acts/the-act.fi.md": act(themes="[palvelumuotoilu, johtaminen]"),
            "content/acts/the-act.sv.md": SWEDISH_ONLY_TEXT,
        },
    )
    assert content.problems == []
    fi, sv = content.acts["the-act"]["fi"], content.acts["the-act"]["sv"]
    for name in ("organisation_type", "region", "sector", "themes", "published"):
        assert sv.values[name] == fi.values[name]
    result = p.build()
    assert result.returncode == 0, result.stderr
    swedish = p.html("sv/garningar/the-act")
    assert "Ledarskap" in swedish and "Mellersta Finland" in swedish  # the Finnish file's terms, in Swedish
    assert "Tjänstedesign gav kunden en röst" in swedish


def test_a_shared_field_given_in_both_must_still_agree(project):
    _, content = load(
        project,
        {
            "content/acts/the-act.fi.md": act(),
            "content/acts/the-act.sv.md": SWEDISH_ONLY_TEXT.replace(
                "organisation: Jämsä stad\n", "organisation: Jämsä stad\nregion: uusimaa\n"
            ),
        },
    )
    assert [(p.path, p.field) for p in content.problems] == [("content/acts/the-act.sv.md", "region")]
    assert "differs from the Finnish version" in content.problems[0].message


def test_a_wrong_shared_value_is_reported_at_the_counterpart_where_it_is_written(project):
    fi = act(themes="[palvelumuotoilu, tyohyvinvoinit]")
    _, content = load(project, {"content/acts/the-act.fi.md": fi, "content/acts/the-act.sv.md": SWEDISH_ONLY_TEXT})
    [problem] = content.problems
    assert (problem.path, problem.field) == ("content/acts/the-act.fi.md", "themes.1")
    assert problem.line == fi.splitlines().index("themes: [palvelumuotoilu, tyohyvinvoinit]") + 1


def test_an_item_in_one_language_still_needs_every_required_field(project):
    _, content = load(project, {"content/acts/the-act.sv.md": SWEDISH_ONLY_TEXT})
    missing = sorted(p.field for p in content.problems if p.path == "content/acts/the-act.sv.md")
    assert missing == ["organisation_type", "published", "region", "sector", "themes"]
    assert all("required but missing" in p.message for p in content.problems)


def test_both_versions_missing_a_shared_field_are_each_told(project):
    fi = act(region=None)
    _, content = load(project, {"content/acts/the-act.fi.md": fi, "content/acts/the-act.sv.md": SWEDISH_ONLY_TEXT})
    assert sorted((p.path, p.field) for p in content.problems) == [
        ("content/acts/the-act.fi.md", "region"),
        ("content/acts/the-act.sv.md", "region"),
    ]


def test_new_also_writes_the_translation_without_the_shared_fields(project):
    p = project()
    result = run(p.root, "new", "act", "Näin kehitimme palvelua", "--lang", "fi", "--also", "sv")
    assert result.returncode == 0, result.stderr
    sv = (p.root / "content/acts/nain-kehitimme-palvelua.sv.md").read_text(encoding="utf-8")
    front = sv.split("---\n")[1]
    assert not [
        line
        for line in front.splitlines()
        if line.split(":")[0] in ("themes", "region", "sector", "organisation_type", "published")
    ]
    assert front.startswith('title: ""\n')  # the canonical form: no comment, the texts to translate, empty
    checked = run(p.root, "check", "content/acts/nain-kehitimme-palvelua.sv.md")
    assert "themes" not in checked.stdout and "region" not in checked.stdout  # the Finnish file answers for them


# What the web editor writes for the language left empty: the shared fields only, and `draft: false`.
UNTRANSLATED = """---
organisation_type: kunta
region: keski-suomi
sector: sosiaalipalvelut
themes:
  - palvelumuotoilu
published: 2024-05-16
draft: false
---
"""


def test_a_translation_with_no_text_yet_is_no_page_and_no_problem(project):
    p, content = load(project, {"content/acts/the-act.fi.md": act(), "content/acts/the-act.sv.md": UNTRANSLATED})
    assert content.problems == []
    assert list(content.acts["the-act"]) == ["fi"]
    assert content.untranslated == ["content/acts/the-act.sv.md"]
    result = p.build()
    assert result.returncode == 0, result.stderr
    assert "Palvelumuotoilu toi asiakkaan äänen työhön" in p.html("teot/the-act")
    assert not (p.root / "site/sv/garningar/the-act").exists()


def test_a_translation_with_no_text_must_still_agree(project):
    _, content = load(
        project,
        {
            "content/acts/the-act.fi.md": act(),
            "content/acts/the-act.sv.md": UNTRANSLATED.replace("keski-suomi", "uusimaa"),
        },
    )
    assert [(p.path, p.field, p.rule) for p in content.problems] == [
        ("content/acts/the-act.sv.md", "region", "translation.differs")
    ]


def test_a_file_with_no_text_alone_is_told_what_it_lacks(project):
    _, content = load(project, {"content/acts/alone.sv.md": UNTRANSLATED})
    assert {"title", "summary", "organisation"} <= {p.field for p in content.problems}


def test_a_translation_with_any_text_of_its_own_is_checked_in_full(project):
    _, content = load(
        project, {"content/acts/the-act.fi.md": act(), "content/acts/the-act.sv.md": UNTRANSLATED + "\nEn mening.\n"}
    )
    assert {"title", "summary", "organisation"} <= {
        p.field for p in content.problems if p.path == "content/acts/the-act.sv.md"
    }
