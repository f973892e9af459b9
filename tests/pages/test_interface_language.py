"""Material's interface strings: complete and correct in Finnish and Swedish, with no English fallback."""

import re
from pathlib import Path

import material
import pytest
from conftest import ROOT

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


def strings(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([a-z.]+)": "(.*)",?$', path.read_text(encoding="utf-8"), re.MULTILINE))


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_interface_key_has_a_translation(lang):
    ours = strings(ROOT / "overrides" / "partials" / "languages" / f"{lang}.html")
    english = strings(MATERIAL_LANGUAGES / "en.html")
    assert set(english) - set(ours) == set()
    assert [key for key, value in ours.items() if not value.strip()] == []
    assert ours["language"] == lang


@pytest.mark.parametrize(
    "lang, wrong",
    [
        ("fi", "Lähdekodi"),
        ("fi", "Mene repositoryyn"),
        ("fi", "Tyhjää"),
        ("sv", "Arkivera"),
        ("sv", "Gå till datakatalog"),
        ("sv", "Acceptera inte"),
    ],
)
def test_known_mistakes_of_the_stock_strings_are_corrected(lang, wrong):
    assert wrong in (MATERIAL_LANGUAGES / f"{lang}.html").read_text(encoding="utf-8"), "the stock file changed"
    assert wrong not in strings(ROOT / "overrides" / "partials" / "languages" / f"{lang}.html").values()
