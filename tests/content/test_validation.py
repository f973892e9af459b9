"""The schema's rules, each as an editor meets it: the field, what is wrong, how to fix it."""

import datetime as dt

import pytest
from conftest import act
from tarkeissa.content.load import Layout, load_content

TODAY = dt.date(2026, 11, 24)


def check(project, files):
    p = project(files)
    return load_content(Layout(p.root, p.root / "docs"), TODAY).problems


def one(project, **fields):
    problems = check(project, {"content/acts/the-act.fi.md": act(**fields)})
    assert len(problems) == 1, problems
    return problems[0]


def test_valid_act_has_no_problems(project):
    assert check(project, {"content/acts/the-act.fi.md": act(municipality="Jämsä")}) == []


def test_unknown_term_names_the_closest_allowed_terms(project):
    problem = one(project, themes="[tyohyvinvoinit]")
    assert (problem.line, problem.column, problem.field) == (8, 10, "themes.0")
    assert problem.message == "'tyohyvinvoinit' is not a term of themes."
    assert problem.hint.startswith("Did you mean 'tyohyvinvointi'?")


def test_a_label_written_instead_of_the_slug_is_matched(project):
    problem = one(project, region="Keski-Suomi")
    assert "'keski-suomi'" in problem.hint


def test_missing_required_field_points_at_the_end_of_front_matter(project):
    problem = one(project, region=None)
    assert (problem.line, problem.field, problem.message) == (9, "region", "is required but missing.")
    assert "region:" in problem.hint


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"title": "123456"}, "title", "must be text, not a number (123456)."),
        ({"title": "Lyhy"}, "title", "is 4 characters long; it must be 5–120 characters."),
        (
            {"summary": "Tämä on **tärkeä** juttu, jota ei kannata ohittaa."},
            "summary",
            "must be plain text, but contains markup '**'.",
        ),
        (
            {"summary": "Katso <b>tämä</b> teko, se on tosi hyvä."},
            "summary",
            "must be plain text, but contains markup '<b'.",
        ),
        ({"themes": "palvelumuotoilu"}, "themes", "must be a list of terms, not text ('palvelumuotoilu')."),
        ({"themes": "[palvelumuotoilu, palvelumuotoilu]"}, "themes.1", "lists 'palvelumuotoilu' twice."),
        ({"themes": "[]"}, "themes", "has 0 terms; it must have 1–5."),
        ({"region": "[uusimaa]"}, "region", "takes one term, not a list."),
        ({"published": "2027-01-01"}, "published", "2027-01-01 is in the future (the build date is 2026-11-24)."),
        ({"published": "16.5.2023"}, "published", "'16.5.2023' is not a date in the form YYYY-MM-DD."),
        ({"draft": "kyllä"}, "draft", "must be true or false, not text ('kyllä')."),
        (
            {"contact": "{name: Maija, email: maija(at)kunta.fi}"},
            "contact.email",
            "'maija(at)kunta.fi' is not a valid e-mail address.",
        ),
        ({"contact": "{name: Maija}"}, "contact.email", "is required but missing."),
        ({"awards": "[{year: 2014, series: innostavat-teot}]"}, "awards.0.year", "2014 is outside 2015–2026."),
        ({"awards": "[{year: 2019, series: parhaat}]"}, "awards.0.series", "'parhaat' is not a term of award_series."),
        ({"awards": "{year: 2019}"}, "awards", "must be a list, not a group of fields."),
        (
            {"image": "{src: puuttuu.jpg, alt: Kuva}"},
            "image.src",
            "the file 'puuttuu.jpg' does not exist beside this file.",
        ),
        (
            {"image": "{src: ../../secret.png, alt: Kuva}"},
            "image.src",
            "'../../secret.png' must be a file name beside the content file.",
        ),
        ({"campaign": "olematon"}, "campaign", "no campaign page has the id 'olematon'."),
        ({"colour": "sininen"}, "colour", "is not a known field."),
    ],
)
def test_field_rules(project, fields, field, message):
    problem = one(project, **fields)
    assert (problem.field, problem.message) == (field, message)
    assert problem.hint


def test_unknown_field_suggests_the_field_meant(project):
    problem = one(project, organization="Jämsä")
    assert problem.hint.startswith("Did you mean 'organisation'?")
    assert (problem.line, problem.column) == (10, 1)


def test_image_beside_the_file_and_alt_required(project):
    problems = check(
        project,
        {
            "content/acts/the-act.fi.md": act(image="{src: kuva.svg, alt: ''}"),
            "content/acts/kuva.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        },
    )
    assert [(p.field, p.message) for p in problems] == [("image.alt", "is empty.")]


def test_tool_and_campaign_rules(project):
    tool = (
        "---\ntitle: Kuormituksen hallinnan työkirja\nsummary: Työkirja esihenkilöille kuormituksen hallintaan.\n"
        "topics: [johtaminen]\nformat: opas\nsource: {organisation: KT, url: 'http://www.kt.fi/'}\n"
        "updated: 2024-03-12\n---\nTeksti.\n"
    )
    campaign = (
        "---\ntype: campaign\ntitle: Suomen tärkein sijoitus\nsummary: Kampanja julkisen työn merkityksen puolesta.\n"
        "start: 2023-05-16\nend: 2023-05-01\nhashtag: tärkeinsijoitus\n---\nTeksti.\n"
    )
    problems = check(project, {"content/tools/tyokirja.fi.md": tool, "docs/campaigns/sijoitus.fi.md": campaign})
    assert sorted((p.path, p.field, p.message) for p in problems) == [
        ("content/tools/tyokirja.fi.md", "source.url", "'http://www.kt.fi/' is not an https:// address."),
        ("docs/campaigns/sijoitus.fi.md", "end", "2023-05-01 is before start 2023-05-16."),
        ("docs/campaigns/sijoitus.fi.md", "hashtag", "must start with '#'."),
    ]


def test_language_versions_must_agree_on_classification(project):
    problems = check(
        project,
        {
            "content/acts/the-act.fi.md": act(),
            "content/acts/the-act.sv.md": act(title="Tjänstedesign i kundservicen", region="uusimaa"),
        },
    )
    assert [(p.path, p.field, p.message) for p in problems] == [
        ("content/acts/the-act.sv.md", "region", "differs from the Finnish version (content/acts/the-act.fi.md).")
    ]


def test_removing_a_term_in_use_names_every_file_that_uses_it(project):
    from conftest import VOCABULARIES

    p = project(
        {
            "content/acts/first-act.fi.md": act(themes="[johtaminen]"),
            "content/acts/second-act.sv.md": act(title="Ledarskap i vardagen", themes="[johtaminen, palvelumuotoilu]"),
        }
    )
    p.write(
        "content/vocabularies.yml",
        VOCABULARIES.replace("  johtaminen: {fi: Johtaminen, sv: Ledarskap}\nsectors", "sectors"),
    )
    problems = load_content(Layout(p.root, p.root / "docs"), TODAY).problems
    assert sorted((x.path, x.field) for x in problems) == [
        ("content/acts/first-act.fi.md", "themes.0"),
        ("content/acts/second-act.sv.md", "themes.0"),
    ]
