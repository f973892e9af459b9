"""The editors' JSON Schema: generated from the one schema, committed, and true to the real content."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, act
from tarkeissa.content.vocabularies import load_vocabularies
from tarkeissa.editors import jsonschema_export

VOCABULARIES, _ = load_vocabularies(ROOT / "content" / "vocabularies.yml", "content/vocabularies.yml")
FILES = {"act": "content/acts/*.md", "tool": "content/tools/*.md", "campaign": "docs/campaigns/*.md"}


def schema(name: str) -> dict:
    return json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def front_matter(text: str) -> dict:
    """As an editor's YAML tool sees it: dates are text, as in JSON."""
    data = yaml.safe_load(text.split("---\n")[1])
    return json.loads(json.dumps(data, default=str))


def errors(name: str, data: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.validator}" for e in validator.iter_errors(data))


def test_committed_schema_files_are_the_generated_ones():
    generated = jsonschema_export.generated_files(VOCABULARIES)
    assert sorted(generated) == sorted(path.name for path in (ROOT / "schemas").glob("*.json"))
    for name, text in generated.items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == text, (
            f"schemas/{name} is out of date: run `make schemas` and commit it"
        )


def test_the_schema_command_reports_drift(tmp_path):
    (tmp_path / "content").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copy(ROOT / "content" / "vocabularies.yml", tmp_path / "content" / "vocabularies.yml")
    tarkeissa = [str(Path(sys.executable).parent / "tarkeissa")]
    assert subprocess.run([*tarkeissa, "schema", "--check", "--root", str(tmp_path)], check=False).returncode == 1
    written = subprocess.run(
        [*tarkeissa, "schema", "--root", str(tmp_path)], check=True, capture_output=True, text=True
    )
    assert written.stdout.splitlines() == [
        f"wrote schemas/{name}.schema.json" for name in ("act", "tool", "campaign")
    ] + ["wrote schemas/cms-config.yml", "wrote schemas/cms-config.sv.yml"]
    assert subprocess.run([*tarkeissa, "schema", "--check", "--root", str(tmp_path)], check=False).returncode == 0
    assert (tmp_path / "schemas" / "act.schema.json").read_bytes() == (
        ROOT / "schemas" / "act.schema.json"
    ).read_bytes()


@pytest.mark.parametrize("name", ["act", "tool", "campaign"])
def test_each_schema_is_valid_2020_12_and_bilingual(name):
    document = schema(name)
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["additionalProperties"] is False
    for field, spec in document["properties"].items():
        assert " / " in spec["description"], field  # Finnish / Swedish
    assert "PAKOLLINEN / OBLIGATORISK." in document["properties"]["title"]["description"]


@pytest.mark.parametrize("name", ["act", "tool", "campaign"])
def test_every_real_content_file_validates(name):
    paths = sorted(ROOT.glob(FILES[name]))
    assert len(paths) >= 2
    for path in paths:
        assert errors(name, front_matter(path.read_text(encoding="utf-8"))) == [], path


def test_term_fields_are_the_vocabularies_terms():
    act_schema = schema("act")["properties"]
    assert act_schema["region"]["enum"] == VOCABULARIES.slugs("regions")
    assert act_schema["themes"]["items"]["enum"] == VOCABULARIES.slugs("themes")
    assert act_schema["themes"]["maxItems"] == 5 and act_schema["themes"]["uniqueItems"] is True
    assert schema("tool")["properties"]["format"]["enum"] == VOCABULARIES.slugs("tool_formats")


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"themes": "[tyohyvinvoinit]"}, ["themes/0: enum"]),
        ({"region": None}, [": required"]),
        ({"colour": "sininen"}, [": additionalProperties"]),
        ({"title": "Lyhy"}, ["title: minLength"]),
        ({"summary": "Tämä on **tärkeä** juttu, jota ei kannata ohittaa."}, ["summary: not"]),
        ({"published": "16.5.2023"}, ["published: format", "published: pattern"]),
        ({"themes": "[johtaminen, johtaminen]"}, ["themes: uniqueItems"]),
        ({"contact": "{name: Maija, email: maija(at)kunta.fi}"}, ["contact/email: format", "contact/email: pattern"]),
        ({"image": "{src: kuva.pdf, alt: Kuva}"}, ["image/src: pattern"]),
        ({"redirect_from": "[Vanha Nimi]"}, ["redirect_from/0: pattern"]),
        ({"draft": "kyllä"}, ["draft: type"]),
    ],
)
def test_bad_front_matter_fails_the_schema(fields, expected):
    assert errors("act", front_matter(act(**fields))) == expected


def test_tool_and_campaign_rules():
    tool = {
        "title": "Kuormituksen hallinnan työkirja",
        "summary": "Työkirja esihenkilöille kuormituksen hallintaan.",
        "topics": ["johtaminen"],
        "format": "opas",
        "source": {"organisation": "KT", "url": "http://www.kt.fi/"},
        "updated": "2024-03-12",
    }
    assert errors("tool", tool) == ["source/url: pattern"]
    campaign = {
        "type": "kampanja",
        "title": "Suomen tärkein sijoitus",
        "start": "2023-05-16",
        "hashtag": "sijoitus",
        "summary": "Kampanja julkisen työn merkityksen puolesta.",
    }
    assert errors("campaign", campaign) == ["hashtag: pattern", "type: const"]


def test_vs_code_is_wired_to_the_schema_files():
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "unifiedjs.vscode-remark" in extensions["recommendations"]
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["remark.requireConfig"] is True
    config = (ROOT / ".remarkrc.mjs").read_text(encoding="utf-8")
    wired = dict(re.findall(r"'\./(schemas/\w+\.schema\.json)': \['\./([^']+)'\]", config))
    assert wired == {f"schemas/{name}.schema.json": files for name, files in FILES.items()}


REMARK = ROOT / "node_modules" / ".bin" / "remark"


def test_the_editor_lint_flags_a_bad_act_and_passes_a_good_one(project):
    """What VS Code's remark extension shows: the same configuration, run by remark-cli."""
    assert REMARK.is_file(), "run `make editor-setup` (npm ci) first; `make test` does"
    p = project(
        {
            "content/acts/hyva-teko.fi.md": act(),
            "content/acts/huono-teko.fi.md": act(region="keski-suomii", colour="sininen"),
        }
    )
    for name in (".remarkrc.mjs", "schemas"):
        (p.root / name).symlink_to(ROOT / name)
    (p.root / "node_modules").symlink_to(ROOT / "node_modules")
    result = subprocess.run(
        [str(REMARK), "--no-stdout", "--no-color", "--frail", "content/acts"],
        check=False,
        cwd=p.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    report = result.stderr
    assert "content/acts/hyva-teko.fi.md: no issues found" in report
    assert re.search(r"6:9-6:21\s+warning\s+Must be equal to one of the allowed values: `uusimaa`", report)
    assert "Must NOT have additional properties" in report
