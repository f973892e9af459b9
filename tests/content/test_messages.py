"""Problems in the editor's language: one catalogue of rules, three languages, every rule listed."""

import re
import string
from pathlib import Path

import pytest
from conftest import act, run
from tarkeissa.content import messages
from tarkeissa.content.messages import LANGS, PHRASES, RULES, template_fields
from tarkeissa.content.problems import Problem, report
from tarkeissa.content.schema import SCHEMAS, Kind
from tarkeissa.content.vocabularies import Vocabularies
from tarkeissa.pages.field_reference import field_reference_page

PACKAGE = Path(__file__).parents[2] / "hooks" / "tarkeissa"
PREFIXES = sorted({rule.split(".")[0] for rule in RULES})
RULE_LITERAL = re.compile(r"""["']((?:{})\.[a-z0-9-]+)["']""".format("|".join(map(re.escape, PREFIXES))))


def _rule_ids_in_code() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name != "messages.py":
            found |= set(RULE_LITERAL.findall(path.read_text(encoding="utf-8")))
    return found - set(PHRASES)


@pytest.mark.parametrize("catalogue", [RULES, PHRASES], ids=["rules", "phrases"])
def test_every_entry_has_three_languages_with_the_same_parameters(catalogue):
    for entry_id, texts in catalogue.items():
        assert set(texts) == set(LANGS), entry_id
        fields = {
            lang: set().union(*map(template_fields, (texts[lang],) if isinstance(texts[lang], str) else texts[lang]))
            for lang in LANGS
        }
        assert fields["fi"] == fields["en"] == fields["sv"], (entry_id, fields)
        for lang in LANGS:
            for text in (texts[lang],) if isinstance(texts[lang], str) else texts[lang]:
                assert text.strip(), (entry_id, lang)  # no empty message, and no empty hint


def test_code_uses_only_rules_of_the_catalogue_and_every_rule_is_used():
    used = _rule_ids_in_code()
    assert used - set(RULES) == set()
    assert set(RULES) - used == set()  # a rule no code reports is a stale translation


def test_an_unknown_rule_id_is_refused():
    with pytest.raises(ValueError):
        Problem.at("content/acts/x.fi.md", 1, 1, "title", "no.such-rule")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_field_reference_lists_every_rule_in_its_language(lang):
    html = field_reference_page(Vocabularies(path="content/vocabularies.yml"), lang).head_html
    for rule in RULES:
        assert f"<code>{rule}</code>" in html, rule
    first = messages.rule_list(lang)[0]
    assert first["message"] in html.replace("&#39;", "'")


def test_problems_are_hashable_orderable_records_that_speak_their_files_language():
    sv = Problem.at("content/acts/a.sv.md", 3, 1, "summary", "field.empty", field="summary", example="Text")
    fi = Problem.at("content/acts/a.fi.md", 3, 1, "summary", "field.empty", field="summary", example="Teksti")
    other = Problem.at("content/vocabularies.yml", 1, 1, "file", "vocabulary.unknown", names="themes")
    assert len({sv, fi, other, sv}) == 3 and sorted([sv, other, fi]) == [fi, sv, other]
    assert (sv.message, sv.hint) == ("is empty.", "Give it a value, e.g. summary: Text.")
    assert sv.text() == ("är tomt.", "Ge fältet ett värde, till exempel summary: Text.")
    assert fi.text()[0] == "on tyhjä." and other.text()[0] == "ei ole tunnettu sanasto."  # Finnish: the default
    text = report([sv, fi, other])
    assert "a.sv.md:3:1: summary: är tomt.\n    åtgärd: Ge fältet" in text
    assert "a.fi.md:3:1: summary: on tyhjä.\n    korjaa: Anna kentälle" in text
    assert text.endswith("Ongelmia 3, tiedostoja 3.")  # the first problem's language
    assert report([sv, fi], lang="en").endswith("2 problem(s) in 2 file(s).")
    assert report([sv], "github").startswith(
        "::error file=content/acts/a.sv.md,line=3,col=1,title=summary::är tomt. Åtgärd: Ge fältet"
    )


def test_numbers_are_written_as_each_language_writes_them():
    problem = Problem.at("content/acts/a.sv.md", 1, 1, "body", "body.too-long", length=250000, limit=200000)
    assert problem.message == "is 250,000 characters long; the limit is 200,000."
    assert problem.text()[0] == "är 250\u00a0000 tecken lång; gränsen är 200\u00a0000."


def test_every_field_has_an_example_with_a_value():
    def walk(specs):
        for spec in specs:
            yield spec
            yield from walk(spec.fields)

    for schema in SCHEMAS.values():
        for spec in walk(schema.fields):
            if spec.kind not in (Kind.TERM, Kind.TERMS, Kind.OBJECT, Kind.OBJECT_LIST, Kind.CONSTANT):
                assert spec.example not in (None, "", []), (schema.name, spec.name)


def _check(project, files, *args):
    p = project(files)
    return run(p.root, "check", *args, lang="").stdout, p.root


def test_hints_give_examples_in_the_files_own_language_and_never_an_empty_one(project):
    files = {
        "content/acts/tom-sv.sv.md": act(title='""', image="{src: kuva.png, alt: ''}"),
        "content/acts/tom-sv.fi.md": act(title='""', image="{src: kuva.png, alt: ''}"),
    }
    out, _ = _check(project, files, "--lang", "en")
    assert (
        "title: is empty.\n    fix: Give it a value, e.g. title: Tjänstedesign förde in kundens röst i arbetet." in out
    )
    assert "title: is empty.\n    fix: Give it a value, e.g. title: Palvelumuotoilu toi asiakkaan äänen työhön." in out
    assert "e.g. alt: Arbetsgruppen planerar en ny tjänst." in out and "e.g. alt: Työryhmä" in out
    assert "alt: ." not in out


def test_check_speaks_each_files_language_unless_told(project):
    files = {
        "content/acts/narpes-skolkoket.sv.md": act(sector=None),
        "content/acts/jamsa-asiakaspalvelu.fi.md": act(sector=None),
    }
    out, root = _check(project, files)
    assert "narpes-skolkoket.sv.md:9:1: sector: är obligatoriskt men saknas.\n    åtgärd: Lägg till raden" in out
    assert "jamsa-asiakaspalvelu.fi.md:9:1: sector: on pakollinen, mutta puuttuu.\n    korjaa: Lisää" in out
    assert out.endswith("Ongelmia 2, tiedostoja 2.\n")
    out = run(root, "check", "--lang", "sv", "--format", "github", lang="fi").stdout  # --lang wins over TT_LANG
    assert out.count("är obligatoriskt men saknas. Åtgärd: Lägg till raden 'sector: ") == 2


@pytest.mark.parametrize("catalogue", [RULES, PHRASES], ids=["rules", "phrases"])
def test_every_entry_renders_with_only_names_for_its_fields(catalogue):
    """A brace meant as text ('{ }') must be written '{{ }}': otherwise rendering the message fails."""
    bad = []
    for entry_id, texts in catalogue.items():
        for lang in LANGS:
            for text in (texts[lang],) if isinstance(texts[lang], str) else texts[lang]:
                names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
                if any(not re.fullmatch(r"[a-z_][a-z0-9_]*", name) for name in names):
                    bad.append((entry_id, lang, text))
    assert bad == []
