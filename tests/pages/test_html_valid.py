"""Every HTML page of a production build and of a preview build, the web editor's /admin/ page
included, is valid HTML by the Nu Html Checker (vnu.jar, the W3C validator's engine, pinned in
tests/js/package.json). vnu runs once over all the files: a JVM per page would take minutes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

VNU = ROOT / "tests" / "js" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BROKEN = """<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Rikki</title></head>
<body><input type="checkbox" id="a" autocomplete="off"><label for="puuttuu">x</label><h1>x</h1><h3>y</h3></body></html>
"""


def vnu_errors(*paths: Path) -> dict[str, list[str]]:
    """The checker's errors (and fatal errors) by file, for every HTML file under the paths."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed for the Nu Html Checker (vnu.jar)")
    result = subprocess.run(
        [java, "-Xss2m", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", *map(str, paths)],
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors: dict[str, list[str]] = {}
    for message in messages:
        if message.get("type") in ("error", "non-document-error") or message.get("subType") == "fatal":
            where = message.get("url", "").removeprefix("file:")
            errors.setdefault(where, []).append(f"line {message.get('lastLine')}: {message.get('message')}")
    return errors


def _html_files(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith((".", "pagefind/"))]


@pytest.mark.build  # the fixture is named by a parameter, which the marker's search cannot see
@pytest.mark.parametrize("build", ["starter_site", "starter_preview"])
def test_every_page_of_the_build_is_valid_html(request, tmp_path, build):
    site: Path = request.getfixturevalue(build)
    pages = _html_files(site)
    assert len(pages) > 200 and (site / "admin" / "index.html") in pages  # every page, the web editor's too
    broken = tmp_path / "broken.html"  # the same run must find errors where there are some
    broken.write_text(BROKEN, encoding="utf-8")
    errors = vnu_errors(site, broken)
    found = errors.pop(str(broken), [])
    assert len(found) >= 3, found  # autocomplete on a checkbox, a label for no control, a skipped level
    assert errors == {}
