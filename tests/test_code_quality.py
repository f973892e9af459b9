"""The code checks itself: Ruff's lint and format, Ruff with its defaults (as a contributor's editor
runs it), mypy (strict on hooks/tarkeissa/, looser on the tests), and a .gitignore that drops no
tracked file. The rule sets are in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "--no-cache", "."],
        ["ruff", "format", "--no-cache", "--check", "."],
        ["ruff", "check", "--no-cache", "--isolated", "."],  # Ruff's default rules, no configuration
    ],
    ids=["lint", "format", "default-rules"],
)
def test_ruff_finds_nothing(command):
    result = run(str(BIN / command[0]), *command[1:])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("config", ["pyproject.toml", "tests/mypy.ini"], ids=["package-strict", "tests"])
def test_mypy_finds_nothing(config):
    # pyproject.toml: hooks/tarkeissa/, strict; tests/mypy.ini: the tests, every body checked, no annotations needed
    result = run(str(BIN / "mypy"), "--config-file", config)
    assert result.returncode == 0, result.stdout + result.stderr


def test_gitignore_drops_no_tracked_file():
    result = run("git", "ls-files", "--cached", "--ignored", "--exclude-standard")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "", f"tracked but matched by .gitignore:\n{result.stdout}"


def test_the_gitignore_check_sees_an_unanchored_line(tmp_path):
    """An unanchored `site/` in .gitignore would drop the package's own folder of that name."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "pkg" / "site").mkdir(parents=True)
    (tmp_path / "pkg" / "site" / "cards.py").write_text("", encoding="utf-8")
    subprocess.run(["git", "-C", str(tmp_path), "add", "."], check=True)
    (tmp_path / ".gitignore").write_text("site/\n", encoding="utf-8")
    listed = subprocess.run(
        ["git", "-C", str(tmp_path), "ls-files", "-ci", "--exclude-standard"],
        check=True,
        capture_output=True,
        text=True,
    )
    assert listed.stdout == "pkg/site/cards.py\n"


def test_the_quick_run_leaves_out_tests_that_build_through_a_helper_or_a_script():
    # `make test-quick` is -m "not browser and not build": a test that builds only through a helper (a batch
    # of bodies, a failed_build check), a Hypothesis test, or a live-preview script in a string is still a build
    listed = run(
        str(BIN / "python"), "-m", "pytest", "-p", "no:xdist", "-q", "--collect-only", "-m", "not browser and not build"
    )
    quick = {line.split("::")[0] for line in listed.stdout.splitlines() if "::" in line}
    builders = {"test_public_suites.py", "test_body_property.py", "test_live_preview.py", "test_engines.py"}
    assert listed.returncode == 0 and quick and not {path.rsplit("/", 1)[-1] for path in quick} & builders
    assert "tests/content/test_body_policy.py" in quick  # no build: it stays
