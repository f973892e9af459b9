"""No two things the site writes share an address: each collision is one problem at the editor's file."""

from __future__ import annotations

import datetime as dt

from conftest import ROOT, VOCABULARIES, act
from tarkeissa.content import languages
from tarkeissa.content.load import Layout, load_content
from tarkeissa.pages.site_model import check_site

TODAY = dt.date(2026, 11, 24)
TERM_LINE = {"tyohyvinvointi": 2, "palvelumuotoilu": 3, "johtaminen": 4}  # in conftest.VOCABULARIES


def doc(title: str, extra: str = "") -> str:
    """A hand-written page (conftest's `page` helper is shadowed by its browser fixture)."""
    return f"---\ntitle: {title}\n{extra}---\n\nTekstiä.\n"


def site_problems(root):
    content = load_content(Layout(root, root / "docs"), TODAY)
    return content.problems + check_site(content)


def the_problem(project, files):
    """The one problem this content has, as (path, line, field, message)."""
    found = site_problems(project(files).root)
    assert len(found) == 1, [problem.as_text() for problem in found]
    return found[0].path, found[0].line, found[0].field, found[0].message


def failed_build(p, *expected):
    result = p.build()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    return result


def vocabularies(old: str, new: str) -> dict[str, str]:
    assert old in VOCABULARIES
    return {"content/vocabularies.yml": VOCABULARIES.replace(old, new)}


def test_a_swedish_label_without_letters_is_reported_at_its_term(project):
    p = project()
    for label in ('"😀"', '"---"'):
        p.write("content/vocabularies.yml", VOCABULARIES.replace("sv: Ledarskap}", f"sv: {label}}}", 1))
        found = site_problems(p.root)
        assert [(x.path, x.line, x.field) for x in found] == [
            ("content/vocabularies.yml", TERM_LINE["johtaminen"], "themes.johtaminen.sv")
        ]
        assert found[0].message.startswith(f"'{label[1:-1]}' has no letters or digits")
    failed_build(p, "content/vocabularies.yml:4:", "themes.johtaminen.sv", "fix: Write a label with letters")


def test_two_labels_with_one_slug_are_reported_once(project):
    path, line, field, message = the_problem(
        project,
        vocabularies(
            "palvelumuotoilu: {fi: Palvelumuotoilu, sv: Tjänstedesign}",
            'palvelumuotoilu: {fi: Palvelumuotoilu, sv: "ledarskap!"}',
        ),
    )
    assert (path, line, field) == ("content/vocabularies.yml", TERM_LINE["johtaminen"], "themes.johtaminen")
    assert message == "has the same sv label as 'palvelumuotoilu'."


def test_a_page_at_a_finnish_term_page_is_reported_at_the_page(project):
    assert the_problem(project, {"docs/teemat/tyohyvinvointi.fi.md": doc("Työhyvinvoinnin opas")}) == (
        "docs/teemat/tyohyvinvointi.fi.md",
        1,
        "file name",
        (
            "gives the address /teemat/tyohyvinvointi/, which the page of the term 'tyohyvinvointi' in themes "
            "(content/vocabularies.yml) already has."
        ),
    )


def test_a_page_whose_slug_lands_on_a_swedish_term_page_is_reported_at_the_slug(project):
    p = project({"docs/teman/om.sv.md": doc("Om arbetsvälbefinnande", "slug: arbetsvalbefinnande\n")})
    found = site_problems(p.root)
    assert [(x.path, x.line, x.column, x.field) for x in found] == [("docs/teman/om.sv.md", 3, 7, "slug")]
    assert "/sv/teman/arbetsvalbefinnande/" in found[0].message and "'tyohyvinvointi' in themes" in found[0].message
    failed_build(p, "docs/teman/om.sv.md:3:7: slug: gives the address /sv/teman/arbetsvalbefinnande/")


def test_a_page_at_a_paginated_term_page_is_reported(project):
    acts = {f"content/acts/teko-{n:03d}.fi.md": act(themes="[tyohyvinvointi]") for n in range(51)}
    at_page_2 = {"docs/teemat/tyohyvinvointi/2.fi.md": doc("Toinen sivu")}
    assert the_problem(project, {**acts, **at_page_2}) == (
        "docs/teemat/tyohyvinvointi/2.fi.md",
        1,
        "file name",
        (
            "gives the address /teemat/tyohyvinvointi/2/, which page 2 of the term 'tyohyvinvointi' in themes "
            "(content/vocabularies.yml) already has."
        ),
    )


def test_with_one_page_of_acts_the_term_has_no_second_page(project):
    acts = {f"content/acts/teko-{n:03d}.fi.md": act(themes="[tyohyvinvointi]") for n in range(50)}
    assert site_problems(project({**acts, "docs/teemat/tyohyvinvointi/2.fi.md": doc("Toinen sivu")}).root) == []


def test_a_former_id_onto_a_hand_written_page_is_reported_at_redirect_from(project):
    p = project(
        {
            "content/acts/uusi-nimi.fi.md": act(redirect_from="[vanha-nimi]"),
            "content/acts/uusi-nimi.sv.md": act(title="Nytt namn på gärningen", redirect_from="[vanha-nimi]"),
            "docs/garningar/vanha-nimi.sv.md": doc("En sida på den gamla adressen"),
        }
    )
    found = site_problems(p.root)
    assert [(x.path, x.line, x.column, x.field, x.message) for x in found] == [
        (
            "content/acts/uusi-nimi.sv.md",
            10,
            17,
            "redirect_from.0",
            (
                "'vanha-nimi' would redirect from /sv/garningar/vanha-nimi/, the address of "
                "docs/garningar/vanha-nimi.sv.md."
            ),
        )
    ]
    failed_build(
        p, "content/acts/uusi-nimi.sv.md:10:17: redirect_from.0:", "fix: Remove 'vanha-nimi' from redirect_from"
    )


def test_a_former_id_content_already_rejects_is_reported_once(project):
    found = site_problems(
        project(
            {
                "content/acts/uusi-nimi.fi.md": act(redirect_from="[olemassa-oleva]"),
                "content/acts/olemassa-oleva.fi.md": act(),
            }
        ).root
    )
    assert [(x.path, x.field) for x in found] == [("content/acts/uusi-nimi.fi.md", "redirect_from.0")]


def test_a_former_id_onto_a_term_page_is_reported(project, monkeypatch):
    """Former ids are single path segments under teot/ and tyokalut/, so today none reaches a term page;
    with the themes filed under the acts' section, the one address map catches it all the same."""
    monkeypatch.setitem(languages.SECTIONS, "themes", dict(languages.SECTIONS["act"]))
    found = site_problems(project({"content/acts/uusi-nimi.fi.md": act(redirect_from="[johtaminen]")}).root)
    assert [(x.path, x.line, x.field, x.message) for x in found] == [
        (
            "content/acts/uusi-nimi.fi.md",
            10,
            "redirect_from.0",
            (
                "'johtaminen' would redirect from /teot/johtaminen/, the address of the page of the term 'johtaminen' "
                "in themes (content/vocabularies.yml)."
            ),
        )
    ]


def test_the_starter_content_has_no_collision():
    assert site_problems(ROOT) == []
