"""An editor's bad pull request: several files, several problems, all reported in one run."""

from pathlib import Path

import pytest
from conftest import act

GOLDEN = Path(__file__).parents[1] / "golden" / "bad_content_report.txt"

BAD_FILES = {
    # three mistakes in one act: a misspelt theme, a date in the future, an unknown field
    "content/acts/jamsa-asiakaspalvelu.fi.md": act(
        themes="[palvelumuotoilu, tyohyvinvoinit]", published="2027-01-15", organization="Jämsä"
    ),
    # Swedish act: a label instead of a slug, Markdown in the summary, a missing required field
    "content/acts/narpes-skolkoket.sv.md": act(
        title="Matsvinnet halverades i skolköket",
        region="Österbotten",
        summary="Skolköket i Närpes **halverade** matsvinnet på ett år.",
        sector=None,
    ),
    # a tool with an unclosed quote: YAML itself cannot read it
    "content/tools/tyokirja.fi.md": '---\ntitle: "Kuormituksen hallinnan työkirja\nsummary: Työkirja.\n---\n',
    # a story that would run code in a reader's browser
    "content/acts/kuopio-lupa-asiointi.fi.md": act() + '\n<img src="kuva.png" onerror="alert(1)">\n',
}


def golden(lang: str) -> Path:
    return GOLDEN if lang == "en" else GOLDEN.with_suffix(f".{lang}.txt")


# TT_LANG gives the whole report one language; unset ("default"), each file speaks its own
# (the Swedish act in Swedish) and the closing count line that of the first problem.
@pytest.mark.parametrize("lang", ["en", "fi", "sv", "default"])
def test_build_reports_every_problem_of_every_file_then_fails(project, lang):
    p = project(BAD_FILES)
    result = p.build(TT_LANG="" if lang == "default" else lang)
    assert result.returncode == 1
    report = result.stderr[result.stderr.index("content/") :]
    assert report == golden(lang).read_text(encoding="utf-8"), report
    assert not (p.root / "site" / "index.html").exists()  # nothing half-built
    assert "Traceback" not in result.stderr
