"""`tarkeissa new`: a skeleton that check rejects until the marked fields are filled, then accepts."""

from __future__ import annotations

import re

import yaml
from conftest import run

TITLE = "Näin kehitimme palvelua"


def fill(text: str, values: dict[str, str]) -> str:
    """What an editor does: write a value after each marked field's name."""
    for name, value in values.items():
        text, count = re.subn(rf"^(\s*){name}:.*$", rf"\g<1>{name}: {value}", text, count=1, flags=re.MULTILINE)
        assert count == 1, name
    return text


def test_new_act_fails_check_on_each_marked_field_until_filled(project):
    p = project()
    result = run(p.root, "new", "act", TITLE, "--lang", "fi")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("created content/acts/nain-kehitimme-palvelua.fi.md\n")
    path = p.root / "content/acts/nain-kehitimme-palvelua.fi.md"
    text = path.read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    marked = list(yaml.safe_load(front))  # every required field, in the schema's order, and no comment
    assert marked == [
        "title",
        "summary",
        "organisation",
        "organisation_type",
        "region",
        "sector",
        "themes",
        "published",
    ]
    assert yaml.safe_load(front)["title"] == TITLE
    assert "#" not in front and "municipality" not in front and "## Lähtötilanne" in text

    check = run(p.root, "check")
    assert check.returncode == 1
    reported = re.findall(
        r"^content/acts/nain-kehitimme-palvelua\.fi\.md:\d+:\d+: (\w+): (.*)$", check.stdout, re.MULTILINE
    )
    assert reported == [
        (name, "is empty.") for name in ("summary", "organisation", "organisation_type", "region", "sector", "themes")
    ]
    assert "fix: Give it a value, e.g. region: keski-suomi." in check.stdout

    path.write_text(
        fill(
            text,
            {
                "summary": "Asiakkaat ja työntekijät suunnittelivat palvelun yhdessä.",
                "organisation": "Jämsän kaupunki",
                "organisation_type": "kunta",
                "region": "keski-suomi",
                "sector": "sosiaalipalvelut",
                "themes": "[palvelumuotoilu]",
            },
        ),
        encoding="utf-8",
    )
    check = run(p.root, "check")
    assert check.returncode == 0, check.stdout


def test_new_tool_and_campaign_pass_once_filled(project):
    p = project()
    assert run(p.root, "new", "tool", "Työkirja työn kuormitukseen", "--lang", "fi").returncode == 0
    assert run(p.root, "new", "campaign", "Kevään kampanja 2027", "--lang", "fi").returncode == 0
    tool = p.root / "content/tools/tyokirja-tyon-kuormitukseen.fi.md"
    campaign = p.root / "docs/campaigns/kevaan-kampanja-2027.fi.md"
    check = run(p.root, "check")
    assert sorted(set(re.findall(r"^(\S+):\d+:\d+: (\S+): is empty\.$", check.stdout, re.MULTILINE))) == [
        ("content/tools/tyokirja-tyon-kuormitukseen.fi.md", "format"),
        ("content/tools/tyokirja-tyon-kuormitukseen.fi.md", "source.organisation"),
        ("content/tools/tyokirja-tyon-kuormitukseen.fi.md", "summary"),
        ("content/tools/tyokirja-tyon-kuormitukseen.fi.md", "topics"),
        ("docs/campaigns/kevaan-kampanja-2027.fi.md", "start"),
        ("docs/campaigns/kevaan-kampanja-2027.fi.md", "summary"),
    ]
    tool.write_text(
        fill(
            tool.read_text(encoding="utf-8"),
            {
                "summary": "Työkirja auttaa esihenkilöitä tunnistamaan kuormituksen.",
                "topics": "[johtaminen]",
                "format": "opas",
                "organisation": "Kunta- ja hyvinvointialuetyönantajat KT",
            },
        ),
        encoding="utf-8",
    )
    campaign.write_text(
        fill(
            campaign.read_text(encoding="utf-8"),
            {"summary": "Kampanja kertoo kuntatyön merkityksestä keväällä.", "start": "2027-03-01"},
        ),
        encoding="utf-8",
    )
    check = run(p.root, "check")
    assert check.returncode == 0, check.stdout


def test_the_id_folds_scandinavian_letters(project):
    p = project()
    result = run(p.root, "new", "act", "Åbolands äldreomsorg över gränserna", "--lang", "sv")
    assert result.returncode == 0, result.stderr
    assert (p.root / "content/acts/abolands-aldreomsorg-over-granserna.sv.md").is_file()
    assert "## Utgångsläge" in (p.root / "content/acts/abolands-aldreomsorg-over-granserna.sv.md").read_text(
        encoding="utf-8"
    )


def test_an_existing_file_is_never_overwritten(project):
    p = project()
    assert run(p.root, "new", "act", TITLE, "--lang", "fi").returncode == 0
    path = p.root / "content/acts/nain-kehitimme-palvelua.fi.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOma tekstini.\n", encoding="utf-8")
    before = path.read_bytes()
    again = run(p.root, "new", "act", TITLE, "--lang", "fi", "--also", "sv")
    assert again.returncode == 1
    assert "content/acts/nain-kehitimme-palvelua.fi.md already exists; nothing was written." in again.stderr
    assert path.read_bytes() == before
    assert not (p.root / "content/acts/nain-kehitimme-palvelua.sv.md").exists()


def test_also_creates_the_translation_with_its_title_to_translate(project):
    p = project()
    result = run(p.root, "new", "act", TITLE, "--lang", "fi", "--also", "sv")
    assert result.returncode == 0, result.stderr
    assert "created content/acts/nain-kehitimme-palvelua.sv.md" in result.stdout
    sv = (p.root / "content/acts/nain-kehitimme-palvelua.sv.md").read_text(encoding="utf-8")
    assert 'title: ""\n' in sv and "## Utgångsläge" in sv
    check = run(p.root, "check", "content/acts/nain-kehitimme-palvelua.sv.md")
    assert re.search(
        r"^content/acts/nain-kehitimme-palvelua\.sv\.md:\d+:\d+: title: is empty\.$", check.stdout, re.MULTILINE
    )


def test_a_title_too_short_for_an_id_is_refused(project):
    p = project()
    result = run(p.root, "new", "tool", "Äö", "--lang", "fi")
    assert result.returncode == 1 and "the id 'ao' made from the title is not valid" in result.stderr
    assert run(p.root, "new", "tool", "Äö", "--lang", "fi", "--id", "aaltojen-opas").returncode == 0


def test_new_and_check_speak_the_editors_language(project):
    p = project()
    finnish = run(p.root, "new", "act", "Näin kehitimme palvelua", "--lang", "fi", "--also", "sv", lang="")
    assert finnish.stdout.startswith("luotiin content/acts/nain-kehitimme-palvelua.fi.md\n"), finnish.stdout
    assert "Täytä tyhjät kentät" in finnish.stdout
    again = run(p.root, "new", "act", "Näin kehitimme palvelua", "--lang", "sv", lang="")
    assert again.returncode == 1 and "finns redan; inget skrevs" in again.stderr, again.stderr
    short = run(p.root, "new", "tool", "Äö", "--lang", "fi", lang="")
    assert "otsikosta tehty tunniste 'ao' ei kelpaa" in short.stderr, short.stderr
    (p.root / "content/acts/nain-kehitimme-palvelua.fi.md").unlink()
    (p.root / "content/acts/nain-kehitimme-palvelua.sv.md").unlink()
    assert run(p.root, "check", lang="sv").stdout.startswith("Filer kontrollerade: ")
